import {crc32, deflateSync} from 'node:zlib';

// The demo desk's sample files: small, valid files made in code (no binaries in git), the same bytes every time for
// the same name, so a seeded thread's attachments can be downloaded and opened.

/** A one-page PDF that says what it is (an invoice, a return label) in plain text. */
export function samplePdf(title: string): Uint8Array {
	const text = title.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (character) => `\\${character}`);
	const stream = `BT /F1 14 Tf 56 780 Td (${text}) Tj 0 -24 Td (csr demo desk sample document) Tj ET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
		`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
	];
	let pdf = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((body, index) => {
		offsets.push(pdf.length);
		pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = pdf.length;
	pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
	pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

function pngChunk(type: string, data: Uint8Array): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const checksum = Buffer.alloc(4);
	checksum.writeUInt32BE(crc32(typed));
	return Buffer.concat([length, typed, checksum]);
}

/** A small PNG picture of a brown parcel with a dented, taped corner (a customer's "damaged parcel" photo). */
export function samplePng(width = 48, height = 32): Uint8Array {
	const rows: number[] = [];
	for (let y = 0; y < height; y++) {
		rows.push(0); // filter: none
		for (let x = 0; x < width; x++) {
			const inBox = x >= 6 && x < width - 6 && y >= 6 && y < height - 4;
			const dent = x > width - 16 && y < 14 && x - (width - 16) > y - 2;
			const tape = inBox && Math.abs(x - width / 2) < 2;
			const [r, g, b] = !inBox || dent ? [228, 232, 236] : tape ? [214, 196, 120] : [166, 118, 72];
			rows.push(r, g, b);
		}
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
	return new Uint8Array(
		Buffer.concat([
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
			pngChunk('IHDR', header),
			pngChunk('IDAT', deflateSync(Buffer.from(rows), {level: 9})),
			pngChunk('IEND', new Uint8Array()),
		]),
	);
}

/** The bytes of a seeded sample attachment, or null for kinds the demo keeps no content for (videos, recordings). */
export function sampleFileBytes(name: string, contentType: string): Uint8Array | null {
	if (contentType === 'application/pdf') return samplePdf(name.replace(/\.pdf$/i, ''));
	if (contentType === 'image/png') return samplePng();
	return null;
}
