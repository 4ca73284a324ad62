import {ProviderError} from '../../errors.js';

/** How a desk names its tickets in csr's messages: `Zendesk` and `ticket`, `Help Scout` and `conversation`. */
export type DeskNaming = {readonly desk: string; readonly noun?: string};

/**
 * A desk's numeric ticket id. Anything else names no ticket on that desk and must never reach a URL path, so it is
 * refused here, in the desk's words, before any request.
 */
export function numericTicketId(naming: DeskNaming, ticketId: string): number {
	const noun = naming.noun ?? 'ticket';
	const id = ticketId.trim();
	if (!/^\d{1,19}$/.test(id)) {
		throw new ProviderError(`${naming.desk} has no ${noun} "${ticketId}": ${noun} ids are numbers`, {
			kind: 'not-found',
			status: 404,
		});
	}
	return Number(id);
}

/** A 404 on a ticket path, said in the agent's words; any other error passes unchanged. */
export function ticketNotFoundOn(naming: DeskNaming, ticketId: string, error: unknown): unknown {
	if (error instanceof ProviderError && error.kind === 'not-found') {
		return new ProviderError(`${naming.desk} has no ${naming.noun ?? 'ticket'} ${ticketId} (or you cannot see it)`, {
			kind: 'not-found',
			status: 404,
			cause: error,
		});
	}
	return error;
}
