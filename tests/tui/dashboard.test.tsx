import {join} from 'node:path';
import {DatabaseSync} from 'node:sqlite';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {createDashboardServices} from '../../src/cli/run/dashboard.js';
import {resolveProfile} from '../../src/config/profiles.js';
import type {HelpDesk} from '../../src/providers/help-desk.js';
import type {Dashboard} from '../../src/services/dashboard.js';
import type {DashboardServices} from '../../src/tui/dashboard-model.js';
import {KeyRouter} from '../../src/tui/keys.js';
import {DashboardScreen} from '../../src/tui/screens/dashboard-screen.js';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';
import {keys} from '../support/tui.js';

// Friday 12:00 UTC = 13:00 in Copenhagen: the demo profile's office is open for three more hours, so "the next
// business hour" is the next hour on the clock.
const now = new Date('2026-11-20T12:00:00Z');
const midnight = Date.parse('2026-11-20T00:00:00Z');

let contexts: TestContext[] = [];
let desks: HelpDesk[] = [];
afterEach(async () => {
	cleanup();
	for (const desk of desks) await desk.close();
	for (const created of contexts) created.cleanup();
	contexts = [];
	desks = [];
});

function show(
	services: DashboardServices,
	width: number,
	height: number,
	onQuit = () => {},
	yieldTurn?: (next: () => void) => void,
) {
	const instance = render(
		<KeyRouter yieldTurn={yieldTurn}>
			<DashboardScreen services={services} width={width} height={height} onQuit={onQuit} />
		</KeyRouter>,
	);
	async function waitForFrame(predicate: (frame: string) => boolean): Promise<string> {
		const deadline = Date.now() + 20_000;
		for (;;) {
			const frame = instance.lastFrame() ?? '';
			if (predicate(frame)) return frame;
			if (Date.now() > deadline) throw new Error(`No matching frame. Last frame:\n${frame}`);
			await new Promise((resolve) => setImmediate(resolve));
		}
	}
	async function press(...sequence: string[]) {
		for (const key of sequence) {
			instance.stdin.write(key);
			await new Promise((resolve) => setImmediate(resolve));
		}
	}
	return {waitForFrame, press};
}

async function demoBoard(): Promise<{ctx: TestContext; services: DashboardServices}> {
	const ctx = createTestContext({now});
	contexts.push(ctx);
	expect((await runCsr(['demo', 'reset', '--tickets', '300', '--seed', '4'], ctx)).exitCode).toBe(0);
	const profile = resolveProfile(ctx.config().read(), undefined, ctx.env);
	const desk = await ctx.openHelpDesk(profile, {verbose: false});
	desks.push(desk);
	return {ctx, services: await createDashboardServices(ctx, profile, desk, {intervalMs: 0, sync: true})};
}

type Row = {open: number; pending: number; onHold: number; late: number; replies: number; solved: number};

