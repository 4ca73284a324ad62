import {afterEach, describe, expect, it} from 'vitest';
import {resolveProfile} from '../../src/config/profiles.js';
import type {HelpDesk, SatisfactionRating, SurveyResponse} from '../../src/providers/help-desk.js';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';
import {aTicket, createMemoryHelpDesk} from '../support/memory-help-desk.js';

const contexts: TestContext[] = [];
afterEach(() => {
	for (const context of contexts.splice(0)) context.cleanup();
});

function demoContext(): TestContext {
	const context = createTestContext();
	contexts.push(context);
	return context;
}

type Item = {
	id: string;
	kind: string;
	score: string;
	comment: string | null;
	ticketId: string | null;
	agent: string | null;
};

describe('csr feedback on the demo desk', () => {
	it('lists every bad rating of the window with its comment, as the desk has them', async () => {
		const context = demoContext();
		const result = await runCsr(['feedback', '--bad', '--json', '--since', '3650d'], context);
		expect(result.exitCode, result.stderr).toBe(0);
		const items = JSON.parse(result.stdout) as Item[];
		const desk = await context.openHelpDesk(resolveProfile(context.config().read(), undefined, context.env), {
			verbose: false,
		});
		const bad: SatisfactionRating[] = [];
		try {
			let cursor: string | null = null;
			do {
				const page = await desk.exportSatisfaction(cursor);
				bad.push(...page.items.filter((rating) => rating.score === 'bad'));
				cursor = page.nextCursor;
			} while (cursor !== null);
		} finally {
			await desk.close();
		}
		expect(bad.length).toBeGreaterThan(0);
		expect(bad.some((rating) => rating.comment !== null)).toBe(true);
		expect(items.map((item) => [item.id, item.kind, item.comment, item.ticketId]).sort()).toEqual(
			bad.map((rating) => [`csat:${rating.id}`, 'bad', rating.comment, rating.ticketId]).sort(),
		);
	});

	it('creates one callback follow-up per answer, and none when run again', async () => {
		const context = demoContext();
		const first = await runCsr(
			['feedback', '--bad', '--detractors', '--hard', '--json', '--since', '30d', '--followup', '1d'],
			context,
		);
		expect(first.exitCode, first.stderr).toBe(0);
		const withTicket = (JSON.parse(first.stdout) as Item[]).filter((item) => item.ticketId !== null);
		expect(withTicket.length).toBeGreaterThan(0);
		expect(first.stderr).toContain(
			`${withTicket.length} callback follow-up${withTicket.length === 1 ? '' : 's'} created`,
		);
		const second = await runCsr(['feedback', '--since', '30d', '--followup', '1d'], context);
		expect(second.exitCode).toBe(0);
		expect(second.stderr).toContain(`0 callback follow-ups created`);
		expect(second.stderr).toContain(`${withTicket.length} already there`);
		const list = await runCsr(['followup', 'list', '--json'], context);
		const followUps = JSON.parse(list.stdout) as {ticketId: string; note: string}[];
		expect(followUps).toHaveLength(withTicket.length);
		expect(followUps.every((followUp) => followUp.note.startsWith('Call back: '))).toBe(true);
		expect(new Set(followUps.map((followUp) => followUp.ticketId))).toEqual(
			new Set(withTicket.map((item) => item.ticketId)),
		);
	});

	it('rejects a bad --since or --followup with exit 2', async () => {
		const context = demoContext();
		expect((await runCsr(['feedback', '--since', 'lately'], context)).exitCode).toBe(2);
		const bad = await runCsr(['feedback', '--followup', 'soon'], context);
		expect(bad.exitCode).toBe(2);
		expect(bad.stderr).toContain('invalid --followup "soon"');
	});
});

describe('csr feedback, kinds and hostile text', () => {
	function deskWith(ratings: SatisfactionRating[], surveys: SurveyResponse[]): HelpDesk {
		const base = createMemoryHelpDesk([
			aTicket({id: '5', channel: 'chat', assignee: {id: 'a', name: 'Mia \u001B[31mRed', email: null}}),
			aTicket({id: '6'}),
		]);
		return {
			...base,
			capabilities: {...base.capabilities, supportsSatisfaction: true, supportsSurveys: true},
			exportSatisfaction: async () => ({items: ratings, nextCursor: null}),
			exportSurveys: async () => ({items: surveys, nextCursor: null}),
		};
	}
	const at = '2026-11-19T10:00:00.000Z';

	it('picks detractors (0–6) and hard answers (1–3), and never lets a comment drive the terminal', async () => {
		const desk = deskWith(
			[
				{
					id: '1',
					ticketId: '5',
					at,
					score: 'bad',
					comment: 'slow \u001B]8;;https://evil.example\u0007click\u001B]8;;\u0007',
					channel: null,
				},
				{id: '2', ticketId: '6', at, score: 'good', comment: 'fine', channel: 'email'},
			],
			[
				{id: '3', ticketId: '6', at, kind: 'nps', score: 6},
				{id: '4', ticketId: '6', at, kind: 'nps', score: 7},
				{id: '5', ticketId: '5', at, kind: 'ces', score: 3, comment: 'too many steps'},
				{id: '6', ticketId: '5', at, kind: 'ces', score: 4},
			],
		);
		const context = createTestContext({helpDesk: desk, now: new Date('2026-11-20T12:00:00Z')});
		contexts.push(context);
		const json = JSON.parse((await runCsr(['feedback', '--json'], context)).stdout) as Item[];
		expect(json.map((item) => `${item.id} ${item.kind} ${item.score}`).sort()).toEqual([
			'ces:5 hard 3',
			'csat:1 bad bad',
			'nps:3 detractor 6',
		]);
		expect(json.find((item) => item.id === 'csat:1')).toMatchObject({ticketId: '5', agent: 'Mia \u001B[31mRed'});
		const detractors = JSON.parse((await runCsr(['feedback', '--detractors', '--json'], context)).stdout) as Item[];
		expect(detractors.map((item) => item.id)).toEqual(['nps:3']);
		const table = (await runCsr(['feedback'], context)).stdout;
		expect(table).not.toContain('\u001B');
		expect(table).toMatch(/slow \S?click/);
		expect(table).not.toContain('evil.example');
		expect(table).toMatch(/chat\s+Mia \S?Red/);
		const csv = (await runCsr(['feedback', '--format', 'csv'], context)).stdout;
		expect(csv.split(/\r?\n/)[0]).toBe('at,kind,score,ticketId,channel,agent,comment,subject');
		expect(csv).not.toContain('\u001B');
		expect(csv).toContain('too many steps');
	});
});
