import {settingDefinitions} from '../../config/schema.js';
import type {Context, GlobalOptions} from '../../context.js';
import {CsrError, UsageError} from '../../errors.js';
import {resolveWindow} from '../../kpi/window.js';
import {computeActivity, computeStats, type StatsBy, type StatsSource, statsDimensions} from '../../services/stats.js';
import {lastCompleteSync} from '../../services/sync.js';
import {toDisplayLine} from '../../text/display-text.js';
import {activeProfile, colorOf, formatOf, openDesk, parseList} from '../options.js';
import {createPaint} from '../output/paint.js';
import {formatActivity, formatActivityExplanation, formatExplanation, formatStats} from '../output/stats.js';
import {syncProfileCache} from './sync.js';

export type StatsFlags = {
	since?: string;
	until?: string;
	by?: string;
	source?: string;
	/** false with --no-sync. */
	sync?: boolean;
	explain?: boolean;
};

const sources: readonly StatsSource[] = ['helpdesk', 'records'];

function parseOne<T extends string>(flag: string, raw: string | undefined, allowed: readonly T[]): T | null {
	if (raw === undefined) return null;
	const values = parseList(flag, raw, allowed);
	if (values.length !== 1) throw new UsageError(`${flag} takes one value: ${allowed.join(', ')}`);
	return values[0] as T;
}

/** The stats.maxCacheAgeMinutes setting (default 15); a value the setting's parser refuses is a usage error. */
function maxCacheAgeMinutes(context: Context): number {
	const definition = settingDefinitions['stats.maxCacheAgeMinutes'];
	const raw = context.config().read().settings['stats.maxCacheAgeMinutes'];
	if (raw === undefined) return definition.default;
	const parsed = definition.parse.safeParse(raw);
	if (!parsed.success) {
		throw new UsageError(
			`the setting stats.maxCacheAgeMinutes is "${String(raw)}", not a whole number of minutes`,
			'Fix it with `csr config set stats.maxCacheAgeMinutes 15`.',
		);
	}
	return parsed.data;
}

export async function runStats(flags: StatsFlags, globals: GlobalOptions, context: Context): Promise<void> {
	const now = context.now();
	const resolved = resolveWindow({since: flags.since, until: flags.until}, now);
	if (!resolved.ok) throw new UsageError(`invalid ${resolved.flag} "${resolved.value}": ${resolved.reason}`);
	const by: StatsBy | null = parseOne('--by', flags.by, statsDimensions);
	const source = parseOne('--source', flags.source, sources) ?? 'helpdesk';
	if (source === 'records' && by === 'group') {
		throw new UsageError('--by group needs --source helpdesk', 'The local log does not know ticket groups.');
	}
	const format = formatOf(globals);
	const paint = createPaint(colorOf(globals, context));
	const profile = activeProfile(context, globals);
	const db = context.store();
	const query = {profile: profile.name, window: resolved.window, now, by};
	const explainTo = format === 'table' ? context.io.stdout : context.io.stderr;
	if (source === 'records') {
		const result = computeActivity(db, query);
		context.io.stdout.write(formatActivity(result, format, {columns: context.io.columns, paint}));
		if (flags.explain === true) explainTo.write(`\n${formatActivityExplanation(result)}`);
		return;
	}
	let lastSync = lastCompleteSync(db, profile.name);
	const isStale = lastSync === null || now.getTime() - lastSync.getTime() > maxCacheAgeMinutes(context) * 60_000;
	if (isStale && flags.sync !== false) {
		const {desk} = await openDesk(context, globals);
		try {
			await syncProfileCache(desk, profile.name, {full: false}, globals, context);
		} catch (error) {
			// A desk that cannot be reached right now should not hide numbers we already have; say how old they are.
			if (lastSync === null || !(error instanceof CsrError) || context.signal.aborted) throw error;
			context.io.stderr.write(
				`csr: could not sync (${toDisplayLine(error.message)}); showing the cache as of ${lastSync.toISOString()}.\n`,
			);
		} finally {
			await desk.close();
		}
		lastSync = lastCompleteSync(db, profile.name);
	} else if (lastSync === null && globals.quiet !== true) {
		context.io.stderr.write('csr: the stats cache has never been fully synced; run `csr sync` for complete numbers.\n');
	}
	const result = computeStats(db, {...query, now: context.now()}, {daily: format === 'table'});
	context.io.stdout.write(
		formatStats(result, format, {by, columns: context.io.columns, paint, useColor: colorOf(globals, context)}),
	);
	// In a machine format stdout stays parseable; the explanation is for the person running it.
	if (flags.explain === true) explainTo.write(`\n${formatExplanation(result.report, result.explanation, lastSync)}`);
}
