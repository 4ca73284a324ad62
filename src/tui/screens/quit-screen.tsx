import {Box} from 'ink';
import {ConfirmBox} from '../components/confirm-box.js';
import {formatIds, plural} from '../format.js';
import {actionOf} from '../keymap.js';
import {useKeys} from '../keys.js';
import type {Draft} from '../services.js';

type Props = {
	readonly drafts: readonly Draft[];
	readonly onQuit: () => void;
	readonly onStay: () => void;
	readonly width: number;
};

/** Quitting with unsent drafts asks first; the drafts are kept either way. */
export function QuitScreen({drafts, onQuit, onStay, width}: Props) {
	useKeys((input, key) => {
		if (actionOf(['confirm'], input, key) === 'confirm') onQuit();
		else onStay();
	});
	return (
		// flex-start: the box is as tall as its lines, not the screen.
		<Box width={width} alignItems="flex-start">
			<ConfirmBox
				title={`Quit with ${plural(drafts.length, 'unsent draft')}?`}
				lines={[
					`Drafts for ${formatIds(drafts.map((draft) => draft.ticketId))} were not sent.`,
					'They are kept on this machine and come back when you reply to the ticket again.',
				]}
				isWorking={false}
				width={Math.min(width, 76)}
			/>
		</Box>
	);
}
