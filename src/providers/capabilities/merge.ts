import type {Ticket} from '../../domain/ticket.js';
import type {HelpDesk} from '../help-desk.js';

/** Source tickets folded into a target: the sources end closed with a note naming the target. */
export type MergeRequest = {
	readonly sourceIds: readonly string[];
	readonly targetId: string;
	/** The agent's words for the target's note (and the sources'); null: the desk's or csr's default wording. */
	readonly comment: string | null;
	/**
	 * Per ticket id (sources and target), the updatedAt the plan saw. Desks that can check it inside the write refuse
	 * with ConflictError; the others rely on the service's re-read before the write.
	 */
	readonly expectedUpdatedAt?: Readonly<Record<string, string>> | undefined;
};

export type MergeResult = {
	/** The target as it is after the merge. */
	readonly target: Ticket;
	readonly mergedIds: readonly string[];
};

export interface TicketMerge {
	/** Merges every source into the target in one operation; waits until the desk has done it. */
	mergeTickets(request: MergeRequest, signal?: AbortSignal): Promise<MergeResult>;
}

export function hasTicketMerge(desk: HelpDesk): desk is HelpDesk & TicketMerge {
	return typeof (desk as HelpDesk & Partial<TicketMerge>).mergeTickets === 'function';
}

/** The line a source ticket gets when the desk does not write its own, naming the target. */
export function mergedIntoText(targetId: string, comment: string | null): string {
	return `Merged into ticket #${targetId}.${comment === null ? '' : `\n\n${comment}`}`;
}

/** The note the target gets when the desk does not write its own, naming the sources. */
export function mergedFromText(sourceIds: readonly string[], comment: string | null): string {
	const list = sourceIds.map((id) => `#${id}`).join(', ');
	return `Ticket${sourceIds.length === 1 ? '' : 's'} ${list} merged into this ticket.${comment === null ? '' : `\n\n${comment}`}`;
}
