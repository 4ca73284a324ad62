import * as z from 'zod';
import {type ForwardRequest, type ForwardResult, forwardNoteText} from '../help-desk.js';
import type {HttpRequest} from '../http/http-client.js';
import {type FreshdeskApi, ticketNotFound, ticketNumber} from './api.js';
import {fileParts} from './attachments.js';
import {toHtml} from './writes.js';

const forwardResponse = z.object({id: z.number()}).passthrough();

/**
 * The forward request: JSON, or with files multipart/form-data (`attachments[]`, the only way Freshdesk takes files,
 * as on a reply). `include_quoted_text` false: csr quotes the thread itself (plain text, customer text as data), not
 * twice; `include_original_attachments` stays Freshdesk's default (off), so only the files the agent chose go.
 */
function forwardRequest(id: number, request: ForwardRequest, signal?: AbortSignal): HttpRequest {
	const path = `/api/v2/tickets/${id}/forward`;
	const body = toHtml(`${forwardNoteText(request.to, null)}\n\n${request.body}`);
	const files = request.attachments ?? [];
	if (files.length === 0)
		return {method: 'POST', path, json: {body, to_emails: request.to, include_quoted_text: false}, signal};
	return {
		method: 'POST',
		path,
		multipart: [
			{name: 'body', value: body},
			...request.to.map((email) => ({name: 'to_emails[]', value: email})),
			{name: 'include_quoted_text', value: 'false'},
			...fileParts(files),
		],
		signal,
	};
}

/**
 * `POST /api/v2/tickets/{id}/forward`: Freshdesk mails it and keeps it on the ticket as a forward entry. Its first line
 * names the recipients, so that entry is the note on the ticket (and what a re-run after a crash looks for). One
 * request: nothing to find after an interruption but that entry.
 */
export async function forwardTicket(
	api: FreshdeskApi,
	ticketId: string,
	request: ForwardRequest,
	signal?: AbortSignal,
): Promise<ForwardResult> {
	const id = ticketNumber(ticketId);
	try {
		const entry = await api.request(forwardRequest(id, request, signal), forwardResponse);
		return {messageId: String(entry.id), via: 'forward'};
	} catch (error) {
		throw ticketNotFound(ticketId, error);
	}
}
