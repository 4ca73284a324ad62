import {settingDefinitions} from '../../config/schema.js';
import type {Context, GlobalOptions} from '../../context.js';
import {CsrError, UsageError} from '../../errors.js';
import {type CesScale, defaultCesScale, parseCesScale} from '../../kpi/scores.js';
import {applyBusinessHours} from '../../services/business-hours.js';
import {lastCompleteSync} from '../../services/sync.js';
import {toDisplayLine} from '../../text/display-text.js';
import {activeProfile, openDesk} from '../options.js';
import {syncProfileCache} from './sync.js';

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

/** The stats.cesScale setting (default 1-7, easy ≥ 5); a malformed one is a usage error. */
export function cesScaleSetting(context: Context): CesScale {
	const raw = context.config().read().settings['stats.cesScale'];
	if (raw === undefined) return defaultCesScale;
	const scale = typeof raw === 'string' ? parseCesScale(raw) : null;
	if (scale === null) {
		throw new UsageError(
			`the setting stats.cesScale is "${String(raw)}", not a scale like 1-7`,
			'Fix it with `csr config set stats.cesScale 1-7` (at least three points).',
		);
	}
	return scale;
}

/**
 * Before `csr stats` or `csr report` reads the KPI cache: syncs it when it was never complete or is older than
 * stats.maxCacheAgeMinutes (unless --no-sync), then measures business minutes on the profile's schedule for rows
 * not measured yet. Returns when the cache was last complete.
 */
export async function refreshStatsCache(
	options: {sync: boolean},
	globals: GlobalOptions,
	context: Context,
): Promise<Date | null> {
	const profile = activeProfile(context, globals);
	const db = context.store();
	const now = context.now();
	let lastSync = lastCompleteSync(db, profile.name);
	const isStale = lastSync === null || now.getTime() - lastSync.getTime() > maxCacheAgeMinutes(context) * 60_000;
	if (isStale && options.sync) {
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
	await applyBusinessHours(db, profile.name, profile.profile.businessHours ?? null);
	return lastSync;
}
