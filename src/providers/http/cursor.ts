import type * as z from 'zod';

/** Page cursors are opaque to callers: base64url JSON that says which endpoint and where. */
export function encodeCursor(value: unknown): string {
	return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** The cursor's contents, or undefined when it is not one csr made for this schema (the caller says what that means). */
export function parseCursor<Schema extends z.ZodType>(raw: string, schema: Schema): z.output<Schema> | undefined {
	let value: unknown;
	try {
		value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
	} catch {
		return undefined;
	}
	const parsed = schema.safeParse(value);
	return parsed.success ? parsed.data : undefined;
}