/** The desk's truth, straight from demo.db: what each agent has unsolved now and did today (UTC). */
function truth(ctx: TestContext) {
	const db = new DatabaseSync(join(ctx.home, 'data', 'demo.db'), {readOnly: true});
	try {
		const agents = new Map<string, Row>();
		const of = (agent: string) => {
			let row = agents.get(agent);
			if (row === undefined) {
				row = {open: 0, pending: 0, onHold: 0, late: 0, replies: 0, solved: 0};
				agents.set(agent, row);
			}
			return row;
		};
		const nowMs = now.getTime();
		for (const ticket of db
			.prepare(
				`SELECT lower(u.email) AS agent, t.status, t.sla_due_ms FROM tickets t LEFT JOIN users u ON u.id = t.assignee_id
				WHERE t.status IN ('new', 'open', 'pending', 'on-hold')`,
			)
			.all()) {
			const row = of(ticket['agent'] === null ? '(none)' : String(ticket['agent']));
			if (ticket['status'] === 'new' || ticket['status'] === 'open') row.open++;
			if (ticket['status'] === 'pending') row.pending++;
			if (ticket['status'] === 'on-hold') row.onHold++;
			if (ticket['sla_due_ms'] !== null && Number(ticket['sla_due_ms']) < nowMs) row.late++;
		}
		for (const reply of db
			.prepare(
				`SELECT lower(u.email) AS agent, COUNT(*) AS n FROM messages m JOIN users u ON u.id = m.author_id
				WHERE m.author_role = 'agent' AND m.is_public = 1 AND m.created_ms >= ? AND m.created_ms < ? GROUP BY agent`,
			)
			.all(midnight, nowMs)) {
			of(String(reply['agent'])).replies = Number(reply['n']);
		}
		// The last solve of each ticket solved now, if it was today, credited to the agent who made it.
		for (const solve of db
			.prepare(
				`SELECT e.ticket_id, e.at_ms, lower(u.email) AS agent, u.role FROM events e JOIN tickets t ON t.id = e.ticket_id
				LEFT JOIN users u ON u.id = e.author_id
				WHERE e.field = 'status' AND t.status IN ('solved', 'closed')
					AND (e.new_value = 'solved' OR (e.new_value = 'closed' AND e.old_value <> 'solved'))
					AND e.at_ms = (SELECT max(x.at_ms) FROM events x WHERE x.ticket_id = e.ticket_id AND x.field = 'status'
						AND (x.new_value = 'solved' OR (x.new_value = 'closed' AND x.old_value <> 'solved')))`,
			)
			.all()) {
			const at = Number(solve['at_ms']);
			if (at < midnight || at >= nowMs) continue;
			of(solve['role'] === 'agent' ? String(solve['agent']) : '(none)').solved++;
		}
		const ratings = db
			.prepare(
				`SELECT SUM(score = 'good') AS good, SUM(score = 'bad') AS bad FROM satisfaction WHERE at_ms >= ? AND at_ms < ?`,
			)
			.get(midnight, nowMs);
		const soon = db
			.prepare(
				`SELECT COUNT(*) AS n FROM tickets WHERE status IN ('new', 'open', 'pending', 'on-hold') AND sla_due_ms >= ? AND sla_due_ms < ?`,
			)
			.get(nowMs, nowMs + 3_600_000);
		const lateIds = db
			.prepare(
				`SELECT id FROM tickets WHERE status IN ('new', 'open', 'pending', 'on-hold') AND sla_due_ms < ? ORDER BY id`,
			)
			.all(nowMs)
			.map((row) => String(row['id']));
		return {
			agents,
			good: Number(ratings?.['good'] ?? 0),
			bad: Number(ratings?.['bad'] ?? 0),
			soon: Number(soon?.['n']),
			lateIds,
		};
	} finally {
		db.close();
	}
}

/** The agent rows of a board frame: name, then OPEN PEND HOLD <1H LATE REPL SOLV. */
function agentRows(frame: string): Map<string, number[]> {
	const lines = frame.split('\n');
	const from = lines.findIndex((line) => line.trim() === 'AGENT');
	const to = lines.findIndex((line) => line.trim() === 'GROUP');
	return new Map(
		lines.slice(from + 1, to).map((line) => {
			const parts = line
				.replace(/^[ ›]+/, '')
				.trim()
				.split(/\s+/);
			return [parts[0] ?? '', parts.slice(1).map(Number)];
		}),
	);
}

