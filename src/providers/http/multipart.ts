import {randomBytes} from 'node:crypto';

/** One part of a multipart/form-data body: a field, or a file. */
export type MultipartPart =
	| {readonly name: string; readonly value: string}
	| {readonly name: string; readonly fileName: string; readonly contentType: string; readonly data: Uint8Array};

/** Quotes a header parameter: no CR/LF or quote can break out of it; non-ASCII names stay UTF-8 (RFC 7578). */
const quoted = (value: string): string =>
	`"${value.replace(/[\r\n"\\]/g, (character) => encodeURIComponent(character))}"`;

/** Encodes parts as multipart/form-data (RFC 7578) with a random boundary. */
export function encodeMultipart(parts: readonly MultipartPart[]): {contentType: string; body: Uint8Array} {
	const boundary = `csr-${randomBytes(12).toString('hex')}`;
	const chunks: Buffer[] = [];
	for (const part of parts) {
		let head = `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(part.name)}`;
		if ('data' in part) {
			head += `; filename=${quoted(part.fileName)}\r\nContent-Type: ${part.contentType.replace(/[\r\n]/g, '')}`;
			chunks.push(Buffer.from(`${head}\r\n\r\n`, 'utf8'), Buffer.from(part.data), Buffer.from('\r\n'));
		} else {
			chunks.push(Buffer.from(`${head}\r\n\r\n${part.value}\r\n`, 'utf8'));
		}
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return {contentType: `multipart/form-data; boundary=${boundary}`, body: new Uint8Array(Buffer.concat(chunks))};
}
