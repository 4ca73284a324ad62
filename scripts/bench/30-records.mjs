import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {DatabaseSync} from 'node:sqlite';

export const name = 'records';

const total = 1_000_000;

/** 1M records straight into the schema csr created (one INSERT … SELECT; `log import` would take far longer). */
function seed(dataDir) {
	const db = new DatabaseSync(join(dataDir, 'csr.db'), {timeout: 10_000});
	const started = performance.now();
	db.exec(`
WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < ${total - 1})
INSERT INTO records (id, at, agent, profile, provider, ticket_id, customer_email, customer_name, channel, action,
	template, status, outcome, duration_sec, summary, follow_up_at, customer_key)
SELECT printf('bench-%07d', n), strftime('%Y-%m-%dT%H:%M:%fZ', 1767225600 + n * 30, 'unixepoch'),
	'agent' || (n % 25) || '@example.com', 'demo', 'demo', CAST(10000 + n % 50000 AS TEXT),
	'Customer' || (n % 80000) || '@Example.com', 'Customer ' || (n % 80000), 'phone', 'call', NULL, NULL,
	CASE n % 4 WHEN 0 THEN 'resolved' WHEN 1 THEN 'follow-up' WHEN 2 THEN 'no-answer' ELSE NULL END,
	60 + n % 900, 'Called about order ' || n || ', explained the "refund", agreed, next steps', NULL,
	'customer' || (n % 80000) || '@example.com'
FROM seq`);
	db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
	db.close();
	return performance.now() - started;
}

/**
 * Issue 5 bar: `csr log export --format ndjson` of 1,000,000 records under 10 s with peak RSS under 150 MB
 * (constant memory: the statement is iterated and writes wait for 'drain').
 */
export async function run({bin, node, sandbox, time, csr, report, peakRssMb}) {
	const box = sandbox();
	try {
		csr(['log', 'list'], {env: box.env}); // creates and migrates csr.db
		report(`seed ${total.toLocaleString('en')} records (direct SQL)`, seed(box.env.CSR_DATA_DIR));

		report(
			'csr log export --format ndjson > /dev/null, 1M (median of 3)',
			time(node, [bin, 'log', 'export', '--format', 'ndjson'], {env: box.env, runs: 3}),
		);
		const rss = peakRssMb(['log', 'export', '--format', 'ndjson'], {env: box.env});
		if (rss !== null)
			console.log(
				`${'csr log export --format ndjson, 1M: peak RSS'.padEnd(58)} ${rss.toFixed(1).padStart(9)} MB (goal < 150)`,
			);

		// Through a pipe, so backpressure really applies; also checks every record came out.
		const started = performance.now();
		const piped = spawnSync('sh', ['-c', `"${node}" "${bin}" log export --format ndjson | wc -l`], {
			env: box.env,
			encoding: 'utf8',
		});
		const elapsed = performance.now() - started;
		if (piped.status !== 0 || Number(piped.stdout.trim()) !== total) {
			throw new Error(`log export | wc -l gave ${piped.stdout.trim()} lines (status ${piped.status}): ${piped.stderr}`);
		}
		report('csr log export --format ndjson | wc -l, 1M (lines checked)', elapsed);

		report(
			'csr log export --format csv > /dev/null, 1M (1 run)',
			time(node, [bin, 'log', 'export', '--format', 'csv'], {env: box.env, runs: 1}),
		);
		const csvRss = peakRssMb(['log', 'export', '--format', 'csv'], {env: box.env});
		if (csvRss !== null)
			console.log(`${'csr log export --format csv, 1M: peak RSS'.padEnd(58)} ${csvRss.toFixed(1).padStart(9)} MB`);

		report(
			'csr log list --json over 1M (median of 5)',
			time(node, [bin, 'log', 'list', '--json'], {env: box.env, runs: 5}),
		);
		report(
			'csr log list --customer C@x --json over 1M (median of 5)',
			time(node, [bin, 'log', 'list', '--customer', 'customer42@example.com', '--json'], {env: box.env, runs: 5}),
		);
	} finally {
		box.cleanup();
	}
}
