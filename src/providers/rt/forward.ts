import * as z from 'zod';
import {ProviderError} from '../../errors.js';
import {type ForwardOptions, type ForwardRequest, type ForwardResult, forwardNoteText} from '../help-desk.js';
import {findEarlierAttempt} from '../http/settle.js';
import {type RtApi, ticketNumber} from './api.js';
import {attachmentFields} from './attachments.js';
import {markerLink} from './create.js';
import {quote} from './ticket-sql.js';
import {fetchTicket} from './writes.js';

const created = z.object({id: z.union([z.string(), z.number()]).transform(String)}).passthrough();
const found = z.object({items: z.array(z.object({id: z.union([z.string(), z.number()]).transform(String)}))});
const history = z.object({items: z.array(z.object({Type: z.string()}).passthrough())});

/** The ticket an earlier attempt opened for the third party under this key (its "Refers to" marker link). */
async function findLinkedTicket(api: RtApi, key: string, signal?: AbortSignal): Promise<string | null> {
	const sql = `RefersTo = ${quote(markerLink(key))}`;
	const page = await api.get('/tickets', {query: sql, orderby: 'id', order: 'ASC', per_page: 1}, found, signal);
	return page.items[0]?.id ?? null;
}

/** Whether the linked ticket already has its correspondence (the forwarded text went out). */
async function hasCorrespondence(api: RtApi, ticketId: string, signal?: AbortSignal): Promise<boolean> {
	const page = await api.get(`/ticket/${ticketId}/history`, {per_page: 100, fields: 'Type'}, history, signal);
	return page.items.some((item) => item.Type === 'Correspond');
}

/** `Location: /REST/2.0/transaction/123` → "123". */
const transactionId = (location: string | undefined): string | null =>
	/\/transaction\/(\d+)\/?$/.exec(location ?? '')?.[1] ?? null;

/**
 * RT: REST2 cannot copy a comment to an address once (its `Cc` on a comment replaces the ticket's Cc watchers, who
 * would then get every later reply), and RT's own Forward is not in REST2. So csr opens a ticket for the third party
 * in the same queue (requestor: the first address, Cc: the others, RefersTo: the original), sends the forwarded text
 * on it as correspondence with the files (RT mails it to them), and comments on the original naming who got it and the
 * new ticket. Three requests and no idempotency key: the linked ticket also refers to csr's marker (`urn:csr:KEY`, as
 * `csr new` marks its tickets), so after an interruption csr finds it, sends its correspondence only if it has none,
 * and writes the comment; nothing goes to the third party twice.
 */
export async function forwardTicket(
	api: RtApi,
	ticketId: string,
	request: ForwardRequest,
	options: ForwardOptions,
	signal?: AbortSignal,
): Promise<ForwardResult> {
	const number = ticketNumber(ticketId);
	const original = await fetchTicket(api, ticketId, signal);
	const key = options.idempotencyKey;
	const earlier = await findEarlierAttempt(
		options,
		api.setup.now,
		(marker) => findLinkedTicket(api, marker, signal),
		signal,
	);
	const linked = earlier ?? (await openLinkedTicket(api, number, original.Queue.id, request, key, signal));
	if (earlier === null || !(await hasCorrespondence(api, linked, signal)))
		await api.send({
			method: 'POST',
			path: `/ticket/${ticketNumber(linked)}/correspond`,
			json: {
				Content: `About ticket #${number}.\n\n${request.body}`,
				ContentType: 'text/plain',
				// The files go with the mail to the third party (base64 `Attachments`, as on a reply).
				...attachmentFields({body: request.body, public: true, attachments: request.attachments}),
			},
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

async function openLinkedTicket(
	api: RtApi,
	originalNumber: number,
	queue: string,
	request: ForwardRequest,
	key: string | undefined,
	signal?: AbortSignal,
): Promise<string> {
	const [first, ...others] = request.to;
	const opened = await api.send({
		method: 'POST',
		path: '/ticket',
		json: {
			Queue: queue,
			Subject: request.subject,
			Requestor: first,
			...(others.length > 0 ? {Cc: others} : {}),
			RefersTo: key === undefined ? String(originalNumber) : [String(originalNumber), markerLink(key)],
		},
		signal,
	});
	const parsed = created.safeParse(opened.body);
	if (!parsed.success)
		throw new ProviderError('RT did not say which ticket it opened for the forward', {kind: 'permanent'});
	return parsed.data.id;
}