describe('csr dashboard on the demo desk', () => {
	it('shows each agent’s unsolved tickets, SLA and today’s replies and solves as the desk has them', async () => {
		const {ctx, services} = await demoBoard();
		const screen = show(services, 100, 40);
		const frame = await screen.waitForFrame((text) => text.includes('GROUP'));
		const expected = truth(ctx);
		const rows = agentRows(frame);
		expect(rows.size).toBeGreaterThan(5);
		expect([...rows.keys()].sort()).toEqual([...expected.agents.keys()].sort());
		for (const [agent, want] of expected.agents) {
			const [open, pending, onHold, , late, replies, solved] = rows.get(agent) ?? [];
			expect({open, pending, onHold, late, replies, solved}, agent).toEqual(want);
		}
		const sum = (pick: (row: Row) => number) => [...expected.agents.values()].reduce((a, row) => a + pick(row), 0);
		expect(sum((row) => row.replies)).toBeGreaterThan(0);
		expect(frame).toContain(`Today (UTC) ${sum((row) => row.replies)} replies · ${sum((row) => row.solved)} solved`);
		const score = expected.good + expected.bad === 0 ? null : (expected.good / (expected.good + expected.bad)) * 100;
		expect(frame).toContain(
			score === null ? 'CSAT – (no ratings)' : `CSAT ${score.toFixed(1)}% (${expected.good} good, ${expected.bad} bad)`,
		);
		expect(frame).toMatch(new RegExp(`SLA target in the next business hour +${expected.soon}\\n`));
		expect(frame).toMatch(new RegExp(`Past the SLA target +${expected.lateIds.length}\\n`));
	}, 60_000);

	it('opens the tickets behind a number with enter and goes back with q, then quits with q', async () => {
		const {ctx, services} = await demoBoard();
		let quit = false;
		const screen = show(services, 100, 60, () => {
			quit = true;
		});
		await screen.waitForFrame((text) => text.includes('› Unsolved now'));
		await screen.press(keys.down, keys.down);
		await screen.waitForFrame((text) => text.includes('› Past the SLA target'));
		await screen.press(keys.enter);
		const {lateIds} = truth(ctx);
		expect(lateIds.length).toBeGreaterThan(0);
		const list = await screen.waitForFrame((text) => text.includes(`Past the SLA target (${lateIds.length})`));
		const shown = [...list.matchAll(/^[ ›]+#(\d+) /gm)].map((match) => match[1]).sort((a, b) => Number(a) - Number(b));
		expect(shown).toEqual(lateIds);
		expect(list).toMatch(/late \d+[mhd]/);
		await screen.press('q');
		await screen.waitForFrame((text) => text.includes('› Past the SLA target') && text.includes('AGENT'));
		expect(quit).toBe(false);
		await screen.press('q');
		expect(quit).toBe(true);
	}, 60_000);

	it('moves once per key when keys arrive in one burst (a held ↓), not once per frame', async () => {
		const {services} = await demoBoard();
		// Every key of a burst is handed over before any render: the worst case of a slow frame.
		const screen = show(
			services,
			100,
			60,
			() => {},
			(next) => next(),
		);
		await screen.waitForFrame((text) => text.includes('› Unsolved now'));
		// Both ↓ in one chunk: the second is read before the board renders the first.
		await screen.press(keys.down + keys.down);
		await screen.waitForFrame((text) => text.includes('› Past the SLA target'));
	}, 60_000);

	it('fits 80×24 and marks the selection with a character, not only a colour', async () => {
		const {services} = await demoBoard();
		const screen = show(services, 80, 24);
		const frame = await screen.waitForFrame((text) => text.includes('AGENT'));
		const lines = frame.split('\n');
		expect(lines.length).toBeLessThanOrEqual(24);
		expect(Math.max(...lines.map((line) => [...line].length))).toBeLessThanOrEqual(80);
		expect(frame).toContain('› Unsolved now');
		expect(lines.at(-1)).toContain('q quit');
		// Scrolling down through the agents keeps the selection on screen.
		await screen.press(...Array.from({length: 14}, () => 'j'));
		const scrolled = await screen.waitForFrame((text) => text.includes('› ') && !text.includes('› Unsolved now'));
		expect(scrolled.split('\n').length).toBeLessThanOrEqual(24);
		expect(scrolled).toContain('› ');
	}, 60_000);
});

describe('the dashboard’s refresh', () => {
	it('loads again on its interval, one load at a time, keeping the last board on screen while it does', async () => {
		let loads = 0;
		let running = 0;
		let overlapped = false;
		const board = (replies: number): Dashboard => ({
			at: now.toISOString(),
			todaySince: new Date(midnight).toISOString(),
			timeZone: 'UTC',
			csrTargets: false,
			businessHours: false,
			totals: {
				key: '',
				open: 0,
				pending: 0,
				onHold: 0,
				breachSoon: 0,
				breached: 0,
				repliesToday: replies,
				solvedToday: 0,
				waiting: 0,
			},
			agents: [],
			groups: [],
			csatToday: {score: null, good: 0, bad: 0},
			oldestWaiting: [],
		});
		const services: DashboardServices = {
			profileName: 'test',
			intervalMs: 20,
			load: async () => {
				overlapped ||= running > 0;
				running++;
				const count = ++loads;
				// A load slower than the interval: the ticks that come meanwhile must not start another.
				await new Promise((resolve) => setTimeout(resolve, 60));
				running--;
				return {...board(count), warning: count >= 3 ? 'could not sync: the desk is down' : null};
			},
			tickets: async () => [],
		};
		const screen = show(services, 100, 20);
		await screen.waitForFrame((text) => /Today \(UTC\) 1 replies/.test(text));
		const later = await screen.waitForFrame((text) => /Today \(UTC\) ([3-9]|\d\d+) replies/.test(text));
		expect(later).toContain('could not sync: the desk is down');
		expect(overlapped).toBe(false);
	});
});
