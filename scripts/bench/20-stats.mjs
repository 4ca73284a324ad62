export const name = 'stats';

/**
 * Every stats run uses --no-sync (the cache is warm).
 * Issue 7 bar: `csr stats --json` over a 100,000-ticket demo desk with a warm cache ≤ 1 s median and ≤ 200 MB peak RSS.
 * Issue 17: `csr stats` ≤ 0.5 s, every `--by` ≤ 1 s, `csr report --html` ≤ 3 s at 100,000 tickets.
 * With SLA targets set: the snapshot, every --by and the report again (csr's own SLA breach on top).
 * Also reports the one-off costs (seeding, the first full sync) and the slower shapes (--by, a window over everything).
 */
export async function run({bin, node, sandbox, time, csr, report, peakRssMb}) {
	const box = sandbox();
	const once = (label, args) => {
		const started = process.hrtime.bigint();
		csr(args, {env: box.env});
		return report(label, Number(process.hrtime.bigint() - started) / 1e6);
	};
	try {
		once('csr demo reset --tickets 100000 (once)', ['demo', 'reset', '--tickets', '100000', '--seed', '7']);
		once('csr sync, first full sync (once)', ['sync', '--quiet']);
		once('csr sync, caught up (once)', ['sync', '--quiet']);
		const stats = ['stats', '--json', '--no-sync'];
		// The first stats after a full sync measures every ticket's business minutes on the demo profile's schedule.
		once('csr stats, first run: business minutes of every ticket (once)', stats);
		time(node, [bin, ...stats], {env: box.env, runs: 2});
		const median = report(
			'csr stats --json, 100,000 tickets, warm (median of 11)',
			time(node, [bin, ...stats], {env: box.env, runs: 11}),
		);
		console.log(`${'  goal (issue 17)'.padEnd(58)} ${'≤ 500'.padStart(9)} ms ${median <= 500 ? 'ok' : 'MISSED'}`);
		const rss = peakRssMb(stats, {env: box.env});
		if (rss === null) console.log('peak RSS: /usr/bin/time not available');
		else {
			report('csr stats --json, 100,000 tickets, peak RSS', rss, 'MB');
			console.log(`${'  goal'.padEnd(58)} ${'≤ 200'.padStart(9)} MB ${rss <= 200 ? 'ok' : 'MISSED'}`);
		}
		report(
			'csr stats --json --since 3650d (every ticket, median of 5)',
			time(node, [bin, ...stats, '--since', '3650d'], {env: box.env, runs: 5}),
		);
		for (const by of ['channel', 'agent', 'group', 'day']) {
			const ms = report(
				`csr stats --json --by ${by} (median of 5)`,
				time(node, [bin, ...stats, '--by', by], {env: box.env, runs: 5}),
			);
			console.log(`${'  goal'.padEnd(58)} ${'≤ 1000'.padStart(9)} ms ${ms <= 1000 ? 'ok' : 'MISSED'}`);
		}
		const html = report(
			'csr report --html, 100,000 tickets (median of 3)',
			time(node, [bin, 'report', '--html', `${box.home}/r.html`, '--no-sync', '--quiet'], {env: box.env, runs: 3}),
		);
		console.log(`${'  goal'.padEnd(58)} ${'≤ 3000'.padStart(9)} ms ${html <= 3000 ? 'ok' : 'MISSED'}`);
		report('csr stats, table (median of 5)', time(node, [bin, 'stats', '--no-sync'], {env: box.env, runs: 5}));
		// csr's own SLA targets (issue 17): every created ticket of the window judged in calendar and business minutes.
		csr(['config', 'set', 'sla.firstReply', '8h, high=4h, urgent=4h'], {env: box.env});
		csr(['config', 'set', 'sla.resolution', '3d, urgent=8h'], {env: box.env});
		const sla = report(
			'csr stats --json with SLA targets (median of 5)',
			time(node, [bin, ...stats], {env: box.env, runs: 5}),
		);
		console.log(`${'  goal (issue 17)'.padEnd(58)} ${'≤ 500'.padStart(9)} ms ${sla <= 500 ? 'ok' : 'MISSED'}`);
		for (const by of ['channel', 'agent', 'group', 'day', 'week']) {
			const ms = report(
				`csr stats --json --by ${by} with SLA targets (median of 5)`,
				time(node, [bin, ...stats, '--by', by], {env: box.env, runs: 5}),
			);
			console.log(`${'  goal'.padEnd(58)} ${'≤ 1000'.padStart(9)} ms ${ms <= 1000 ? 'ok' : 'MISSED'}`);
		}
		const slaHtml = report(
			'csr report --html with SLA targets (median of 3)',
			time(node, [bin, 'report', '--html', `${box.home}/r.html`, '--no-sync', '--quiet'], {env: box.env, runs: 3}),
		);
		console.log(`${'  goal'.padEnd(58)} ${'≤ 3000'.padStart(9)} ms ${slaHtml <= 3000 ? 'ok' : 'MISSED'}`);
	} finally {
		box.cleanup();
	}
}
