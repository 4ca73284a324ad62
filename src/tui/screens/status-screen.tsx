import {type Ticket, ticketStatuses} from '../../domain/ticket.js';
import type {Flash} from '../components/hint-line.js';
import {flashOfResults} from '../flash.js';
import {formatIds} from '../format.js';
import {useServices} from '../services.js';
import {ActionScreen} from './action-screen.js';

type Props = {
	readonly targets: readonly Ticket[];
	readonly durationSec: () => number | null;
	readonly onDone: (flash: Flash | null) => void;
	readonly width: number;
	readonly height: number;
};

/** `s`: one status for the selected tickets (or the current one). */
export function StatusScreen({targets, durationSec, onDone, width, height}: Props) {
	const {updateTickets} = useServices();
	const ids = targets.map((ticket) => ticket.id);
	const items = ticketStatuses.map((status) => ({
		key: status,
		label: status,
		hint: targets.length === 1 && targets[0]?.status === status ? '(current)' : '',
	}));
	return (
		<ActionScreen
			steps={[{kind: 'pick', title: `Status for ${formatIds(ids)}`, items, searchable: false}]}
			summary={([status]) => ({
				title: 'Change status',
				lines: [`Set status ${status} on ${formatIds(ids)}.`],
			})}
			run={async ([status]) => {
				const results = await updateTickets(ids, {status: status as Ticket['status']}, 'status', durationSec());
				return flashOfResults(results, `Status ${status}`);
			}}
			onDone={onDone}
			width={width}
			height={height}
		/>
	);
}
