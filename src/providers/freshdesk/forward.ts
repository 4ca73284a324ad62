import {z} from 'zod';
import {type ForwardRequest, type ForwardResult, forwardNoteText} from '../help-desk.js';
import {type FreshdeskApi, ticketNotFound, ticketNumber} from './api.js';
import {toHtml} from './writes.js';

const forwardResponse = z.object({id: z.number()}).passthrough();

/**
 * `POST /api/v2/tickets/{id}/forward`: Freshdesk mails it and keeps it on the ticket as a forward entry. Its first line
 * names the recipients, so that entry is the note on the ticket (and what a re-run after a crash looks for).
 */
export async function forwardTicket(
	api: FreshdeskApi,
	ticketId: string,
	request: ForwardRequest,
	signal?: AbortSignal,
): Promise<ForwardResult> {
	const id = ticketNumber(ticketId);
	try {
		const entry = await api.request(
			{
				method: 'POST',
				path: `/api/v2/tickets/${id}/forward`,
				json: {
					body: toHtml(`${forwardNoteText(request.to, null)}\n\n${request.body}`),
					to_emails: request.to,
					// csr quotes the thread itself (plain text, customer text as data): not twice.
					include_quoted_text: false,
				},
				signal,
			},
			forwardResponse,
		);
		return {messageId: String(entry.id), via: 'forward'};
	} catch (error) {
		throw ticketNotFound(ticketId, error);
	}
}
