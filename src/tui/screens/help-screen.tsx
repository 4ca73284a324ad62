import {useState} from 'react';
import {helpCapacity, helpLines, KeyHelp} from '../components/key-help.js';
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
	const [offset, setOffset] = useState(0);
	const overflow = Math.max(0, helpLines().length - helpCapacity(width, height));
	useKeys((input, key) => {
		const move = actionOf(['down', 'up'], input, key);
		if (move === 'down' && offset < overflow) setOffset(offset + 1);
		else if (move === 'up' && offset > 0) setOffset(offset - 1);
		else if (move === undefined) onClose();
	});
	return <KeyHelp width={width} height={height} offset={offset} />;
}
