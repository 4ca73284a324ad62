import type * as z from 'zod';
import {ProviderError} from '../../errors.js';
import type {QueryValue} from '../http/url.js';
import type {ZendeskApi} from './api.js';
import type {ZendeskUser} from './schemas.js';

type CursorPage = {
	readonly meta?: {readonly has_more: boolean; readonly after_cursor?: string | null | undefined} | undefined;
	readonly users?: readonly ZendeskUser[] | undefined;
};

type Listing<Schema extends z.ZodType<CursorPage>, Item> = {
	readonly path: string;
	readonly query: Record<string, QueryValue>;
	readonly schema: Schema;
	readonly items: (page: z.output<Schema>) => readonly Item[];
};

/**
 * Every item of a cursor-paginated listing, 100 a page, following `meta.after_cursor` while `meta.has_more`; each
 * page's sideloaded users go into the directory. One request for a listing of up to 100 items.
 */
export async function readEveryPage<Schema extends z.ZodType<CursorPage>, Item>(
	api: ZendeskApi,
	listing: Listing<Schema, Item>,
	signal?: AbortSignal,
): Promise<Item[]> {
	return readPages(api, listing, null, signal);
}

/**
 * The same, or null when Zendesk refuses the listing (403 on its first page) rather than an AuthError: for a
 * listing the token's scopes may not cover while another listing holds what is needed.
 */
export async function readEveryPageUnlessForbidden<Schema extends z.ZodType<CursorPage>, Item>(
	api: ZendeskApi,
	listing: Listing<Schema, Item>,
	signal?: AbortSignal,
): Promise<Item[] | null> {
	const query = {...listing.query, 'page[size]': 100};
	const response = await api.http.send({method: 'GET', path: listing.path, query, allowStatuses: [403], signal});
	if (response.status === 403) return null;
	const parsed = listing.schema.safeParse(response.body);
	if (!parsed.success) {
		throw new ProviderError(`Zendesk sent an unexpected response for GET ${response.path}`, {kind: 'permanent'});
	}
	return readPages(api, listing, parsed.data, signal);
}

async function readPages<Schema extends z.ZodType<CursorPage>, Item>(
	api: ZendeskApi,
	listing: Listing<Schema, Item>,
	first: z.output<Schema> | null,
	signal?: AbortSignal,
): Promise<Item[]> {
	const read = (after: string | undefined) =>
		api.get(listing.path, {...listing.query, 'page[size]': 100, 'page[after]': after}, listing.schema, signal);
	const all: Item[] = [];
	let page = first ?? (await read(undefined));
	for (;;) {
		api.directory.absorb(page);
		all.push(...listing.items(page));
		if (!page.meta?.has_more || !page.meta.after_cursor) return all;
		page = await read(page.meta.after_cursor);
	}
}
