import type {Context, GlobalOptions} from '../../context.js';
import {ExitCode, SilentExit} from '../../errors.js';
import type {DeliveryResult} from '../../services/delivery.js';
import {toDisplayLine, toSafeJson} from '../../text/display-text.js';
import {canShowProgress, colorOf, formatOf} from '../options.js';
import {createPaint} from './paint.js';

/** Progress with ETA on stderr (TTY only), one result line per ticket, then a summary; JSON at the end. */
export function createResultPrinter(globals: GlobalOptions, context: Context, total: number) {
	const format = formatOf(globals);
	const paint = createPaint(colorOf(globals, context));
	const showProgress = canShowProgress(globals, context) && total > 1;
	const startedAt = Date.now();
	const clearProgress = () => {
		if (showProgress) context.io.stderr.write('\r\u001B[K');
	};
	const colour = {
		sent: paint.ok,
		skipped: paint.muted,
		failed: paint.error,
		queued: paint.warn,
		'dry-run': paint.accent,
	};
	return {
		onResult(result: DeliveryResult, done: number, all: number) {
			clearProgress();
			if (format === 'table') {
				const detail = result.reason ?? (result.messageId ? `message ${result.messageId}` : '');
				context.io.stdout.write(
					`${colour[result.result](result.result.padEnd(8))} #${result.ticketId}${detail ? `  ${toDisplayLine(detail)}` : ''}\n`,
				);
			} else if (format === 'ndjson') {
				context.io.stdout.write(`${toSafeJson(result)}\n`);
			}
			if (showProgress && done < all) {
				const elapsed = (Date.now() - startedAt) / 1000;
				const eta = done === 0 ? '?' : `${Math.ceil((elapsed / done) * (all - done))}s`;
				context.io.stderr.write(`[${done}/${all}] ${Math.floor((done / all) * 100)}% · ETA ${eta}`);
			}
		},
		/** Prints the JSON array or the summary and ends with the exit code the results call for. */
		finish(
			results: readonly DeliveryResult[],
			options: {runId?: string | null; interrupted?: boolean; resumeHint?: string},
		) {
			clearProgress();
			if (format === 'json' || format === 'csv') context.io.stdout.write(`${toSafeJson(results, 2)}\n`);
			const count = (kind: DeliveryResult['result']) => results.filter((result) => result.result === kind).length;
			const parts = (['sent', 'skipped', 'failed', 'queued', 'dry-run'] as const)
				.filter((kind) => count(kind) > 0)
				.map((kind) => `${count(kind)} ${kind}`);
			if (globals.quiet !== true) {
				context.io.stderr.write(
					`${parts.join(', ') || 'nothing to do'}${options.runId ? ` (run ${options.runId})` : ''}\n`,
				);
			}
			if (options.interrupted) {
				context.io.stderr.write(
					`csr: interrupted; nothing was sent twice. Continue with: ${options.resumeHint ?? 'the same command'}\n`,
				);
				throw new SilentExit(ExitCode.interrupted);
			}
			if (count('failed') > 0) throw new SilentExit(ExitCode.failed);
			if (count('queued') > 0) {
				context.io.stderr.write(
					'Undelivered messages are kept in the outbox: csr outbox list, then csr outbox retry.\n',
				);
				throw new SilentExit(ExitCode.queued);
			}
		},
	};
}
