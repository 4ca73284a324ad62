import * as z from 'zod';
import {UsageError} from '../../errors.js';
import {encodeCursor, parseCursor} from '../http/cursor.js';

export {encodeCursor};

export function decodeCursor<Schema extends z.ZodType>(raw: string, schema: Schema): z.output<Schema> {
	const value = parseCursor(raw, schema);
	if (value === undefined)
		throw new UsageError('invalid page cursor for this Zendesk listing', 'Start again without a cursor.');
	return value;
}

export const queueCursor = z.discriminatedUnion('kind', [
	z.object({kind: z.literal('search'), page: z.number().int().min(1), perPage: z.number().int().min(1).max(100)}),
	z.object({kind: z.literal('view'), viewId: z.number().int(), after: z.string()}),
]);
export type QueueCursor = z.infer<typeof queueCursor>;

/**
 * Export cursors. Incremental export cursors are made for resuming at any later time. The others wrap Zendesk's
 * cursor pages, which only continue a pass over a list: `issuedAt` says when the cursor was handed out, and one older
 * than `pageCursorLifetimeMs` starts a new pass (ticket metrics: from the newest again; ratings: from `since`), so
 * a later sync does not just re-read the tail of an old pass.
 */
export const exportCursor = z.discriminatedUnion('kind', [
	z.object({kind: z.literal('incremental'), cursor: z.string()}),
	z.object({kind: z.literal('metrics'), after: z.string(), issuedAt: z.number()}),
	z.object({
		kind: z.literal('ratings'),
		after: z.string(),
		issuedAt: z.number(),
		/** Epoch seconds of the newest rating seen so far. */
		since: z.number().nullable(),
	}),
]);
export type ExportCursor = z.infer<typeof exportCursor>;

/** How long a wrapped Zendesk page cursor continues its pass. */
export const pageCursorLifetimeMs = 10 * 60_000;
