import {spawnSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import pg from 'pg';

export const name = 'team-store';

const total = Number(process.env.CSR_BENCH_TEAM_RECORDS ?? 1_000_000);
const importRows = 100_000;
const scripts = fileURLToPath(new URL('..', import.meta.url));

/**
 * Issue 18: the team store (PostgreSQL, a durable throwaway cluster from scripts/pg-start.sh) next to the local
 * SQLite file: insert throughput (`log add` one command at a time, `log import` in batches), `log list` latency
 * and the 1M-record export (time and peak RSS). The SQLite export and list over 1M are in the `records` bench.
 * Skipped with a note when PostgreSQL is not installed (scripts/install-pg.sh).
 */
export async function run({bin, node, sandbox, time, report, peakRssMb, csr}) {
	const started = spawnSync('bash', [join(scripts, 'pg-start.sh')], {
		env: {...process.env, PG_DURABLE: '1'},
		encoding: 'utf8',
	});
	if (started.status !== 0) {
		console.log(`skipped: PostgreSQL did not start (${started.stderr.trim().split('\n').at(-1)})`);
		return;
	}
	const server = JSON.parse(started.stdout.trim().split('\n').at(-1));
	const admin = new pg.Client({connectionString: server.url});
	await admin.connect();
	await admin.query('CREATE DATABASE bench');
	await admin.end();
	const url = server.url.replace(/\/postgres$/, '/bench');
	const local = sandbox();
	const team = sandbox();
	team.env.CSR_STORE_URL = url;
	try {
		csr(['store', 'migrate'], {env: team.env});
		csr(['log', 'list'], {env: local.env});
		const add = ['log', 'add', '--type', 'call', '--customer', 'ann@example.com', '--summary', 'bench'];
		report('csr log add, SQLite (median of 15)', time(node, [bin, ...add], {env: local.env}));
		report('csr log add, PostgreSQL (median of 15)', time(node, [bin, ...add], {env: team.env}));

		const file = join(local.home, 'import.ndjson');
		const lines = [];
		for (let n = 0; n < importRows; n++) {
			lines.push(
				JSON.stringify({
					id: `imp-${n}`,
					at: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
					agent: 'a@example.com',
					ticketId: String(n % 5000),
					customer: {email: `c${n % 9000}@example.com`, name: null},
					action: 'call',
					summary: `imported ${n}`,
				}),
			);
		}
		writeFileSync(file, `${lines.join('\n')}\n`);
		for (const [label, env] of [
			['SQLite', local.env],
			['PostgreSQL', team.env],
		]) {
			const ms = time(node, [bin, 'log', 'import', file], {env, runs: 1})[0];
			report(`csr log import ${importRows / 1000}k, ${label}: records/s`, (importRows / ms) * 1000, 'rec/s');
		}

		const client = new pg.Client({connectionString: url});
		await client.connect();
		const seeded = performance.now();
		await client.query(`INSERT INTO records (id, at, agent, profile, provider, ticket_id, customer_email, customer_name,
			channel, action, template, status, outcome, duration_sec, summary, follow_up_at, customer_key)
		SELECT 'bench-' || lpad(n::text, 7, '0'), to_char(to_timestamp(1767225600 + n * 30) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
			'agent' || (n % 25) || '@example.com', 'demo', 'demo', (10000 + n % 50000)::text,
			'Customer' || (n % 80000) || '@Example.com', 'Customer ' || (n % 80000), 'phone', 'call', NULL, NULL,
			CASE n % 4 WHEN 0 THEN 'resolved' WHEN 1 THEN 'follow-up' WHEN 2 THEN 'no-answer' ELSE NULL END,
			60 + n % 900, 'Called about order ' || n || ', explained the "refund", agreed, next steps', NULL,
			'customer' || (n % 80000) || '@example.com'
		FROM generate_series(0, ${total - 1}) AS n`);
		await client.query('VACUUM ANALYZE records');
		await client.end();
		report(`seed ${total.toLocaleString('en')} records into PostgreSQL (direct SQL)`, performance.now() - seeded);
		const size = `${(total / 1e6).toString()}M`;
		report(
			`csr log list --json over ${size}, PostgreSQL (median of 5)`,
			time(node, [bin, 'log', 'list', '--json'], {env: team.env, runs: 5}),
		);
		report(
			`csr log list --customer C@x over ${size}, PostgreSQL (median of 5)`,
			time(node, [bin, 'log', 'list', '--customer', 'customer42@example.com', '--json'], {env: team.env, runs: 5}),
		);
		report(
			`csr log export --format ndjson > /dev/null, ${size}, PostgreSQL`,
			time(node, [bin, 'log', 'export', '--format', 'ndjson'], {env: team.env, runs: 1}),
		);
		const rss = peakRssMb(['log', 'export', '--format', 'ndjson'], {env: team.env});
		if (rss !== null) {
			console.log(
				`${`csr log export --format ndjson, ${size}, PostgreSQL: peak RSS`.padEnd(58)} ${rss.toFixed(1).padStart(9)} MB`,
			);
		}
	} finally {
		local.cleanup();
		team.cleanup();
		spawnSync('bash', [join(scripts, 'pg-stop.sh'), server.home, '--wipe']);
	}
}
