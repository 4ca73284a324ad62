import {randomUUID} from 'node:crypto';
import {lstatSync, mkdirSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import type {Context, GlobalOptions} from '../../context.js';
import type {Attachment, TicketThread} from '../../domain/message.js';
import {FailedError, messageOf, UsageError} from '../../errors.js';
import {type HelpDesk, hasAttachmentDownload} from '../../providers/help-desk.js';
import {formatBytes} from '../../services/attachments.js';
import {toDisplayLine, toSafeJson} from '../../text/display-text.js';
import {toSafeFileName} from '../../text/file-name.js';
import {formatOf} from '../options.js';

type Target = {readonly attachment: Attachment; readonly messageId: string; readonly path: string};
type Saved = {messageId: string; name: string; path: string; size: number; contentType: string | null};
type NotSaved = {messageId: string; name: string; reason: string};

/** `a.pdf`, `a (2).pdf`, …: names unique within the folder, compared without case (macOS and Windows folders). */
function uniqueName(name: string, taken: Set<string>): string {
	const dot = name.lastIndexOf('.');
	const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
	let candidate = name;
	for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${extension}`;
	taken.add(candidate.toLowerCase());
	return candidate;
}

const exists = (path: string): boolean => {
	try {
		lstatSync(path);
		return true;
	} catch {
		return false;
	}
};

/** Where each attachment of the thread goes; refuses (exit 1, nothing written) to overwrite without --force. */
function planTargets(thread: TicketThread, dir: string, force: boolean): Target[] {
	const taken = new Set<string>();
	const targets = thread.messages.flatMap((message) =>
		message.attachments.map((attachment) => ({
			attachment,
			messageId: message.id,
			path: join(dir, uniqueName(toSafeFileName(attachment.name), taken)),
		})),
	);
	const clash = force ? undefined : targets.find((target) => exists(target.path));
	if (clash !== undefined)
		throw new FailedError(
			`${toDisplayLine(clash.path)} already exists; nothing was saved`,
			'Use --force to overwrite, or save to an empty folder.',
		);
	return targets;
}

/** Writes beside the target and renames over it: a link planted at the target is replaced, never followed. */
function writeFile(path: string, bytes: Uint8Array): void {
	const temporary = `${path}.csr-${randomUUID().slice(0, 8)}.part`;
	try {
		writeFileSync(temporary, bytes, {flag: 'wx', mode: 0o600});
		renameSync(temporary, path);
	} catch (error) {
		rmSync(temporary, {force: true});
		throw error;
	}
}

/** `csr show ID --save-attachments DIR`: every attachment of the thread, saved under a safe, unique name. */
export async function saveAttachments(
	desk: HelpDesk,
	thread: TicketThread,
	options: {dir: string; force: boolean; profileLabel: string},
	globals: GlobalOptions,
	context: Context,
): Promise<void> {
	if (!hasAttachmentDownload(desk)) throw new UsageError(`profile ${options.profileLabel} cannot download attachments`);
	const dir = resolve(context.cwd, options.dir);
	try {
		mkdirSync(dir, {recursive: true});
	} catch (error) {
		throw new UsageError(`cannot create --save-attachments ${toDisplayLine(options.dir)}: ${messageOf(error)}`);
	}
	const saved: Saved[] = [];
	const notSaved: NotSaved[] = [];
	for (const {attachment, messageId, path} of planTargets(thread, dir, options.force)) {
		try {
			const bytes = await desk.downloadAttachment(thread.ticket.id, attachment, context.signal);
			writeFile(path, bytes);
			saved.push({messageId, name: attachment.name, path, size: bytes.length, contentType: attachment.contentType});
		} catch (error) {
			if (context.signal.aborted) throw error;
			notSaved.push({messageId, name: attachment.name, reason: messageOf(error)});
		}
	}
	const format = formatOf(globals);
	if (format === 'json' || format === 'ndjson') {
		context.io.stdout.write(
			`${toSafeJson({ticketId: thread.ticket.id, dir, saved, notSaved}, format === 'json' ? 2 : undefined)}\n`,
		);
	} else {
		const out = context.io.stdout;
		if (saved.length === 0 && notSaved.length === 0) out.write(`ticket ${thread.ticket.id} has no attachments\n`);
		for (const file of saved) out.write(`saved ${toDisplayLine(file.path)} (${formatBytes(file.size)})\n`);
		for (const file of notSaved)
			context.io.stderr.write(`not saved: ${toDisplayLine(file.name)}: ${toDisplayLine(file.reason)}\n`);
	}
	if (notSaved.length > 0)
		throw new FailedError(`${notSaved.length} of ${saved.length + notSaved.length} attachments could not be saved`);
}
