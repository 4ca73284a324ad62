import type {Context, GlobalOptions} from '../../context.js';
import type {HelpDesk} from '../../providers/help-desk.js';
import {applyBusinessHours} from '../../services/business-hours.js';
import {type StreamOutcome, syncStats} from '../../services/sync.js';
import {countCached, type SyncStream} from '../../store/stats-cache.js';
import {toDisplayLine, toSafeJson} from '../../text/display-text.js';
import {canShowProgress, formatOf, openDesk} from '../options.js';

export type SyncFlags = {full?: boolean};

const streamLabels: Record<SyncStream, string> = {
	tickets: 'tickets',
	satisfaction: 'satisfaction ratings',
	surveys: 'survey answers',
};

/**
 * Syncs the profile's KPI cache with progress on stderr (TTY, not --quiet). A stream the credentials may not read
 * is worth a note even in a pipe: the numbers that depend on it will be null.
 */
export async function syncProfileCache(
	desk: HelpDesk,
	profile: string,
	options: {full: boolean},
	globals: GlobalOptions,
	context: Context,
): Promise<StreamOutcome[]> {
	const {stderr} = context.io;
	const showProgress = canShowProgress(globals, context);
	const outcomes = await syncStats(
		desk,
		context.store(),
		{
			profile,
			now: context.now,
			full: options.full,
			onProgress: showProgress
				? ({stream, items}) =>
						stderr.write(`\r\u001B[Ksyncing ${streamLabels[stream]}: ${items.toLocaleString('en-US')}`)
				: undefined,
		},
		context.signal,
	);
	if (showProgress) stderr.write('\r\u001B[K');
	if (globals.quiet !== true) {
		for (const outcome of outcomes) {
			if (outcome.skipped === null) continue;
			if (outcome.skipped.startsWith('not allowed') || showProgress) {
				stderr.write(`csr: ${streamLabels[outcome.stream]} not synced: ${toDisplayLine(outcome.skipped)}\n`);
			}
		}
	}
	return outcomes;
}

export async function runSync(flags: SyncFlags, globals: GlobalOptions, context: Context): Promise<void> {
	const {desk, profile} = await openDesk(context, globals);
	try {
		const outcomes = await syncProfileCache(desk, profile.name, {full: flags.full === true}, globals, context);
		await applyBusinessHours(context.store(), profile.name, profile.profile.businessHours ?? null);
		const cached = countCached(context.store(), profile.name);
		const format = formatOf(globals);
		if (format === 'json' || format === 'ndjson') {
			const json = {profile: profile.name, streams: outcomes, cached};
			context.io.stdout.write(`${toSafeJson(json, format === 'json' ? 2 : undefined)}\n`);
			return;
		}
		const received = outcomes.map(
			(outcome) => `${outcome.items.toLocaleString('en-US')} ${streamLabels[outcome.stream]}`,
		);
		context.io.stdout.write(
			`Synced ${received.join(', ')} for profile ${toDisplayLine(profile.name)}; the cache holds ${cached.tickets.toLocaleString('en-US')} tickets, ${cached.ratings.toLocaleString('en-US')} ratings, ${cached.surveys.toLocaleString('en-US')} survey answers.\n`,
		);
	} finally {
		await desk.close();
	}
}
