import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {applyBusinessHours} from '../../../src/services/business-hours.js';
import {countBusinessSources} from '../../../src/store/business-times.js';
import {type Database, openDatabase} from '../../../src/store/database.js';
import {type CachedTicket, storeSyncPage} from '../../../src/store/stats-cache.js';
import {officeWeek} from '../../support/business-hours.js';

let dir: string;
let db: Database;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'csr-business-'));
	db = openDatabase(join(dir, 'csr.db'));
});
afterEach(() => {
	db.close();
	rmSync(dir, {recursive: true, force: true});
});

const office = officeWeek;
const copenhagen = {timeZone: 'Europe/Copenhagen', weekly: office};

function ticket(id: string, fields: Partial<CachedTicket>): CachedTicket {
	return {
		ticketId: id,
		status: 'solved',
		channel: 'email',
		agentKey: null,
		groupName: null,
		createdAt: '2026-11-06T15:00:00Z', // Friday 16:00 Copenhagen
		updatedAt: '2026-11-09T12:00:00Z',
		solvedAt: null,
		firstReplyAt: null,
		firstReplyMinutes: null,
		firstReplyBusinessMinutes: null,
		resolutionMinutes: null,
		resolutionBusinessMinutes: null,
		reopens: 0,
		publicAgentReplies: 1,
		slaBreached: null,
		...fields,
	};
}

function store(tickets: CachedTicket[]): void {
	storeSyncPage(
		db,
		'p',
		{stream: 'tickets', items: tickets},
		{provider: 'demo', cursor: null, at: 'now', completed: true},
	);
}

function business(id: string): {first: unknown; resolution: unknown; source: unknown} {
	const row = db
		.prepare(
			'SELECT first_reply_business_minutes AS f, resolution_business_minutes AS r, business_source AS s FROM sync_tickets WHERE ticket_id = ?',
		)
		.get(id);
	return {first: row?.['f'], resolution: row?.['r'], source: row?.['s']};
}

describe('applyBusinessHours (the cache pass)', () => {
	const replied = ticket('1', {
		firstReplyAt: '2026-11-09T09:00:00Z', // Monday 10:00 local: 60 + 60 business minutes
		firstReplyMinutes: 3900,
		solvedAt: '2026-11-10T09:00:00Z', // Tuesday 10:00 local: 60 + 480 + 60
		resolutionMinutes: 5340,
	});

	it('measures first reply and resolution on the profile schedule, once', async () => {
		store([replied, ticket('2', {status: 'open'})]);
		expect(await applyBusinessHours(db, 'p', copenhagen)).toEqual({computed: 2, cleared: 0});
		expect(business('1')).toMatchObject({first: 120, resolution: 600});
		expect(business('2')).toMatchObject({first: null, resolution: null});
		expect(await applyBusinessHours(db, 'p', copenhagen)).toEqual({computed: 0, cleared: 0});
		expect(countBusinessSources(db, 'p')).toEqual({desk: 0, csr: 2});
	});

	it('measures again when the schedule changes or the sync rewrites the row', async () => {
		store([replied]);
		await applyBusinessHours(db, 'p', copenhagen);
		await applyBusinessHours(db, 'p', {...copenhagen, closed: ['2026-11-09']});
		// Monday closed: Friday 60 + Tuesday 60 for the resolution; the first reply came on the closed Monday.
		expect(business('1')).toMatchObject({first: 60, resolution: 120});
		store([{...replied, firstReplyAt: '2026-11-06T15:30:00Z', firstReplyMinutes: 30}]);
		expect(business('1').source).toBeNull();
		expect(await applyBusinessHours(db, 'p', {...copenhagen, closed: ['2026-11-09']})).toEqual({
			computed: 1,
			cleared: 0,
		});
		expect(business('1').first).toBe(30);
	});

	it('keeps the desk’s own business minutes, and drops csr’s when the profile has no business hours', async () => {
		store([
			replied,
			ticket('3', {firstReplyAt: '2026-11-09T09:00:00Z', firstReplyMinutes: 3900, firstReplyBusinessMinutes: 7}),
		]);
		await applyBusinessHours(db, 'p', copenhagen);
		expect(business('3')).toMatchObject({first: 7, source: 'desk'});
		expect(countBusinessSources(db, 'p')).toEqual({desk: 1, csr: 1});
		expect(await applyBusinessHours(db, 'p', null)).toEqual({computed: 0, cleared: 1});
		expect(business('1')).toMatchObject({first: null, resolution: null, source: null});
		expect(business('3')).toMatchObject({first: 7, source: 'desk'});
	});

	it('uses a group’s own schedule for its tickets', async () => {
		store([{...replied, groupName: 'Weekend'}]);
		await applyBusinessHours(db, 'p', {
			...copenhagen,
			groups: {Weekend: {weekly: {sat: ['10:00-12:00'], sun: ['10:00-12:00']}}},
		});
		// Created Friday, replied Monday: the weekend team's Saturday and Sunday hours, 2 × 120.
		expect(business('1')).toMatchObject({first: 240, resolution: 240});
	});
});
