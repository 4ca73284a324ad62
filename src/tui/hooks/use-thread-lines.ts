import {useMemo} from 'react';
import type {TicketThread} from '../../domain/message.js';
import {buildThreadLines, type PaneLine, queuedLines} from '../thread-lines.js';
import type {AsyncState} from './use-async.js';
import {useQueued} from './use-queued.js';

/** The thread pane's lines: the conversation, then what the outbox still keeps for the ticket (read per `revision`). */
export function useThreadLines(
	thread: AsyncState<TicketThread>,
	options: {
		readonly width: number;
		readonly now: Date;
		readonly expanded: ReadonlySet<string>;
		readonly timeZone: string;
		readonly revision: number;
	},
): readonly PaneLine[] {
	const {width, now, expanded, timeZone, revision} = options;
	const queued = useQueued(revision);
	return useMemo(
		() =>
			thread.kind === 'ready'
				? [
						...buildThreadLines(thread.value, {width, now, expanded, timeZone}),
						...queuedLines(queued.get(thread.value.ticket.id) ?? [], width),
					]
				: [],
		[thread, width, now, expanded, timeZone, queued],
	);
}
