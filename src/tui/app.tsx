import {useApp, useWindowSize} from 'ink';
import {KeyRouter} from './keys.js';
import {Workstation} from './screens/workstation.js';
import {ServicesProvider, type TuiServices} from './services.js';

/** The root: the services for every screen, one keyboard, and the terminal size read once here and passed down. */
export function App({services}: {readonly services: TuiServices}) {
	const {columns, rows} = useWindowSize();
	const {exit} = useApp();
	return (
		<ServicesProvider value={services}>
			<KeyRouter>
				<Workstation width={Math.max(40, columns)} height={Math.max(10, rows)} onQuit={() => exit()} />
			</KeyRouter>
		</ServicesProvider>
	);
}
