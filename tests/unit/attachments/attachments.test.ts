import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {UsageError} from '../../../src/errors.js';
import {samplePdf, samplePng} from '../../../src/providers/demo/sample-files.js';
import type {HelpDesk} from '../../../src/providers/help-desk.js';
import {
	checkAttachments,
	detectContentType,
	loadAttachments,
	parseCcList,
	readAttachmentFile,
} from '../../../src/services/attachments.js';
import {toSafeFileName} from '../../../src/text/file-name.js';

describe('toSafeFileName', () => {
	it.each([
		['../../etc/passwd', '_.._etc_passwd'],
		['..\\..\\windows\\system.ini', '_.._windows_system.ini'],
		['.bashrc', 'bashrc'],
		['report\u001b]8;;https://evil\u0007.pdf', 'report_.pdf'],
		['in\nvoice.pdf', 'in_voice.pdf'],
		['fdp.\u202Eexe', 'fdp._exe'],
		['CON', '_CON'],
		['a:b*c?.txt', 'a_b_c_.txt'],
		['', 'attachment'],
		['...', 'attachment'],
		['Faktura ÅÄÖ.pdf', 'Faktura ÅÄÖ.pdf'],
	])('%j → %j', (raw, safe) => {
		expect(toSafeFileName(raw)).toBe(safe);
	});

	it('keeps the extension when it shortens a long name', () => {
		const safe = toSafeFileName(`${'å'.repeat(300)}.pdf`);
		expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(200);
		expect(safe.endsWith('.pdf')).toBe(true);
	});
});

describe('detectContentType', () => {
	it('trusts the bytes over the name, then the extension', () => {
		expect(detectContentType(samplePdf('x'), 'photo.png')).toBe('application/pdf');
		expect(detectContentType(samplePng(), 'label.pdf')).toBe('image/png');
		expect(detectContentType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'x')).toBe('image/jpeg');
		expect(detectContentType(Buffer.from('GIF89a'), 'x')).toBe('image/gif');
		expect(detectContentType(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), 'a.zip')).toBe('application/zip');
		expect(detectContentType(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), 'a.docx')).toMatch(/wordprocessingml/);
		expect(detectContentType(Buffer.from('a,b'), 'list.csv')).toBe('text/csv');
		expect(detectContentType(Buffer.from('??'), 'mystery')).toBe('application/octet-stream');
	});
});

describe('parseCcList', () => {
	it('checks, splits and deduplicates', () => {
		expect(parseCcList(['a@example.com', 'b@example.com, A@example.com'])).toEqual(['a@example.com', 'b@example.com']);
		expect(() => parseCcList(['not-an-email'])).toThrow(UsageError);
		expect(() => parseCcList(['a@example.com\r\nBcc: x@y.z'])).toThrow(/invalid --cc/);
	});
});

describe('attachment files', () => {
	const dir = mkdtempSync(join(tmpdir(), 'csr-attach-unit-'));
	const desk = {attachmentLimits: {maxFileBytes: 10, maxTotalBytes: 15}} as unknown as HelpDesk;

	it('refuses files over the limits, naming the file and the limit', () => {
		const file = (size: number) => ({path: 'p', fileName: `f${size}.bin`, contentType: 'x', size, sha256: 'h'});
		expect(() => checkAttachments(desk, [file(11)], 'p1 (demo)')).toThrow(
			'f11.bin is 11 B; profile p1 (demo) takes files up to 10 B',
		);
		expect(() => checkAttachments(desk, [file(8), file(8)], 'p1 (demo)')).toThrow('add up to 16 B');
		expect(() => checkAttachments(desk, [file(8), file(7)], 'p1 (demo)')).not.toThrow();
		expect(() => checkAttachments({} as HelpDesk, [file(1)], 'p1 (rt)')).toThrow('cannot send attachments');
	});

	it('reads the file again at send time and refuses one that changed', () => {
		const path = join(dir, 'label.pdf');
		writeFileSync(path, samplePdf('one'));
		const {planned} = readAttachmentFile(path, '--attach');
		expect(planned.contentType).toBe('application/pdf');
		expect(loadAttachments([planned])[0]?.sha256).toBe(planned.sha256);
		writeFileSync(path, samplePdf('two'));
		expect(() => loadAttachments([planned])).toThrow(/changed since the message was planned/);
	});
});
