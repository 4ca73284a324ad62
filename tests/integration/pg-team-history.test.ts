import {rmSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {sessionOf} from '../../src/cli/run/tui.js';
import {createTuiServices} from '../../src/cli/run/tui-services.js';
import {routeToConfiguredTeamStore} from '../../src/cli/team-routing.js';
import {resolveProfile} from '../../src/config/profiles.js';
import {createTestIo} from '../../src/io/streams.js';
import {createContext} from '../../src/production.js';
import {closePools} from '../../src/store/pg-client.js';
import {createSandbox} from '../support/e2e.js';
import {createMemoryHelpDesk} from '../support/memory-help-desk.js';
import {createDatabase, type PgServer, pgInstalled, queryPg, startPg, stopPg} from './pg-server.js';

/*
 * Issue 18 against a real PostgreSQL (scripts/pg-start.sh, a throwaway cluster for this file): `csr stats --source
 * records` reads every agent's records from the team store, and `csr store push` shares what an agent logged before
 * the team store, once. Skipped with a note without PostgreSQL, unless CSR_REQUIRE_PG=1 (then pg-team-store.test.ts
 * fails its availability test).
 */
const installed = pgInstalled();
if (!installed) console.warn('PostgreSQL not installed: skipping tests/integration/pg-team-history.test.ts');

let server: PgServer | undefined;
const homes: string[] = [];

beforeAll(async () => {
	if (installed) server = await startPg();
}, 120_000);

afterAll(async () => {
	await closePools();
	for (const home of homes) rmSync(home, {recursive: true, force: true});
	if (server !== undefined) await stopPg(server.home, {wipe: true});
}, 60_000);

type Agent = {agent: string; replies: number; notes: number; calls: number};

async function agentOnDemo(url: string | null, email: string) {
	const box = createSandbox(url === null ? {} : {CSR_STORE_URL: url});
	homes.push(box.home);
	const added = await box.csr(['profile', 'add', 'desk', '--provider', 'demo', '--email', email, '--use']);
	expect(added.exitCode, added.stderr).toBe(0);
	return box;
}

const call = (summary: string, customer = 'c@example.com') => [
	'log',
	'add',
	'--type',
	'call',
	'--customer',
	customer,
	'--summary',
	summary,
];

describe.runIf(installed)('the team store for a supervisor and for older local records', () => {
	it('csr stats --source records counts every agent from the team store, not only this machine', async () => {
		if (server === undefined) throw new Error('no server');
		const url = await createDatabase(server, `csr_stats_${process.pid}`);
		const alice = await agentOnDemo(url, 'alice@team.test');
		expect((await alice.csr(['store', 'migrate'])).exitCode).toBe(0);
		const bob = await agentOnDemo(url, 'bob@team.test');
		for (const summary of ['a1', 'a2']) expect((await alice.csr(call(summary))).exitCode).toBe(0);
		expect((await bob.csr(call('b1'))).exitCode).toBe(0);
		expect(
			(await bob.csr(['log', 'add', '--type', 'note', '--customer', 'd@example.com', '--summary', 'b2'])).exitCode,
		).toBe(0);

		for (const box of [alice, bob]) {
			const stats = await box.csr(['stats', '--source', 'records', '--since', '1d', '--json']);
			expect(stats.exitCode, stats.stderr).toBe(0);
			const agents = (JSON.parse(stats.stdout) as {agents: Agent[]}).agents;
			expect(agents.map(({agent, calls, notes}) => ({agent, calls, notes}))).toEqual(
				expect.arrayContaining([
					{agent: 'alice@team.test', calls: 2, notes: 0},
					{agent: 'bob@team.test', calls: 1, notes: 1},
				]),
			);
			expect(agents).toHaveLength(2);
		}
		const byDay = await bob.csr(['stats', '--source', 'records', '--since', '1d', '--by', 'day', '--json']);
		const groups = (JSON.parse(byDay.stdout) as {groups: {key: string; agents: Agent[]}[]}).groups;
		const today = new Date().toISOString().slice(0, 10);
		const counted = groups.flatMap((group) =>
			group.agents.map((agent) => [group.key, agent.agent, agent.calls + agent.notes]),
		);
		expect(counted).toEqual(
			expect.arrayContaining([
				[today, 'alice@team.test', 2],
				[today, 'bob@team.test', 2],
			]),
		);
		const explained = await alice.csr(['stats', '--source', 'records', '--since', '1d', '--explain']);
		expect(explained.stdout).toContain("every agent's records");
		expect(explained.stdout).not.toContain(server.password);

		// The team store down: the supervisor's figures fail with exit 1 and a hint, not with a partial answer.
		await closePools();
		await stopPg(server.home);
		try {
			const down = await alice.csr(['stats', '--source', 'records', '--since', '1d', '--json']);
			expect(down.exitCode).toBe(1);
			expect(down.stdout).toBe('');
		} finally {
			await startPg(server.home);
		}
	}, 120_000);

	it('csr store push shares the records and follow-ups logged before the team store, once', async () => {
		if (server === undefined) throw new Error('no server');
		const url = await createDatabase(server, `csr_history_${process.pid}`);
		const carol = await agentOnDemo(null, 'carol@team.test');
		for (const summary of ['old 1', 'old 2', 'old 3']) expect((await carol.csr(call(summary))).exitCode).toBe(0);
		expect((await carol.csr(['followup', 'add', '7', '--in', '2d', '--note', 'old callback'])).exitCode).toBe(0);
		const team = {env: {CSR_STORE_URL: url}};
		expect((await carol.csr(['store', 'migrate'], team)).exitCode).toBe(0);
		expect((await carol.csr(call('new 1'), team)).exitCode).toBe(0);

		const status = await carol.csr(['store', 'status', '--json'], team);
		expect(status.exitCode, status.stderr).toBe(0);
		expect(JSON.parse(status.stdout)).toMatchObject({localOnly: {records: 3, followUps: 1}});
		const said = await carol.csr(['store', 'status'], team);
		expect(said.stdout).toContain('older on this machine, not on the team store: 3 records and 1 follow-up');

		const dry = await carol.csr(['store', 'push', '--dry-run'], team);
		expect(dry.exitCode, dry.stderr).toBe(0);
		expect(dry.stdout).toContain('would push 3 records and 1 follow-up');
		expect(await queryPg(url, 'SELECT COUNT(*)::int AS n FROM records')).toEqual([{n: 1}]);

		const pushed = await carol.csr(['store', 'push', '--json'], team);
		expect(pushed.exitCode, pushed.stderr).toBe(0);
		expect(JSON.parse(pushed.stdout)).toMatchObject({
			pushed: {records: 3, followUps: 1},
			present: {records: 0, followUps: 0},
		});
		const again = JSON.parse((await carol.csr(['store', 'push', '--json'], team)).stdout);
		expect(again).toMatchObject({pushed: {records: 0, followUps: 0}, present: {records: 3, followUps: 1}});
		const [counts] = await queryPg<{n: number; ids: number}>(
			url,
			'SELECT COUNT(*)::int AS n, COUNT(DISTINCT id)::int AS ids FROM records',
		);
		expect(counts).toEqual({n: 4, ids: 4});
		expect(await queryPg(url, "SELECT note FROM followups WHERE note = 'old callback'")).toHaveLength(1);
		expect(JSON.parse((await carol.csr(['store', 'status', '--json'], team)).stdout)).toMatchObject({
			localOnly: {records: 0, followUps: 0},
		});
		const listed = JSON.parse((await carol.csr(['log', 'list', '--all', '--json'], team)).stdout) as {
			summary: string;
		}[];
		expect(listed.map((record) => record.summary).sort()).toEqual(['new 1', 'old 1', 'old 2', 'old 3']);
	}, 120_000);

	it("the TUI's follow-ups pane reads mine or the team's from the team store", async () => {
		if (server === undefined) throw new Error('no server');
		const url = await createDatabase(server, `csr_tui_${process.pid}`);
		const alice = await agentOnDemo(url, 'alice@team.test');
		expect((await alice.csr(['store', 'migrate'])).exitCode).toBe(0);
		const bob = await agentOnDemo(url, 'bob@team.test');
		const add = (box: typeof alice, args: string[]) => box.csr(['followup', 'add', ...args, '--in', '1m']);
		expect((await add(alice, ['11', '--note', 'for bob', '--to', 'bob@team.test'])).exitCode).toBe(0);
		expect((await add(alice, ['12', '--note', 'alice herself'])).exitCode).toBe(0);
		expect((await add(bob, ['13', '--note', 'bob himself'])).exitCode).toBe(0);

		// Bob's TUI, a day later (everything is due), over his own config and data.
		const base = createContext({
			env: bob.env,
			io: createTestIo(),
			cwd: bob.home,
			now: () => new Date(Date.now() + 86_400_000),
		});
		const context = {...base, openHelpDesk: async () => createMemoryHelpDesk([])};
		await context.prepare();
		routeToConfiguredTeamStore(context, {}, 'tui');
		const profile = resolveProfile(context.config().read(), undefined, context.env);
		const session = sessionOf(context, profile);
		expect(session.teamStore).toBe(true);
		const services = createTuiServices(context, profile, session);
		try {
			const notes = async (view: 'mine' | 'team') =>
				(await services.listDueFollowUps(view)).map((followUp) => followUp.note).sort();
			expect(await notes('mine')).toEqual(['bob himself', 'for bob']);
			expect(await notes('team')).toEqual(['alice herself', 'bob himself', 'for bob']);
		} finally {
			await services.close();
		}
	}, 120_000);
});
