import {helpCapacity, helpLines, KeyHelp} from '../components/key-help.js';
import {useLeaving, useLiveState} from '../hooks/use-live-state.js';
import {actionOf} from '../keymap.js';
import {useKeys} from '../keys.js';

/** `?`: the keymap; j/k scroll when it does not fit, any other key closes it. */
export function HelpScreen({
	onClose,
	width,
	height,
}: {
	readonly onClose: () => void;
	readonly width: number;
	readonly height: number;
}) {
	const [offset, setOffset, readOffset] = useLiveState(0);
	const {leave, hasLeft} = useLeaving();
	const overflow = Math.max(0, helpLines().length - helpCapacity(width, height));
	useKeys((input, key) => {
		if (hasLeft()) return 'later';
		const offset = readOffset();
		const move = actionOf(['down', 'up'], input, key);
		if (move === 'down' && offset < overflow) setOffset(offset + 1);
		else if (move === 'up' && offset > 0) setOffset(offset - 1);
		else if (move === undefined) leave(onClose);
	});
	return <KeyHelp width={width} height={height} offset={offset} />;
}
