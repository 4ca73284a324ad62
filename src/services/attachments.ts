import {createHash} from 'node:crypto';
import {readFileSync, statSync} from 'node:fs';
import {basename, extname} from 'node:path';
import {FailedError, UsageError} from '../errors.js';
import {
	type AttachmentLimits,
	type HelpDesk,
	hasAttachmentSending,
	type OutgoingAttachment,
} from '../providers/help-desk.js';
import {toDisplayLine} from '../text/display-text.js';
import {toSafeFileName} from '../text/file-name.js';

/**
 * A file a planned message carries, as the journal and the outbox keep it: where it is, and its hash. The bytes are
 * read again when the message is sent and must still hash the same, so a queued reply never goes out with another
 * file (or without its file).
 */
export type PlannedAttachment = {
	readonly path: string;
	/** Sanitised (src/text/file-name.ts). */
	readonly fileName: string;
	readonly contentType: string;
	readonly size: number;
	readonly sha256: string;
};

const byExtension: Readonly<Record<string, string>> = {
	'.pdf': 'application/pdf',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.heic': 'image/heic',
	'.zip': 'application/zip',
	'.txt': 'text/plain',
	'.csv': 'text/csv',
	'.html': 'text/html',
	'.json': 'application/json',
	'.xml': 'application/xml',
	'.doc': 'application/msword',
	'.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	'.xls': 'application/vnd.ms-excel',
	'.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	'.mp4': 'video/mp4',
	'.mp3': 'audio/mpeg',
	'.eml': 'message/rfc822',
};

const startsWith = (bytes: Uint8Array, ...prefix: number[]): boolean =>
	bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);

/** The content type from the file's first bytes (pdf, png, jpeg, gif, zip), else its extension, else octet-stream. */
export function detectContentType(bytes: Uint8Array, fileName: string): string {
	if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
	if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
	if (startsWith(bytes, 0xff, 0xd8, 0xff)) return 'image/jpeg';
	if (startsWith(bytes, 0x47, 0x49, 0x46, 0x38)) return 'image/gif';
	const extension = extname(fileName).toLowerCase();
	// Office files are zip archives: their extension says more than the magic bytes.
	if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) && !extension.endsWith('x')) return 'application/zip';
	return byExtension[extension] ?? 'application/octet-stream';
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Reads a file the agent attaches (`--attach PATH`, a template's `attachments`); `label` names it in errors. */
export function readAttachmentFile(path: string, label: string): {planned: PlannedAttachment; bytes: Uint8Array} {
	let bytes: Uint8Array;
	try {
		if (!statSync(path).isFile()) throw new UsageError(`${label} ${path} is not a file`);
		bytes = readFileSync(path);
	} catch (error) {
		if (error instanceof UsageError) throw error;
		throw new UsageError(
			`cannot read ${label} ${toDisplayLine(path)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
			'Check the path and that you may read the file.',
		);
	}
	const fileName = toSafeFileName(basename(path));
	return {
		planned: {
			path,
			fileName,
			contentType: detectContentType(bytes, fileName),
			size: bytes.length,
			sha256: sha256Of(bytes),
		},
		bytes,
	};
}

export function formatBytes(size: number): string {
	if (size < 1024) return `${size} B`;
	if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
	return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Refuses, before anything is uploaded, files the desk would not take: a desk without attachments, a file over
 * the desk's per-file limit, or files over its per-message total (exit 2, naming the file and the limit).
 */
export function checkAttachments(desk: HelpDesk, files: readonly PlannedAttachment[], profileLabel: string): void {
	if (files.length === 0) return;
	if (!hasAttachmentSending(desk))
		throw new UsageError(
			`profile ${profileLabel} cannot send attachments`,
			'Send the message without --attach, or use a profile on a desk that takes files.',
		);
	checkLimits(desk.attachmentLimits, files, profileLabel);
}

/** The hint, and where the desk's server is configurable, the csr setting that raises the limit. */
function withSetting(hint: string, limits: AttachmentLimits, profileLabel: string): string {
	if (limits.setting === undefined) return hint;
	return `${hint} If the server takes larger files, set csr's limit to match it: csr config set ${limits.setting} SIZE --profile ${profileLabel} (e.g. 25MB).`;
}

function checkLimits(limits: AttachmentLimits, files: readonly PlannedAttachment[], profileLabel: string): void {
	for (const file of files) {
		if (file.size > limits.maxFileBytes)
			throw new UsageError(
				`${toDisplayLine(file.fileName)} is ${formatBytes(file.size)}; profile ${profileLabel} takes files up to ${formatBytes(limits.maxFileBytes)}. Nothing was sent.`,
				withSetting('Send a smaller file, or a link to it.', limits, profileLabel),
			);
	}
	const total = files.reduce((sum, file) => sum + file.size, 0);
	if (total > limits.maxTotalBytes)
		throw new UsageError(
			`the attachments add up to ${formatBytes(total)}; profile ${profileLabel} takes up to ${formatBytes(limits.maxTotalBytes)} a message. Nothing was sent.`,
			withSetting('Send fewer or smaller files.', limits, profileLabel),
		);
}

/** The bytes of planned attachments, read again now: a file that changed or went away since the plan stops the send. */
export function loadAttachments(files: readonly PlannedAttachment[]): OutgoingAttachment[] {
	return files.map((file) => {
		let bytes: Uint8Array;
		try {
			bytes = readFileSync(file.path);
		} catch (error) {
			throw new FailedError(
				`attachment ${toDisplayLine(file.fileName)} can no longer be read (${(error as NodeJS.ErrnoException).code ?? 'error'}: ${toDisplayLine(file.path)}); nothing sent`,
				'Put the file back, or drop this message (csr outbox drop) and send it again.',
			);
		}
		if (sha256Of(bytes) !== file.sha256)
			throw new FailedError(
				`attachment ${toDisplayLine(file.fileName)} changed since the message was planned (${toDisplayLine(file.path)}); nothing sent`,
				'Put the original file back, or drop this message (csr outbox drop) and send it again.',
			);
		return {fileName: file.fileName, contentType: file.contentType, bytes, sha256: file.sha256};
	});
}

const emailPattern = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]+$/;

/** `--cc` addresses, checked and deduplicated (case-insensitively); a bad one is a usage error. */
export function parseCcList(raw: readonly string[] | undefined): string[] {
	const seen = new Map<string, string>();
	for (const value of raw ?? []) {
		for (const part of value.split(',')) {
			const email = part.trim();
			if (email === '') continue;
			if (!emailPattern.test(email))
				throw new UsageError(
					`invalid --cc "${toDisplayLine(email)}": not an email address`,
					'Give one address per --cc, like --cc warehouse@example.com.',
				);
			if (!seen.has(email.toLowerCase())) seen.set(email.toLowerCase(), email);
		}
	}
	return [...seen.values()];
}

/** A template's own files (front matter `attachments`), each read once per run however many messages use it. */
export function readTemplateFiles(
	paths: readonly string[],
	template: string,
	read: Map<string, PlannedAttachment>,
): PlannedAttachment[] {
	return paths.map((path) => {
		let file = read.get(path);
		if (file === undefined) {
			file = readAttachmentFile(path, `template ${template}: attachment`).planned;
			read.set(path, file);
		}
		return file;
	});
}
