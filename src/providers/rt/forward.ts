import {z} from 'zod';
import {ProviderError} from '../../errors.js';
import {type ForwardRequest, type ForwardResult, forwardNoteText} from '../help-desk.js';
import {type RtApi, ticketNumber} from './api.js';
import {fetchTicket} from './writes.js';

const created = z.object({id: z.union([z.string(), z.number()]).transform(String)}).passthrough();

/** `Location: /REST/2.0/transaction/123` → "123". */
const transactionId = (location: string | undefined): string | null =>
	/\/transaction\/(\d+)\/?$/.exec(location ?? '')?.[1] ?? null;

/**
 * RT: REST2 cannot copy a comment to an address once (its `Cc` on a comment replaces the ticket's Cc watchers, who
 * would then get every later reply), and RT's own Forward is not in REST2. So csr opens a ticket for the third party
 * in the same queue (requestor: the first address, Cc: the others, RefersTo: the original), sends the forwarded text
 * on it as correspondence (RT mails it to them), and comments on the original naming who got it and the new ticket.
 */
export async function forwardTicket(
	api: RtApi,
	ticketId: string,
	request: ForwardRequest,
	signal?: AbortSignal,
): Promise<ForwardResult> {
	const number = ticketNumber(ticketId);
	const original = await fetchTicket(api, ticketId, signal);
	const [first, ...others] = request.to;
	const opened = await api.send({
		method: 'POST',
		path: '/ticket',
		json: {
			Queue: original.Queue.id,
			Subject: request.subject,
			Requestor: first,
			...(others.length > 0 ? {Cc: others} : {}),
			RefersTo: String(number),
		},
		signal,
	});
	const parsed = created.safeParse(opened.body);
	if (!parsed.success)
		throw new ProviderError('RT did not say which ticket it opened for the forward', {kind: 'permanent'});
	const linked = parsed.data.id;
	await api.send({
		method: 'POST',
		path: `/ticket/${ticketNumber(linked)}/correspond`,
		json: {Content: `About ticket #${number}.\n\n${request.body}`, ContentType: 'text/plain'},
		signal,
	});
	const note = await api.send({
		method: 'POST',
		path: `/ticket/${number}/comment`,
		json: {
			Content: `${forwardNoteText(request.to, request.note)}\n\n(sent as ticket #${linked})`,
			ContentType: 'text/plain',
		},
		signal,
	});
	return {
		messageId: transactionId(note.headers['location']) ?? `rt-${linked}`,
		via: 'linked-ticket',
		linkedTicketId: linked,
	};
}
