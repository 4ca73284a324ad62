import {readdir, stat} from 'node:fs/promises';
import {homedir} from 'node:os';
import {basename, dirname, isAbsolute, join, resolve, sep} from 'node:path';
import type {ResolvedProfile} from '../../config/profiles.js';
import type {Context} from '../../context.js';
import {UsageError} from '../../errors.js';
import type {HelpDesk} from '../../providers/help-desk.js';
import {checkAttachments, readAttachmentFile} from '../../services/attachments.js';
import type {TuiServices} from '../../tui/services.js';

/** A path as the agent types it in the TUI: `~/` is their home, a relative path is from where csr was started. */
function expand(path: string, cwd: string): string {
	const home = path === '~' || path.startsWith(`~${sep}`) || path.startsWith('~/');
	const full = home ? join(homedir(), path.slice(1)) : path;
	return isAbsolute(full) ? full : resolve(cwd, full);
}

/** The longest start every name shares. */
function commonStart(names: readonly string[]): string {
	const [first = ''] = names;
	let end = first.length;
	for (const name of names) while (!name.startsWith(first.slice(0, end))) end--;
	return first.slice(0, end);
}

/**
 * The composer's files: read, hashed and checked against the desk's limits as `csr reply --attach` does
 * (services/attachments.ts), so the same message goes through the same journal and delivery path with them.
 */
export function attachmentServices(
	context: Context,
	profile: ResolvedProfile,
	deskPromise: Promise<HelpDesk>,
): Required<Pick<TuiServices, 'attachFile' | 'completePath'>> {
	return {
		attachFile: async (path, already) => {
			const desk = await deskPromise;
			const {planned} = readAttachmentFile(expand(path.trim(), context.cwd), 'the file');
			if (already.some((file) => file.sha256 === planned.sha256))
				throw new UsageError(`${planned.fileName} is attached already`);
			checkAttachments(desk, [...already, planned], profile.name);
			return planned;
		},
		completePath: async (partial) => {
			const full = expand(partial === '' ? `.${sep}` : partial, context.cwd);
			const endsInSep = partial.endsWith('/') || partial.endsWith(sep);
			const folder = endsInSep ? full : dirname(full);
			const start = endsInSep ? '' : basename(full);
			const names = (await readdir(folder)).filter((name) => name.startsWith(start) && !name.startsWith('.'));
			if (names.length === 0) return partial;
			const shared = commonStart(names);
			const completed = `${partial}${shared.slice(start.length)}`;
			if (names.length > 1) return completed;
			const isFolder = await stat(join(folder, shared)).then(
				(info) => info.isDirectory(),
				() => false,
			);
			return isFolder ? `${completed}/` : completed;
		},
	};
}
