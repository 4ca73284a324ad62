import {type Agent, request as undiciRequest} from 'undici';
import {ProviderError} from '../../errors.js';
import {redactQuery} from './redact.js';
import {isLoopbackHost} from './url.js';

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

export type DownloadContext = {
	readonly agent: Agent;
	readonly provider: string;
	readonly log: (line: string) => void;
	readonly signal: AbortSignal | undefined;
	readonly counted: () => void;
};

/**
 * A GET without credentials to another host (a file store the desk links an attachment to, such as S3 or Zendesk's
 * user-content host): https only (http on loopback), redirects followed the same way, the query kept out of logs.
 */
export async function downloadElsewhere(start: URL, context: DownloadContext): Promise<Uint8Array> {
	const {agent, provider, log, signal} = context;
	let url = start;
	for (let hops = 0; hops < 4; hops++) {
		if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname)))
			throw new ProviderError(
				`${provider} linked a file over ${url.protocol} (${url.host}); csr fetches files over https only`,
			);
		context.counted();
		log(`→ GET ${url.protocol}//${url.host}${redactQuery(url.pathname)} (no credentials)`);
		const response = await undiciRequest(url, {method: 'GET', dispatcher: agent, ...(signal ? {signal} : {})});
		const location = response.headers['location'];
		if (redirectStatuses.has(response.statusCode) && typeof location === 'string') {
			await response.body.dump();
			url = new URL(location, url);
			continue;
		}
		if (response.statusCode >= 400) {
			await response.body.dump();
			throw new ProviderError(
				`${provider}'s file store answered ${response.statusCode} for ${url.host}${redactQuery(url.pathname)}`,
				{
					kind: response.statusCode >= 500 ? 'temporary' : response.statusCode === 404 ? 'not-found' : 'permanent',
					status: response.statusCode,
				},
			);
		}
		return new Uint8Array(await response.body.arrayBuffer());
	}
	throw new ProviderError(`${provider}'s file link redirected too often`);
}
