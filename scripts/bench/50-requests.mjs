import {spawnSync} from 'node:child_process';
import {join} from 'node:path';

export const name = 'requests';

/**
 * Issue 20: requests per action on each remote desk, against the fakes on 127.0.0.1 (counts, not times). Freshdesk's
 * goal: `csr queue --all` of n tickets in ≤ ceil(n/100) + 3 requests, the first page in ≤ 3 on a warm cache. The demo
 * desk makes no requests; Request Tracker is measured against a real RT only (tests/integration).
 */
export async function run({root, node}) {
	const result = spawnSync(
		node,
		[join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'scripts/bench/counts/vitest.config.mjs'],
		{cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, env: {...process.env, NO_COLOR: '1'}},
	);
	const lines = `${result.stdout}\n${result.stderr}`
		.split('\n')
		.filter((line) => line.includes('COUNT '))
		.map((line) => line.slice(line.indexOf('COUNT ')));
	if (result.status !== 0 || lines.length === 0) {
		console.log(`request counts failed:\n${result.stdout}\n${result.stderr}`);
		return;
	}
	for (const line of lines) {
		const [desk, action, count, goal] = line.slice('COUNT '.length).split('\t');
		const verdict = goal
			? `  goal ${goal} ${Number(count) <= Number(goal.replace(/[^\d]/g, '')) ? 'ok' : 'MISSED'}`
			: '';
		console.log(`${`${desk}: ${action}`.padEnd(64)} ${String(count).padStart(5)} requests${verdict}`);
	}
}
