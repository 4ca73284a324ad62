import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {FollowUp} from '../../src/domain/records.js';
import {FollowUpsScreen} from '../../src/tui/screens/follow-ups-screen.js';
import {keys, renderWithServices, testSession} from '../support/tui.js';

afterEach(() => cleanup());

const followUp = (id: string, note: string, assignee: string): FollowUp => ({
	id,
	ticketId: id.replace('f', '1'),
	customerEmail: null,
	dueAt: '2026-11-20T09:00:00.000Z',
	note,
	createdAt: '2026-11-19T09:00:00.000Z',
	doneAt: null,
	profile: 'test',
	agent: 'alice@team.test',
	assignee,
});

const mine = [followUp('f01', 'call Mrs Hansen', 'me@team.test')];
const team = [...mine, followUp('f02', 'chase the courier', 'bob@team.test')];

function open(teamStore: boolean) {
	const asked: (string | undefined)[] = [];
	const opened: string[] = [];
	const screen = renderWithServices(
		<FollowUpsScreen onClose={() => {}} onOpen={(id) => opened.push(id)} width={100} height={12} />,
		{
			session: {...testSession, teamStore},
			listDueFollowUps: async (view) => {
				asked.push(view);
				return view === 'team' ? team : mine;
			},
		},
	);
	return {screen, asked, opened};
}

describe('the follow-ups pane with a team store', () => {
	it("shows mine first, t switches to the team's with whom each is for, and back", async () => {
		const {screen, asked, opened} = open(true);
		const first = await screen.waitForFrame((frame) => frame.includes('call Mrs Hansen'));
		expect(first).toContain('mine (t: the team’s)');
		expect(first).not.toContain('chase the courier');
		expect(first).toContain('t mine/team');
		await screen.press('t');
		const all = await screen.waitForFrame((frame) => frame.includes('chase the courier'));
		expect(all).toContain('the team’s (t: mine)');
		expect(all).toMatch(/#102\s+→ bob@team\.test\s+chase the courier/);
		expect(asked).toEqual(['mine', 'team']);
		await screen.press(keys.down);
		await screen.waitForFrame((frame) => /›.*chase the courier/.test(frame));
		await screen.press(keys.enter);
		for (let turn = 0; turn < 1000 && opened.length === 0; turn++) {
			await new Promise((resolve) => setImmediate(resolve));
		}
		expect(opened).toEqual(['102']);
	});

	it('has no team view without a team store: t does nothing', async () => {
		const {screen, asked} = open(false);
		const frame = await screen.waitForFrame((text) => text.includes('call Mrs Hansen'));
		expect(frame).not.toContain('mine/team');
		await screen.press('t', keys.down);
		await screen.waitForFrame((text) => text.includes('› '));
		expect(asked).toEqual(['mine']);
	});
});
