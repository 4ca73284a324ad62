export const name = 'startup';

/**
 * Issue 15 goals: median `csr --version` ≤ 1.5 × median `node -e 0`; `csr queue --json` on 10,000 demo tickets
 * ≤ 100 ms. Prints the machine's load first: on a busy machine every number here is slower.
 */
export async function run({bin, node, sandbox, time, csr, report}) {
	const box = sandbox();
	try {
		time(node, ['-e', '0'], {env: box.env, runs: 3});
		const baseline = report('node -e 0 (median of 21)', time(node, ['-e', '0'], {env: box.env, runs: 21}));
		const version = report('csr --version (median of 21)', time(node, [bin, '--version'], {env: box.env, runs: 21}));
		console.log(
			`${'ratio csr --version / node -e 0'.padEnd(58)} ${(version / baseline).toFixed(2).padStart(9)} x (goal ≤ 1.5)`,
		);
		csr(['demo', 'reset', '--tickets', '10000', '--seed', '7'], {env: box.env});
		time(node, [bin, 'queue', '--json'], {env: box.env, runs: 2});
		report(
			'csr queue --json, 10,000-ticket demo desk (median of 15, goal ≤ 100)',
			time(node, [bin, 'queue', '--json'], {env: box.env, runs: 15}),
		);
		report(
			'csr queue --all --json, 10,000-ticket demo desk (median of 5)',
			time(node, [bin, 'queue', '--all', '--json', '--status', 'new,open,pending,on-hold,solved,closed'], {
				env: box.env,
				runs: 5,
			}),
		);
	} finally {
		box.cleanup();
	}
}
