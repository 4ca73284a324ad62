import {render, useApp, useWindowSize} from 'ink';
import type {DashboardServices} from './dashboard-model.js';
import {KeyRouter} from './keys.js';
import {DashboardScreen} from './screens/dashboard-screen.js';
import {inkOptions, type Terminal} from './start.js';

function DashboardApp({services}: {readonly services: DashboardServices}) {
	const {columns, rows} = useWindowSize();
	const {exit} = useApp();
	return (
		<KeyRouter>
			<DashboardScreen
				services={services}
				width={Math.max(40, columns)}
				height={Math.max(10, rows)}
				onQuit={() => exit()}
			/>
		</KeyRouter>
	);
}

/** Runs the live board full-screen (the alternate screen) until q. */
export async function startDashboard(services: DashboardServices, terminal: Terminal): Promise<void> {
	const instance = render(<DashboardApp services={services} />, {
		stdin: terminal.stdin,
		stdout: terminal.stdout,
		stderr: terminal.stderr,
		...inkOptions,
		alternateScreen: true,
	});
	await instance.waitUntilExit();
}
