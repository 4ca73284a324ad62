import type * as z from 'zod';
import type {QueryValue} from '../http/url.js';
import type {ZendeskApi} from './api.js';
import type {ZendeskUser} from './schemas.js';

type CursorPage = {
	readonly meta?: {readonly has_more: boolean; readonly after_cursor?: string | null | undefined} | undefined;
	readonly users?: readonly ZendeskUser[] | undefined;
};

/**
 * Every item of a cursor-paginated listing, 100 a page, following `meta.after_cursor` while `meta.has_more`; each
 * page's sideloaded users go into the directory. One request for a listing of up to 100 items.
 */
export async function readEveryPage<Schema extends z.ZodType<CursorPage>, Item>(
	api: ZendeskApi,
	path: string,
	query: Record<string, QueryValue>,
	schema: Schema,
	items: (page: z.output<Schema>) => readonly Item[],
	signal?: AbortSignal,
): Promise<Item[]> {
	const all: Item[] = [];
	let after: string | undefined;
	for (;;) {
		const page = await api.get(path, {...query, 'page[size]': 100, 'page[after]': after}, schema, signal);
		api.directory.absorb(page);
		all.push(...items(page));
		if (!page.meta?.has_more || !page.meta.after_cursor) return all;
		after = page.meta.after_cursor;
	}
}
