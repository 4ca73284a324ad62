import {z} from 'zod';
import {AuthError, ProviderError} from '../../errors.js';
import {type ForwardRequest, type ForwardResult, forwardNoteText, type WriteOptions} from '../help-desk.js';
import {ticketNotFound, ticketNumber, type ZendeskApi} from './api.js';
import type {sendMessage} from './writes.js';

const sideConversationResponse = z.object({side_conversation: z.object({id: z.string()}).passthrough()});
const createdTicketResponse = z.object({ticket: z.object({id: z.number()}).passthrough()});

type Env = Parameters<typeof sendMessage>[0];
type SendNote = (ticketId: string, body: string, signal?: AbortSignal) => Promise<string>;

/** Side conversations need a plan that has them; 403 or 404 on the endpoint means this account has none. */
function notAvailable(error: unknown): boolean {
	return error instanceof AuthError || (error instanceof ProviderError && error.kind === 'not-found');
}

/**
 * Zendesk: a side conversation by email to the third party where the account has them; otherwise a new ticket with the
 * third party as requester (the others copied), which says which ticket it is about. Either way the original gets an
 * internal note naming who it went to (and the linked ticket). The linked ticket carries csr's idempotency key, so
 * Zendesk returns the same ticket when a timed-out create is repeated.
 */
export async function forwardTicket(
	env: Env,
	sendNote: SendNote,
	ticketId: string,
	request: ForwardRequest,
	options: WriteOptions,
	signal?: AbortSignal,
): Promise<ForwardResult> {
	const {api} = env;
	const id = ticketNumber(ticketId);
	const note = forwardNoteText(request.to, request.note);
	try {
		await api.request(
			{
				method: 'POST',
				path: `/api/v2/tickets/${id}/side_conversations.json`,
				json: {
					message: {
						subject: request.subject,
						body: request.body,
						to: request.to.map((email) => ({email})),
					},
				},
				signal,
			},
			sideConversationResponse,
		);
		return {messageId: await sendNote(ticketId, note, signal), via: 'side-conversation'};
	} catch (error) {
		if (!notAvailable(error)) throw ticketNotFound(ticketId, error);
	}
	const linked = await createLinkedTicket(api, id, request, options, signal);
	const messageId = await sendNote(ticketId, `${note}\n\n(sent as ticket #${linked})`, signal);
	return {messageId, via: 'linked-ticket', linkedTicketId: linked};
}

async function createLinkedTicket(
	api: ZendeskApi,
	originalId: number,
	request: ForwardRequest,
	options: WriteOptions,
	signal?: AbortSignal,
): Promise<string> {
	const [first, ...others] = request.to;
	const {ticket} = await api.request(
		{
			method: 'POST',
			path: '/api/v2/tickets.json',
			idempotencyKey: options.idempotencyKey,
			json: {
				ticket: {
					subject: request.subject,
					requester: {email: first, name: first},
					email_ccs: others.map((email) => ({user_email: email, action: 'put'})),
					comment: {body: `About ticket #${originalId}.\n\n${request.body}`, public: true},
					tags: ['csr-forward'],
				},
			},
			signal,
		},
		createdTicketResponse,
	);
	return String(ticket.id);
}
