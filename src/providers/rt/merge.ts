import {ProviderError} from '../../errors.js';
import {type MergeRequest, type MergeResult, mergedFromText} from '../help-desk.js';
import {type RtApi, ticketNumber} from './api.js';
import {toTicket} from './map.js';
import {rtMessages} from './schemas.js';
import {fetchTicket} from './writes.js';

/**
 * RT merges through REST2's ticket update: `PUT /ticket/{source}` with `{"MergeInto": target}` (rights-checked by RT).
 * RT answers 200 with its messages whether or not it merged, so "Merge Successful" is looked for. A merged source
 * lives on inside the target (its id leads there, RT keeps the MergedInto link); the target then gets an internal
 * comment naming the sources. Each source is its own request: a refusal after the first names what was merged.
 */
export async function mergeTickets(api: RtApi, request: MergeRequest, signal?: AbortSignal): Promise<MergeResult> {
	const target = ticketNumber(request.targetId);
	const merged: string[] = [];
	for (const sourceId of request.sourceIds) {
		const response = await api.send({
			method: 'PUT',
			path: `/ticket/${ticketNumber(sourceId)}`,
			json: {MergeInto: String(target)},
			signal,
		});
		const said = rtMessages.safeParse(response.body);
		const lines = said.success ? said.data.filter((line) => line.trim() !== '') : [];
		if (!lines.some((line) => /merge successful/i.test(line))) {
			const before = merged.length > 0 ? ` (${merged.map((id) => `#${id}`).join(', ')} already merged)` : '';
			throw new ProviderError(
				`RT did not merge ticket ${sourceId} into ${target}${lines.length > 0 ? `: ${lines.join(' ')}` : ''}${before}`,
				{kind: 'invalid', status: response.status},
			);
		}
		merged.push(sourceId);
	}
	await api.send({
		method: 'POST',
		path: `/ticket/${target}/comment`,
		json: {Content: mergedFromText(request.sourceIds, request.comment), ContentType: 'text/plain'},
		signal,
	});
	return {target: toTicket(await fetchTicket(api, request.targetId, signal), api.webBase), mergedIds: merged};
}
