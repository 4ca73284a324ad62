/** One part of a multipart/form-data body as a fake desk sees it. */
export type ParsedPart = {name: string; fileName: string | null; contentType: string | null; data: Buffer};

/** Parses a multipart/form-data body (RFC 7578) the way a desk's server would, for the fakes. */
export function parseMultipart(contentType: string | undefined, raw: Buffer): ParsedPart[] | null {
	const boundary = /boundary=("?)([^";]+)\1/.exec(contentType ?? '')?.[2];
	if (!contentType?.startsWith('multipart/form-data') || boundary === undefined) return null;
	const delimiter = Buffer.from(`--${boundary}`);
	const parts: ParsedPart[] = [];
	let start = raw.indexOf(delimiter);
	while (start !== -1) {
		const afterDelimiter = start + delimiter.length;
		if (raw.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
		const next = raw.indexOf(delimiter, afterDelimiter);
		if (next === -1) return null;
		const part = raw.subarray(afterDelimiter + 2, next - 2); // skip CRLF after the delimiter and before the next
		const split = part.indexOf('\r\n\r\n');
		const head = part.subarray(0, split).toString('utf8');
		const disposition = /content-disposition:([^\r\n]*)/i.exec(head)?.[1] ?? '';
		parts.push({
			name: /\bname="([^"]*)"/.exec(disposition)?.[1] ?? '',
			fileName: /\bfilename="([^"]*)"/.exec(disposition)?.[1] ?? null,
			contentType: /content-type:\s*([^\r\n]*)/i.exec(head)?.[1] ?? null,
			data: Buffer.from(part.subarray(split + 4)),
		});
		start = next;
	}
	return parts;
}
