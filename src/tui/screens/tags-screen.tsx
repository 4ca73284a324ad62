import type {Ticket} from '../../domain/ticket.js';
import type {Flash} from '../components/hint-line.js';
import {flashOfResults} from '../flash.js';
import {formatIds} from '../format.js';
import {parseTagDelta} from '../plans.js';
import {useServices} from '../services.js';
import {ActionScreen} from './action-screen.js';

type Props = {
	readonly targets: readonly Ticket[];
	readonly durationSec: () => number | null;
	readonly onDone: (flash: Flash | null) => void;
	readonly width: number;
	readonly height: number;
};

/** `t`: add and remove tags on the selected tickets (or the current one). */
export function TagsScreen({targets, durationSec, onDone, width, height}: Props) {
	const {updateTickets} = useServices();
	const ids = targets.map((ticket) => ticket.id);
	const tags = (text: string) => parseTagDelta(text) ?? {add: [], remove: []};
	return (
		<ActionScreen
			steps={[
				{
					kind: 'text',
					title: `Tags for ${formatIds(ids)}: +add -remove`,
					placeholder: '+vip -spam',
					validate: (text) => (parseTagDelta(text) === null ? 'Write tags as +tag to add and -tag to remove.' : null),
				},
			]}
			summary={([text = '']) => ({
				title: 'Change tags',
				lines: [
					`On ${formatIds(ids)}:`,
					tags(text).add.length > 0 ? `add ${tags(text).add.join(', ')}` : '',
					tags(text).remove.length > 0 ? `remove ${tags(text).remove.join(', ')}` : '',
				].filter(Boolean),
			})}
			run={async ([text = '']) =>
				flashOfResults(await updateTickets(ids, {tags: tags(text)}, 'tag', durationSec()), 'Tags changed')
			}
			onDone={onDone}
			width={width}
			height={height}
		/>
	);
}
