import type {Context, GlobalOptions} from '../../context.js';
import {UsageError} from '../../errors.js';
import {colorOf, formatOf, openDesk, parseTicketId} from '../options.js';
import {createPaint} from '../output/paint.js';
import {formatThread, formatThreadJson} from '../output/thread.js';

export async function runShow(rawId: string, globals: GlobalOptions, context: Context): Promise<void> {
	const id = parseTicketId('ticket id', rawId);
	const format = formatOf(globals);
	if (format === 'csv') throw new UsageError('csr show has no csv format', 'Use --json or --format ndjson.');
	const {desk} = await openDesk(context, globals);
	try {
		const thread = await desk.getThread(id, context.signal);
		if (format === 'json' || format === 'ndjson') {
			context.io.stdout.write(formatThreadJson(thread, format === 'ndjson' ? undefined : 2));
			return;
		}
		context.io.stdout.write(formatThread(thread, {now: context.now(), paint: createPaint(colorOf(globals, context))}));
	} finally {
		await desk.close();
	}
}
