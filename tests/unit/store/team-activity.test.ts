import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {openDatabase} from '../../../src/store/database.js';
import {groupTeamActivity, mondayOf, type TeamActivityRow} from '../../../src/store/team-activity.js';

const homes: string[] = [];
afterEach(() => {
	for (const home of homes.splice(0)) rmSync(home, {recursive: true, force: true});
});

const row = (day: string, agent: string | null, channel: string | null, ticketId: string | null): TeamActivityRow => ({
	day,
	channel,
	ticketId,
	agent,
	activity: {replies: 1, notes: 0, calls: 1, handleSec: 60, records: 2},
});

describe("the team store's activity rows, grouped like the local log", () => {
	it('keys weeks by their Monday, as SQLite does', () => {
		expect(mondayOf('2026-11-30')).toBe('2026-11-30'); // a Monday
		expect(mondayOf('2026-12-03')).toBe('2026-11-30');
		expect(mondayOf('2026-12-06')).toBe('2026-11-30'); // Sunday belongs to the week before it
		expect(mondayOf('2026-12-07')).toBe('2026-12-07');
	});

	it("adds rows per key and agent, and takes a record's missing channel from the local ticket cache", () => {
		const home = mkdtempSync(join(tmpdir(), 'csr-team-activity-'));
		homes.push(home);
		const db = openDatabase(join(home, 'csr.db'));
		try {
			db.prepare(
				"INSERT INTO sync_tickets (profile, ticket_id, status, channel, created_at, updated_at, reopens, public_agent_replies) VALUES ('p', '42', 'open', 'chat', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z', 0, 0)",
			).run();
			const rows = [
				row('2026-12-01', 'a@x', 'email', null),
				row('2026-12-03', 'a@x', null, '42'),
				row('2026-12-03', 'b@x', null, '99'),
			];
			const byChannel = groupTeamActivity(db, 'p', rows, 'channel');
			expect([...byChannel.keys()].sort()).toEqual(['chat', 'email', 'other']);
			expect(byChannel.get('chat')?.get('a@x')?.records).toBe(2);
			const byWeek = groupTeamActivity(db, 'p', rows, 'week');
			expect(byWeek.get('2026-11-30')?.get('a@x')).toEqual({
				replies: 2,
				notes: 0,
				calls: 2,
				handleSec: 120,
				records: 4,
			});
			expect([...groupTeamActivity(db, 'p', rows, 'all').keys()]).toEqual(['']);
		} finally {
			db.close();
		}
	});
});
