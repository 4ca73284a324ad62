import type {Context, GlobalOptions} from '../../context.js';
import {UsageError} from '../../errors.js';
import {lookUpCustomer, parseCustomerKey} from '../../services/customer.js';
import {colorOf, formatOf, maxLimit, openDesk, parsePositiveInt} from '../options.js';
import {formatCustomer, formatCustomerJson} from '../output/customer.js';
import {createPaint} from '../output/paint.js';
import {recordStoreOf} from './log.js';

export type CustomerFlags = {limit?: string; all?: boolean; sync?: boolean};

export async function runCustomer(
	rawKey: string,
	flags: CustomerFlags,
	globals: GlobalOptions,
	context: Context,
): Promise<void> {
	const key = parseCustomerKey(rawKey);
	const format = formatOf(globals);
	if (format === 'csv') throw new UsageError('csr customer has no csv format', 'Use --json.');
	const limit = flags.limit === undefined ? 20 : parsePositiveInt('--limit', flags.limit, maxLimit);
	const {desk, profile} = await openDesk(context, globals);
	try {
		const overview = await lookUpCustomer(
			{
				desk,
				records: () => recordStoreOf(context),
				db: () => context.store(),
				profile: profile.name,
				// The ratings come from the KPI cache, brought up to date as `csr stats` does (quietly: this is a side part).
				refreshRatings: async () => {
					const {refreshStatsCache} = await import('./stats-refresh.js');
					await refreshStatsCache({sync: flags.sync !== false}, {...globals, quiet: true}, context);
				},
			},
			key,
			{limit, all: flags.all === true},
			context.signal,
		);
		if (format === 'json' || format === 'ndjson') {
			context.io.stdout.write(formatCustomerJson(overview, format === 'ndjson' ? undefined : 2));
			return;
		}
		context.io.stdout.write(
			formatCustomer(overview, {now: context.now(), paint: createPaint(colorOf(globals, context))}),
		);
		if (overview.hasMore && globals.quiet !== true) {
			const total = overview.totalCount === null ? '' : ` of ${overview.totalCount}`;
			context.io.stderr.write(`Showing ${overview.tickets.length}${total} tickets; use --all or --limit for more.\n`);
		}
	} finally {
		await desk.close();
	}
}
