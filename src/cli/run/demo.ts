import type {Context, GlobalOptions} from '../../context.js';
import {UsageError} from '../../errors.js';
import {defaultDemoSeed, maxDemoTickets, resetDemoDesk, setDemoOutage} from '../../providers/demo/admin.js';
import {markDeskReset} from '../../store/desk-resets.js';
import {clearSyncCacheOfProvider} from '../../store/stats-cache.js';
import {canShowProgress, formatOf} from '../options.js';

export type DemoResetFlags = {tickets?: string; seed?: string};

function parseWhole(flag: string, raw: string | undefined, fallback: number, min: number, max: number): number {
	if (raw === undefined) return fallback;
	const text = raw.trim();
	const value = Number(text);
	if (!/^-?\d+$/.test(text) || value < min || value > max)
		throw new UsageError(`invalid ${flag} "${raw}": expected a whole number from ${min} to ${max}`);
	return value;
}

/** `csr demo reset [--tickets N] [--seed S]`: regenerates the demo desk; a one-line summary on stderr. */
export async function runDemoReset(flags: DemoResetFlags, globals: GlobalOptions, context: Context): Promise<void> {
	const tickets = parseWhole('--tickets', flags.tickets, defaultDemoSeed.tickets, 1, maxDemoTickets);
	const seed = parseWhole('--seed', flags.seed, defaultDemoSeed.seed, 0, 2 ** 31 - 1);
	if (canShowProgress(globals, context) && tickets > 5000)
		context.io.stderr.write(`generating ${tickets} demo tickets…\n`);
	const summary = resetDemoDesk(context.paths.dataDir, {tickets, seed, now: context.now()});
	// The KPI cache describes the old desk; its cursors would still be accepted and mix old and new data.
	clearSyncCacheOfProvider(context.store(), 'demo');
	// Records in the local log about the old desk's tickets no longer count in the KPIs.
	markDeskReset(context.store(), 'demo', context.now());
	const format = formatOf(globals);
	if (format === 'json' || format === 'ndjson') context.io.stdout.write(`${JSON.stringify(summary)}\n`);
	context.io.stderr.write(`demo desk reset: ${summary.tickets} tickets (seed ${summary.seed})\n`);
}

/** `csr demo outage on|off`: while on, every write to the demo desk fails as temporary (replies go to the outbox). */
export async function runDemoOutage(flags: {state: string}, _globals: GlobalOptions, context: Context): Promise<void> {
	const state = flags.state.trim().toLowerCase();
	if (state !== 'on' && state !== 'off')
		throw new UsageError(
			`invalid outage state "${flags.state}": expected on or off`,
			'For example `csr demo outage on`.',
		);
	setDemoOutage(context.paths.dataDir, state === 'on', context.now());
	context.io.stderr.write(
		state === 'on'
			? 'demo desk outage simulation on: every write now fails (replies go to the outbox); end it with `csr demo outage off`\n'
			: 'demo desk outage simulation off: writes go through again (`csr outbox retry` sends what was kept)\n',
	);
}
