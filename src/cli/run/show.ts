import type {Context, GlobalOptions} from '../../context.js';
import {UsageError} from '../../errors.js';
import {colorOf, formatOf, openDesk, parseTicketId} from '../options.js';
import {createPaint} from '../output/paint.js';
import {formatThread, formatThreadJson} from '../output/thread.js';

export type ShowFlags = {saveAttachments?: string; force?: boolean};

export async function runShow(
	rawId: string,
	globals: GlobalOptions,
	context: Context,
	flags: ShowFlags = {},
): Promise<void> {
	const id = parseTicketId('ticket id', rawId);
	const format = formatOf(globals);
	if (format === 'csv') throw new UsageError('csr show has no csv format', 'Use --json or --format ndjson.');
	if (flags.force && flags.saveAttachments === undefined)
		throw new UsageError('--force is for --save-attachments DIR', 'Add --save-attachments DIR, or drop --force.');
	const {desk, profile} = await openDesk(context, globals);
	try {
		const thread = await desk.getThread(id, context.signal);
		if (flags.saveAttachments !== undefined) {
			const {saveAttachments} = await import('./show-attachments.js');
			const profileLabel = `${profile.name} (${profile.profile.provider})`;
			const options = {dir: flags.saveAttachments, force: flags.force === true, profileLabel};
			return await saveAttachments(desk, thread, options, globals, context);
		}
		if (format === 'json' || format === 'ndjson') {
			context.io.stdout.write(formatThreadJson(thread, format === 'ndjson' ? undefined : 2));
			return;
		}
		context.io.stdout.write(formatThread(thread, {now: context.now(), paint: createPaint(colorOf(globals, context))}));
	} finally {
		await desk.close();
	}
}
