import * as z from 'zod';
import {ProviderError} from '../../errors.js';
import {type MergeRequest, type MergeResult, mergedFromText, mergedIntoText} from '../help-desk.js';
import {type FreshdeskApi, ticketNotFound, ticketNumber} from './api.js';
import {getTickets} from './queue.js';
import {toHtml} from './writes.js';

/** Freshdesk answers a merge with 204 and no body. */
const empty = z.unknown();

/**
 * `PUT /api/v2/tickets/merge`: the secondary tickets are closed into the primary, each side with a private note.
 * Not repeated by the HTTP layer after a timeout (the journal covers a re-run); the target is read back after.
 */
export async function mergeTickets(
	api: FreshdeskApi,
	request: MergeRequest,
	signal?: AbortSignal,
): Promise<MergeResult> {
	const primary = ticketNumber(request.targetId);
	const ids = request.sourceIds.map(ticketNumber);
	try {
		await api.request(
			{
				method: 'PUT',
				path: '/api/v2/tickets/merge',
				json: {
					primary_id: primary,
					ticket_ids: ids,
					note_in_primary: {body: toHtml(mergedFromText(request.sourceIds, request.comment)), private: true},
					note_in_secondary: {body: toHtml(mergedIntoText(request.targetId, request.comment)), private: true},
				},
				signal,
			},
			empty,
		);
	} catch (error) {
		throw ticketNotFound(request.targetId, error);
	}
	const [target] = await getTickets(api, [request.targetId], signal);
	if (target === undefined)
		throw new ProviderError(`Freshdesk merged into ticket ${primary} but csr cannot read it back`, {kind: 'permanent'});
	return {target, mergedIds: ids.map(String)};
}
