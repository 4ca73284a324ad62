import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import type {InteractionRecord} from '../../src/domain/records.js';
import type {Channel, Ticket, TicketStatus} from '../../src/domain/ticket.js';
import {AuthError, ProviderError} from '../../src/errors.js';
import {countTouches} from '../../src/kpi/touches.js';
import {createDemoHelpDesk} from '../../src/providers/demo/demo-help-desk.js';
import type {
	ExportPage,
	HelpDesk,
	SatisfactionRating,
	SurveyResponse,
	TicketFacts,
} from '../../src/providers/help-desk.js';
import {insertRecord} from '../../src/store/records.js';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';
import {aTicket, createMemoryHelpDesk} from '../support/memory-help-desk.js';

const now = new Date('2026-11-20T12:00:00Z');
const minute = 60_000;
const day = 86_400_000;

let contexts: TestContext[] = [];
afterEach(() => {
	for (const context of contexts) context.cleanup();
	contexts = [];
});

/**
 * A test context whose demo profile has the business hours given, or none (the built-in demo profile's office
 * hours would add business-time keys to every report).
 */
function context(
	options: Parameters<typeof createTestContext>[0] & {businessHours?: Record<string, unknown> | null},
): TestContext {
	const {businessHours = null, ...rest} = options;
	const created = createTestContext(rest);
	contexts.push(created);
	const configDir = join(created.home, 'config');
	mkdirSync(configDir, {recursive: true});
	const config = {profiles: {demo: {provider: 'demo', email: 'you@demo.csr', businessHours}}};
	if (!existsSync(join(configDir, 'config.json'))) {
		writeFileSync(join(configDir, 'config.json'), JSON.stringify(config), {mode: 0o600});
	}
	return created;
}

// ---------------------------------------------------------------------------------------------------------------
// A desk that serves fixed export data in pages, and counts what it was asked.

type Data = {facts: TicketFacts[]; ratings: SatisfactionRating[]; surveys: SurveyResponse[]};

function pages<T>(items: readonly T[], size: number, calls: (string | null)[], fail?: (cursor: string | null) => void) {
	return async (cursor: string | null): Promise<ExportPage<T>> => {
		calls.push(cursor);
		fail?.(cursor);
		const offset = cursor === null ? 0 : Number(cursor);
		const next = offset + size < items.length ? String(offset + size) : null;
		return {items: items.slice(offset, offset + size), nextCursor: next};
	};
}

function exportDesk(
	data: Data,
	options: {pageSize?: number; failTickets?: (cursor: string | null) => void; ratingsForbidden?: boolean} = {},
) {
	const calls = {
		tickets: [] as (string | null)[],
		satisfaction: [] as (string | null)[],
		surveys: [] as (string | null)[],
	};
	const base = createMemoryHelpDesk([]);
	const size = options.pageSize ?? 37;
	const desk: HelpDesk = {
		...base,
		providerName: 'fixture',
		capabilities: {...base.capabilities, supportsSatisfaction: true, supportsSurveys: true},
		exportTicketFacts: pages(data.facts, size, calls.tickets, options.failTickets),
		exportSatisfaction: options.ratingsForbidden
			? async () => {
					throw new AuthError('satisfaction ratings are for admins only (403)');
				}
			: pages(data.ratings, size, calls.satisfaction),
		exportSurveys: pages(data.surveys, size, calls.surveys),
	};
	return {desk, calls};
}

// ---------------------------------------------------------------------------------------------------------------
// Fixtures.

function facts(overrides: Omit<Partial<TicketFacts>, 'ticket'> & {ticket: Partial<Ticket>}): TicketFacts {
	return {
		firstReplyAt: null,
		firstReplyMinutes: null,
		firstReplyBusinessMinutes: null,
		solvedAt: null,
		fullResolutionMinutes: null,
		fullResolutionBusinessMinutes: null,
		reopens: 0,
		publicAgentReplies: 0,
		slaBreached: null,
		...overrides,
		ticket: aTicket(overrides.ticket),
	};
}

const iso = (ms: number) => new Date(ms).toISOString();
const ago = (ms: number) => iso(now.getTime() - ms);

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

const fixtureChannels: Channel[] = ['email', 'chat', 'phone', 'web'];
const agents = [
	{id: 'a1', name: 'Anna', email: 'Anna@Example.com'},
	{id: 'a2', name: 'Bo', email: 'bo@example.com'},
	{id: 'a3', name: 'Cy', email: null},
];
const groups = [{id: 'g1', name: 'Support'}, {id: 'g2', name: 'Billing'}, null];

/** A few hundred tickets, ratings and survey answers over 60 days, with every awkward case in the mix. */
function generated(seed: number): Data {
	const next = random(seed);
	const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
	const result: Data = {facts: [], ratings: [], surveys: []};
	for (let index = 0; index < 420; index++) {
		const created = now.getTime() - Math.round(next() * 60 * day);
		const status = pick<TicketStatus>(['new', 'open', 'pending', 'on-hold', 'solved', 'solved', 'closed', 'closed']);
		const isSolved = status === 'solved' || status === 'closed';
		// Some open tickets were solved once and reopened: they have a last solve but do not count as solved.
		const hasSolve = isSolved || (status === 'open' && next() < 0.2);
		const solved = hasSolve ? Math.min(now.getTime() - minute, created + Math.round(next() * 10 * day)) : null;
		const replied = next() < 0.85;
		const firstReply = replied ? Math.round(next() * 48 * 60 * 1000) / 1000 : null;
		const resolution = solved === null || next() < 0.05 ? null : (solved - created) / minute;
		const assignee = next() < 0.85 ? pick(agents) : null;
		result.facts.push(
			facts({
				ticket: {
					id: String(1000 + index),
					status,
					channel: pick(fixtureChannels),
					assignee,
					group: pick(groups),
					createdAt: iso(created),
					updatedAt: iso(solved ?? created),
				},
				firstReplyAt: firstReply === null ? null : iso(created + firstReply * minute),
				firstReplyMinutes: firstReply,
				solvedAt: solved === null ? null : iso(solved),
				fullResolutionMinutes: resolution,
				reopens: status === 'open' && hasSolve ? 1 : pick([0, 0, 0, 0, 1, 2]),
				publicAgentReplies: pick([0, 1, 1, 2, 3, 4]),
				slaBreached: pick([null, true, false, false, false]),
			}),
		);
	}
	// Edge: created exactly at the default window's start (included) and exactly at its end (excluded, it is "now").
	result.facts.push(
		facts({ticket: {id: '5000', channel: 'sms', createdAt: ago(30 * day), status: 'open'}, firstReplyMinutes: 3}),
	);
	for (let index = 0; index < 260; index++) {
		const ticket = next() < 0.9 ? pick(result.facts).ticket : null;
		result.ratings.push({
			id: `r${index}`,
			ticketId: ticket?.id ?? null,
			at: ago(Math.round(next() * 45 * day)),
			score: pick(['good', 'good', 'good', 'bad', 'bad', 'offered'] as const),
			comment: null,
			channel: next() < 0.3 ? null : pick(fixtureChannels),
		});
	}
	result.ratings.push({id: 'r-edge', ticketId: null, at: ago(30 * day), score: 'bad', comment: null, channel: 'sms'});
	for (let index = 0; index < 140; index++) {
		const isNps = next() < 0.6;
		result.surveys.push({
			id: `s${index}`,
			ticketId: next() < 0.9 ? pick(result.facts).ticket.id : null,
			at: ago(Math.round(next() * 45 * day)),
			kind: isNps ? 'nps' : 'ces',
			score: isNps ? Math.floor(next() * 11) : 1 + Math.floor(next() * 7),
		});
	}
	return result;
}

function aRecord(overrides: Partial<InteractionRecord>): InteractionRecord {
	return {
		id: `rec-${Math.random().toString(36).slice(2)}`,
		at: ago(day),
		agent: 'anna@example.com',
		profile: 'demo',
		provider: 'demo',
		ticketId: null,
		customer: {email: null, name: null},
		channel: null,
		action: 'reply',
		template: null,
		status: null,
		outcome: null,
		durationSec: null,
		summary: null,
		followUpAt: null,
		...overrides,
	};
}

const fixtureRecords: InteractionRecord[] = [
	aRecord({agent: 'Anna@Example.com', action: 'reply', durationSec: 300, ticketId: '1000'}),
	aRecord({agent: 'anna@example.com', action: 'call', durationSec: 600, channel: 'phone'}),
	aRecord({agent: 'anna@example.com', action: 'note'}),
	aRecord({agent: 'anna@example.com', action: 'log-note', durationSec: 30}),
	aRecord({agent: 'bo@example.com', action: 'reply', profile: null}),
	aRecord({agent: 'bo@example.com', action: 'status'}),
	aRecord({agent: null, action: 'call', durationSec: 120}),
	// Outside the window, and another profile's: neither counts.
	aRecord({agent: 'bo@example.com', action: 'reply', at: ago(40 * day)}),
	aRecord({agent: 'bo@example.com', action: 'reply', profile: 'other'}),
];

async function seedRecords(ctx: TestContext, records: readonly InteractionRecord[]) {
	await ctx.prepare();
	for (const record of records) insertRecord(ctx.store(), record);
}

// ---------------------------------------------------------------------------------------------------------------
// The independent calculation: plain arrays, filters and sorts over the raw export data.

type Win = {since: number; until: number};
const inWindow = (at: string | null, window: Win) =>
	at !== null && Date.parse(at) >= window.since && Date.parse(at) < window.until;
const round1 = (value: number) => Math.round(value * 10) / 10;
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
const ratio = (part: number, whole: number) => (whole === 0 ? null : round4(part / whole));

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	const h = (sorted.length - 1) * p;
	const low = Math.floor(h);
	const high = Math.min(low + 1, sorted.length - 1);
	return (sorted[low] as number) + (h - low) * ((sorted[high] as number) - (sorted[low] as number));
}

function durations(values: number[]) {
	if (values.length === 0) return {median: null, mean: null, p90: null, count: 0};
	const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
	return {
		median: round1(percentile(values, 0.5)),
		mean: round1(mean),
		p90: round1(percentile(values, 0.9)),
		count: values.length,
	};
}

function utcDays(window: Win): string[] {
	const days: string[] = [];
	const first = new Date(window.since);
	for (
		let at = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate());
		at < window.until;
		at += day
	) {
		days.push(new Date(at).toISOString().slice(0, 10));
	}
	return days;
}

function expectedReport(data: Data, window: Win, ticketFilter: (facts: TicketFacts) => boolean = () => true) {
	const tickets = data.facts.filter(ticketFilter);
	const ticketById = new Map(data.facts.map((entry) => [entry.ticket.id, entry]));
	const created = tickets.filter((entry) => inWindow(entry.ticket.createdAt, window));
	const solved = tickets.filter(
		(entry) =>
			inWindow(entry.solvedAt, window) && (entry.ticket.status === 'solved' || entry.ticket.status === 'closed'),
	);
	const unsolved = tickets.filter((entry) => ['new', 'open', 'pending', 'on-hold'].includes(entry.ticket.status));
	const age = (entry: TicketFacts) => (now.getTime() - Date.parse(entry.ticket.createdAt)) / day;
	const ratingChannel = (rating: SatisfactionRating): string => {
		if (rating.channel !== null) return rating.channel;
		return (rating.ticketId === null ? undefined : ticketById.get(rating.ticketId))?.ticket.channel ?? 'other';
	};
	const answerBelongs = (ticketId: string | null) => {
		const ticket = ticketId === null ? undefined : ticketById.get(ticketId);
		return ticket === undefined ? ticketFilter(facts({ticket: {id: 'none'}})) : ticketFilter(ticket);
	};
	const ratings = data.ratings.filter((rating) => inWindow(rating.at, window) && answerBelongs(rating.ticketId));
	const good = ratings.filter((rating) => rating.score === 'good').length;
	const bad = ratings.filter((rating) => rating.score === 'bad').length;
	const byChannel: Record<string, {score: number | null; good: number; bad: number}> = {};
	for (const channel of [...new Set(ratings.map(ratingChannel))].sort()) {
		const those = ratings.filter((rating) => ratingChannel(rating) === channel);
		const g = those.filter((rating) => rating.score === 'good').length;
		const b = those.filter((rating) => rating.score === 'bad').length;
		if (g + b > 0) byChannel[channel] = {score: ratio(g, g + b), good: g, bad: b};
	}
	const surveys = data.surveys.filter((survey) => inWindow(survey.at, window) && answerBelongs(survey.ticketId));
	const nps = surveys.filter((survey) => survey.kind === 'nps');
	const ces = surveys.filter((survey) => survey.kind === 'ces');
	const promoters = nps.filter((survey) => survey.score >= 9).length;
	const detractors = nps.filter((survey) => survey.score <= 6).length;
	return {
		window: {since: iso(window.since), until: iso(window.until)},
		tickets: {
			created: created.length,
			solved: solved.length,
			reopened: solved.filter((entry) => entry.reopens > 0).length,
		},
		backlog: {
			open: unsolved.filter((entry) => entry.ticket.status === 'new' || entry.ticket.status === 'open').length,
			pending: unsolved.filter((entry) => entry.ticket.status === 'pending').length,
			onHold: unsolved.filter((entry) => entry.ticket.status === 'on-hold').length,
			byAge: {
				'<1d': unsolved.filter((entry) => age(entry) < 1).length,
				'1-3d': unsolved.filter((entry) => age(entry) >= 1 && age(entry) < 3).length,
				'3-7d': unsolved.filter((entry) => age(entry) >= 3 && age(entry) < 7).length,
				'>7d': unsolved.filter((entry) => age(entry) >= 7).length,
			},
		},
		firstReplyMinutes: durations(created.flatMap((entry) => entry.firstReplyMinutes ?? [])),
		resolutionMinutes: durations(solved.flatMap((entry) => entry.fullResolutionMinutes ?? [])),
		oneTouchRate: ratio(solved.filter((entry) => entry.publicAgentReplies <= 1).length, solved.length),
		reopenRate: ratio(solved.filter((entry) => entry.reopens > 0).length, solved.length),
		slaBreachRate: ratio(
			created.filter((entry) => entry.slaBreached === true).length,
			created.filter((entry) => entry.slaBreached !== null).length,
		),
		csat: {
			score: ratio(good, good + bad),
			good,
			bad,
			byChannel,
			trend: utcDays(window).map((date) => {
				const those = ratings.filter((rating) => rating.at.slice(0, 10) === date);
				const g = those.filter((rating) => rating.score === 'good').length;
				const b = those.filter((rating) => rating.score === 'bad').length;
				return {date, score: ratio(g, g + b)};
			}),
		},
		nps:
			nps.length === 0
				? null
				: {
						score: round1(((promoters - detractors) / nps.length) * 100),
						promoters,
						passives: nps.length - promoters - detractors,
						detractors,
					},
		ces:
			ces.length === 0
				? null
				: {
						mean: Math.round((ces.reduce((sum, survey) => sum + survey.score, 0) / ces.length) * 100) / 100,
						count: ces.length,
						scale: {min: 1, max: 7, easyMin: 5},
						easyShare: Math.round((ces.filter((survey) => survey.score >= 5).length / ces.length) * 10_000) / 10_000,
					},
	};
}

/** Every channel some metric sees in the window: tickets created, solved or in the backlog, ratings, survey answers. */
function channelKeys(data: Data, window: Win): string[] {
	const channelOf = (ticketId: string | null) =>
		data.facts.find((entry) => entry.ticket.id === ticketId)?.ticket.channel ?? 'other';
	const keys = new Set<string>();
	for (const entry of data.facts) {
		const isBacklog = ['new', 'open', 'pending', 'on-hold'].includes(entry.ticket.status);
		if (isBacklog || inWindow(entry.ticket.createdAt, window) || inWindow(entry.solvedAt, window)) {
			keys.add(entry.ticket.channel);
		}
	}
	for (const rating of data.ratings) {
		if (inWindow(rating.at, window)) keys.add(rating.channel ?? channelOf(rating.ticketId));
	}
	for (const survey of data.surveys) if (inWindow(survey.at, window)) keys.add(channelOf(survey.ticketId));
	return [...keys].sort();
}

/** Numbers equal to the rounding step: a tenth of a minute (and of an NPS point), a ten-thousandth of a rate. */
function expectSameNumbers(actual: unknown, expected: unknown, path = '$'): void {
	if (typeof expected === 'number' && typeof actual === 'number') {
		const tolerance =
			Number.isInteger(expected) && Number.isInteger(actual) ? 0 : /Rate|score/.test(path) ? 1e-4 : 0.05;
		if (Math.abs(actual - expected) > tolerance + 1e-9) {
			throw new Error(`${path}: ${actual} ≠ ${expected}`);
		}
		return;
	}
	if (expected !== null && typeof expected === 'object') {
		expect(actual, path).toBeTypeOf('object');
		expect(actual, path).not.toBeNull();
		expect(Object.keys(actual as object), path).toEqual(Object.keys(expected));
		for (const [key, value] of Object.entries(expected)) {
			expectSameNumbers((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
		}
		return;
	}
	expect(actual, path).toEqual(expected);
}

/** RFC 4180 rows (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let index = 0; index < text.length; index++) {
		const character = text[index] as string;
		if (quoted) {
			if (character === '"' && text[index + 1] === '"') {
				field += '"';
				index++;
			} else if (character === '"') quoted = false;
			else field += character;
		} else if (character === '"') quoted = true;
		else if (character === ',') {
			row.push(field);
			field = '';
		} else if (character === '\r' && text[index + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			index++;
		} else field += character;
	}
	if (field !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
	return rows;
}

const defaultWindow: Win = {since: now.getTime() - 30 * day, until: now.getTime()};

// ---------------------------------------------------------------------------------------------------------------

describe('csr stats', () => {
	it('computes every KPI of a small hand-checked desk', async () => {
		const data: Data = {
			facts: [
				// Created in the window, replied after 10 and 30 minutes, solved after 2 h and 1 day.
				facts({
					ticket: {id: '1', status: 'solved', channel: 'email', createdAt: ago(5 * day)},
					firstReplyMinutes: 10,
					solvedAt: ago(5 * day - 120 * minute),
					fullResolutionMinutes: 120,
					publicAgentReplies: 1,
					slaBreached: false,
				}),
				facts({
					ticket: {id: '2', status: 'closed', channel: 'chat', createdAt: ago(4 * day)},
					firstReplyMinutes: 30,
					solvedAt: ago(3 * day),
					fullResolutionMinutes: 1440,
					publicAgentReplies: 3,
					reopens: 1,
					slaBreached: true,
				}),
				// No public reply yet: excluded from first reply time. Open, 2 days old.
				facts({ticket: {id: '3', status: 'open', channel: 'email', createdAt: ago(2 * day)}}),
				// Pending for 10 days, created before the window starts? No: 10 days is inside 30 days.
				facts({
					ticket: {id: '4', status: 'pending', channel: 'email', createdAt: ago(10 * day)},
					firstReplyMinutes: 50,
				}),
				// Created long before the window, on hold: only in the backlog (>7d).
				facts({ticket: {id: '5', status: 'on-hold', channel: 'phone', createdAt: ago(90 * day)}}),
			],
			ratings: [
				{id: 'r1', ticketId: '1', at: ago(4 * day), score: 'good', comment: null, channel: null},
				{id: 'r2', ticketId: '2', at: ago(2 * day), score: 'bad', comment: null, channel: 'chat'},
				{id: 'r3', ticketId: '1', at: ago(2 * day), score: 'good', comment: null, channel: 'email'},
				{id: 'r4', ticketId: '3', at: ago(day), score: 'offered', comment: null, channel: 'email'},
			],
			surveys: [
				{id: 's1', ticketId: '1', at: ago(day), kind: 'nps', score: 10},
				{id: 's2', ticketId: '2', at: ago(day), kind: 'nps', score: 3},
				{id: 's3', ticketId: '2', at: ago(day), kind: 'nps', score: 8},
				{id: 's4', ticketId: '2', at: ago(day), kind: 'nps', score: 9},
				{id: 's5', ticketId: '1', at: ago(day), kind: 'ces', score: 2},
				{id: 's6', ticketId: '2', at: ago(day), kind: 'ces', score: 5},
			],
		};
		const ctx = context({now, helpDesk: exportDesk(data).desk});
		await seedRecords(ctx, fixtureRecords);
		const {exitCode, stdout, stderr} = await runCsr(['stats', '--json'], ctx);
		expect(stderr).toBe('');
		expect(exitCode).toBe(0);
		const report = JSON.parse(stdout);
		expect(Object.keys(report)).toEqual([
			'window',
			'tickets',
			'backlog',
			'firstReplyMinutes',
			'resolutionMinutes',
			'oneTouchRate',
			'reopenRate',
			'slaBreachRate',
			'csat',
			'nps',
			'ces',
			'agents',
			'slaBreachCsr',
		]);
		// No SLA targets configured: csr judges nothing (the desk's own verdict stays in slaBreachRate).
		expect(report.slaBreachCsr).toBeNull();
		expect(report.window).toEqual({since: '2026-10-21T12:00:00.000Z', until: '2026-11-20T12:00:00.000Z'});
		expect(report.tickets).toEqual({created: 4, solved: 2, reopened: 1});
		expect(report.backlog).toEqual({open: 1, pending: 1, onHold: 1, byAge: {'<1d': 0, '1-3d': 1, '3-7d': 0, '>7d': 2}});
		// 10, 30, 50: median 30, mean 30, p90 = 30 + 0.8 × 20 = 46.
		expect(report.firstReplyMinutes).toEqual({median: 30, mean: 30, p90: 46, count: 3});
		// 120, 1440: median 780, p90 = 120 + 0.9 × 1320 = 1308.
		expect(report.resolutionMinutes).toEqual({median: 780, mean: 780, p90: 1308, count: 2});
		expect(report.oneTouchRate).toBe(0.5);
		expect(report.reopenRate).toBe(0.5);
		expect(report.slaBreachRate).toBe(0.5);
		expect(report.csat.score).toBe(0.6667);
		expect([report.csat.good, report.csat.bad]).toEqual([2, 1]);
		expect(report.csat.byChannel).toEqual({chat: {score: 0, good: 0, bad: 1}, email: {score: 1, good: 2, bad: 0}});
		expect(report.csat.trend).toHaveLength(31);
		expect(report.csat.trend.filter((point: {score: number | null}) => point.score !== null)).toEqual([
			{date: '2026-11-16', score: 1},
			{date: '2026-11-18', score: 0.5},
		]);
		// 2 promoters, 1 passive, 1 detractor: 50% − 25%.
		expect(report.nps).toEqual({score: 25, promoters: 2, passives: 1, detractors: 1});
		// Answers 2 and 5 on the default 1–7 scale: one of two is "easy" (≥ 5).
		expect(report.ces).toEqual({mean: 3.5, count: 2, scale: {min: 1, max: 7, easyMin: 5}, easyShare: 0.5});
		expect(report.agents).toEqual([
			{agent: '(none)', replies: 0, notes: 0, calls: 1, handleMinutes: 2},
			{agent: 'anna@example.com', replies: 1, notes: 2, calls: 1, handleMinutes: 15.5},
			{agent: 'bo@example.com', replies: 1, notes: 0, calls: 0, handleMinutes: null},
		]);
	});

	it('matches an independent calculation over the raw export pages, overall and per channel, agent, group and day', async () => {
		const data = generated(7);
		const {desk} = exportDesk(data);
		const ctx = context({now, helpDesk: desk});
		await seedRecords(ctx, fixtureRecords);
		const overall = await runCsr(['stats', '--json'], ctx);
		expect(overall.exitCode).toBe(0);
		const report = JSON.parse(overall.stdout);
		const {agents, slaBreachCsr, ...rest} = report;
		expect(slaBreachCsr).toBeNull();
		expectSameNumbers(rest, expectedReport(data, defaultWindow));
		expect(report.tickets.created).toBeGreaterThan(150);
		expect(report.firstReplyMinutes.count).toBeLessThan(report.tickets.created);
		expect(agents).toHaveLength(3);

		const byChannel = JSON.parse((await runCsr(['stats', '--json', '--by', 'channel', '--no-sync'], ctx)).stdout);
		expect(byChannel.groups.map((group: {key: string}) => group.key)).toEqual(channelKeys(data, defaultWindow));
		expect(channelKeys(data, defaultWindow)).toEqual(expect.arrayContaining(['chat', 'email', 'phone', 'sms', 'web']));
		for (const group of byChannel.groups) {
			const {key, agents: _agents, ...groupRest} = group;
			const expected = expectedReport(data, defaultWindow, (entry) => entry.ticket.channel === key);
			// A rating's channel is its own, else its ticket's: recompute csat on that basis.
			const ratings = data.ratings.filter(
				(rating) =>
					inWindow(rating.at, defaultWindow) &&
					(rating.channel ??
						data.facts.find((entry) => entry.ticket.id === rating.ticketId)?.ticket.channel ??
						'other') === key,
			);
			const good = ratings.filter((rating) => rating.score === 'good').length;
			const bad = ratings.filter((rating) => rating.score === 'bad').length;
			const {csat: _csat, nps: _nps, ces: _ces, ...ticketPart} = expected;
			const {csat, nps: _n, ces: _c, ...actualTicketPart} = groupRest;
			expectSameNumbers(actualTicketPart, ticketPart, `$.groups[${key}]`);
			expect([csat.good, csat.bad, csat.score]).toEqual([good, bad, ratio(good, good + bad)]);
		}

		const ndjson = (await runCsr(['stats', '--format', 'ndjson', '--by', 'channel', '--no-sync'], ctx)).stdout;
		expect(
			ndjson
				.trimEnd()
				.split('\n')
				.map((line) => JSON.parse(line)),
		).toEqual(byChannel.groups);

		const byGroup = JSON.parse((await runCsr(['stats', '--json', '--by', 'group', '--no-sync'], ctx)).stdout);
		for (const group of byGroup.groups) {
			const {key, agents: _agents, ...groupRest} = group;
			const name = key === '(none)' ? null : key;
			expectSameNumbers(
				groupRest,
				expectedReport(data, defaultWindow, (entry) => (entry.ticket.group?.name ?? null) === name),
				`$.groups[${key}]`,
			);
		}

		const byAgent = JSON.parse((await runCsr(['stats', '--json', '--by', 'agent', '--no-sync'], ctx)).stdout);
		expect(byAgent.groups.map((group: {key: string}) => group.key)).toEqual([
			'(none)',
			'Cy',
			'anna@example.com',
			'bo@example.com',
		]);
		for (const group of byAgent.groups) {
			const {key, agents: groupAgents, ...groupRest} = group;
			const keyOf = (entry: TicketFacts) =>
				entry.ticket.assignee === null
					? '(none)'
					: (entry.ticket.assignee.email?.toLowerCase() ?? entry.ticket.assignee.name);
			expectSameNumbers(
				groupRest,
				expectedReport(data, defaultWindow, (entry) => keyOf(entry) === key),
				`$.groups[${key}]`,
			);
			expect(groupAgents.map((agent: {agent: string}) => agent.agent)).toEqual(key === 'Cy' ? [] : [key]);
		}

		const byDay = JSON.parse((await runCsr(['stats', '--json', '--by', 'day', '--no-sync'], ctx)).stdout);
		expect(byDay.groups).toHaveLength(31);
		for (const group of byDay.groups) {
			const window = {since: Date.parse(group.window.since), until: Date.parse(group.window.until)};
			const expected = expectedReport(data, window);
			expectSameNumbers(group.tickets, expected.tickets, `$.groups[${group.key}].tickets`);
			expectSameNumbers(group.firstReplyMinutes, expected.firstReplyMinutes, `$.groups[${group.key}].firstReply`);
			expectSameNumbers(group.resolutionMinutes, expected.resolutionMinutes, `$.groups[${group.key}].resolution`);
			expectSameNumbers(group.csat, expected.csat, `$.groups[${group.key}].csat`);
			expectSameNumbers(group.nps, expected.nps, `$.groups[${group.key}].nps`);
		}
	});

	it('writes one CSV row per channel for --since 7d --by channel', async () => {
		const data = generated(11);
		const ctx = context({now, helpDesk: exportDesk(data).desk});
		const {exitCode, stdout} = await runCsr(['stats', '--since', '7d', '--by', 'channel', '--format', 'csv'], ctx);
		expect(exitCode).toBe(0);
		const rows = parseCsv(stdout);
		const [header, ...body] = rows;
		expect(header?.slice(0, 4)).toEqual(['key', 'since', 'until', 'tickets_created']);
		for (const row of body) expect(row).toHaveLength(header?.length ?? 0);
		const week = {since: now.getTime() - 7 * day, until: now.getTime()};
		expect(body.map((row) => row[0])).toEqual(channelKeys(data, week));
		expect(body.length).toBeGreaterThanOrEqual(4);
		const created = header?.indexOf('tickets_created') ?? -1;
		for (const row of body) {
			expect(Number(row[created])).toBe(
				data.facts.filter((entry) => entry.ticket.channel === row[0] && inWindow(entry.ticket.createdAt, week)).length,
			);
		}
	});

	it('gives null metrics, zero counts and exit 0 for a window with no tickets', async () => {
		const ctx = context({now, helpDesk: exportDesk(generated(3)).desk});
		const {exitCode, stdout} = await runCsr(['stats', '--json', '--since', '2020-01-01', '--until', '2020-01-08'], ctx);
		expect(exitCode).toBe(0);
		const report = JSON.parse(stdout);
		expect(report.tickets).toEqual({created: 0, solved: 0, reopened: 0});
		expect(report.firstReplyMinutes).toEqual({median: null, mean: null, p90: null, count: 0});
		expect(report.resolutionMinutes).toEqual({median: null, mean: null, p90: null, count: 0});
		expect([report.oneTouchRate, report.reopenRate, report.slaBreachRate]).toEqual([null, null, null]);
		expect(report.csat).toMatchObject({score: null, good: 0, bad: 0, byChannel: {}});
		expect(report.csat.trend).toHaveLength(7);
		expect(report.csat.trend.every((point: {score: unknown}) => point.score === null)).toBe(true);
		expect(report.nps).toBeNull();
		expect(report.ces).toBeNull();
		expect(report.agents).toEqual([]);
		// The backlog is "now", whatever the window.
		expect(report.backlog.open + report.backlog.pending + report.backlog.onHold).toBeGreaterThan(0);

		const csv = parseCsv(
			(await runCsr(['stats', '--format', 'csv', '--since', '2020-01-01', '--until', '2020-01-08'], ctx)).stdout,
		);
		const [header, row] = csv;
		expect(row?.[header?.indexOf('first_reply_minutes_median') ?? -1]).toBe('');
		expect(row?.[header?.indexOf('csat_score') ?? -1]).toBe('');
	});

	it('ages the backlog from creation: exactly one day old is 1-3d, exactly seven days is >7d', async () => {
		const data: Data = {
			facts: [
				facts({ticket: {id: '1', status: 'new', createdAt: ago(day - 1000)}}),
				facts({ticket: {id: '2', status: 'open', createdAt: ago(day)}}),
				facts({ticket: {id: '3', status: 'pending', createdAt: ago(3 * day)}}),
				facts({ticket: {id: '4', status: 'on-hold', createdAt: ago(7 * day - 1000)}}),
				facts({ticket: {id: '5', status: 'open', createdAt: ago(7 * day)}}),
				facts({ticket: {id: '6', status: 'solved', createdAt: ago(9 * day)}, solvedAt: ago(8 * day)}),
			],
			ratings: [],
			surveys: [],
		};
		const ctx = context({now, helpDesk: exportDesk(data).desk});
		const report = JSON.parse((await runCsr(['stats', '--json'], ctx)).stdout);
		expect(report.backlog).toEqual({open: 3, pending: 1, onHold: 1, byAge: {'<1d': 1, '1-3d': 1, '3-7d': 2, '>7d': 1}});
	});

	it('explains each metric and what it left out', async () => {
		const data: Data = {
			facts: [
				facts({ticket: {id: '1', createdAt: ago(day)}, firstReplyMinutes: 5}),
				facts({ticket: {id: '2', createdAt: ago(day)}}),
				facts({ticket: {id: '3', createdAt: ago(day)}}),
			],
			ratings: [{id: 'r1', ticketId: '1', at: ago(day), score: 'offered', comment: null, channel: null}],
			surveys: [],
		};
		const ctx = context({now, helpDesk: exportDesk(data).desk});
		const table = await runCsr(['stats', '--explain'], ctx);
		expect(table.exitCode).toBe(0);
		expect(table.stdout).toContain('2 tickets without a public reply excluded from first reply time');
		expect(table.stdout).toContain('1 offered but unanswered excluded');
		expect(table.stdout).toContain('linear interpolation');
		const json = await runCsr(['stats', '--json', '--explain', '--no-sync'], ctx);
		expect(JSON.parse(json.stdout).firstReplyMinutes.count).toBe(1);
		expect(json.stderr).toContain('2 tickets without a public reply excluded from first reply time');
	});

	it('adds business-hours keys only when the provider gave business times', async () => {
		const data: Data = {
			facts: [
				facts({ticket: {id: '1', createdAt: ago(day)}, firstReplyMinutes: 600, firstReplyBusinessMinutes: 60}),
				facts({ticket: {id: '2', createdAt: ago(day)}, firstReplyMinutes: 100, firstReplyBusinessMinutes: 20}),
			],
			ratings: [],
			surveys: [],
		};
		const ctx = context({now, helpDesk: exportDesk(data).desk});
		const report = JSON.parse((await runCsr(['stats', '--json'], ctx)).stdout);
		expect(report.firstReplyBusinessMinutes).toEqual({median: 40, mean: 40, p90: 56, count: 2});
		expect(report).not.toHaveProperty('resolutionBusinessMinutes');
		const plain = context({now, helpDesk: exportDesk(generated(5)).desk});
		const without = JSON.parse((await runCsr(['stats', '--json'], plain)).stdout);
		expect(without).not.toHaveProperty('firstReplyBusinessMinutes');
	});

	it('prints a table with sparklines', async () => {
		const ctx = context({now, tty: true, helpDesk: exportDesk(generated(9)).desk});
		const {exitCode, stdout} = await runCsr(['stats', '--by', 'channel', '--quiet'], ctx);
		expect(exitCode).toBe(0);
		expect(stdout).toMatch(/CSAT\s+\d+\.\d%/);
		expect(stdout).toMatch(/created\/day [▁▂▃▄▅▆▇█ ]{31}/);
		expect(stdout).toMatch(/First reply\s+median /);
		expect(stdout).toMatch(/\nchannel\s+created\s+solved/);
		expect(stdout).not.toContain('\u001B');
	});

	it('shows only agent activity from the local log with --source records, without syncing', async () => {
		const {desk, calls} = exportDesk(generated(1));
		const ctx = context({now, helpDesk: desk});
		await seedRecords(ctx, fixtureRecords);
		const {exitCode, stdout} = await runCsr(['stats', '--json', '--source', 'records'], ctx);
		expect(exitCode).toBe(0);
		const report = JSON.parse(stdout);
		expect(Object.keys(report)).toEqual(['window', 'agents']);
		expect(report.agents.map((agent: {agent: string}) => agent.agent)).toEqual([
			'(none)',
			'anna@example.com',
			'bo@example.com',
		]);
		expect(calls.tickets).toEqual([]);
		const explained = await runCsr(['stats', '--json', '--source', 'records', '--explain'], ctx);
		expect(explained.stderr).toContain('Used: 7 records.');
		const csv = parseCsv(
			(await runCsr(['stats', '--source', 'records', '--by', 'agent', '--format', 'csv'], ctx)).stdout,
		);
		expect(csv[0]).toEqual(['key', 'agent', 'replies', 'notes', 'calls', 'handle_minutes']);
		expect(csv.slice(1).map((row) => row[0])).toEqual(['(none)', 'anna@example.com', 'bo@example.com']);
	});

	it('refuses a bad window or dimension with exit code 2', async () => {
		const ctx = context({now, helpDesk: exportDesk(generated(1)).desk});
		const since = await runCsr(['stats', '--since', 'last week'], ctx);
		expect(since.exitCode).toBe(2);
		expect(since.stderr).toContain('invalid --since "last week"');
		const by = await runCsr(['stats', '--by', 'colour'], ctx);
		expect(by.exitCode).toBe(2);
		expect(by.stderr).toContain('expected one of channel, agent, group, day, week');
		const order = await runCsr(['stats', '--since', '2026-11-10', '--until', '2026-11-01'], ctx);
		expect(order.exitCode).toBe(2);
		const groupRecords = await runCsr(['stats', '--source', 'records', '--by', 'group'], ctx);
		expect(groupRecords.exitCode).toBe(2);
		expect(groupRecords.stderr).toContain('--by group needs --source helpdesk');
	});
});

describe('csr stats cache age', () => {
	it('syncs when the cache is missing or older than stats.maxCacheAgeMinutes, and not otherwise', async () => {
		const {desk, calls} = exportDesk(generated(2));
		const first = context({now, helpDesk: desk});
		expect((await runCsr(['stats', '--json'], first)).exitCode).toBe(0);
		const afterFirst = calls.tickets.length;
		expect(afterFirst).toBeGreaterThan(1);

		const later = (minutes: number) =>
			context({now: new Date(now.getTime() + minutes * minute), home: first.home, helpDesk: desk});
		await runCsr(['stats', '--json'], later(15));
		expect(calls.tickets).toHaveLength(afterFirst);
		await runCsr(['stats', '--json', '--no-sync'], later(60));
		expect(calls.tickets).toHaveLength(afterFirst);
		await runCsr(['stats', '--json'], later(16));
		expect(calls.tickets.length).toBeGreaterThan(afterFirst);

		const afterSecond = calls.tickets.length;
		const eager = later(16);
		await eager.prepare();
		await eager
			.config()
			.update((config) => ({...config, settings: {...config.settings, 'stats.maxCacheAgeMinutes': 0}}));
		await runCsr(['stats', '--json'], later(16.5));
		expect(calls.tickets.length).toBeGreaterThan(afterSecond);
	});

	it('shows the older cache with a warning when the desk cannot be reached, and fails without one', async () => {
		let isDown = false;
		const {desk} = exportDesk(generated(2), {
			failTickets: () => {
				if (isDown) throw new ProviderError('the help desk did not answer', {kind: 'temporary'});
			},
		});
		const first = context({now, helpDesk: desk});
		const window = ['--since', '2026-10-01', '--until', '2026-11-01'];
		const before = JSON.parse((await runCsr(['stats', '--json', ...window], first)).stdout);
		isDown = true;
		const later = context({now: new Date(now.getTime() + 60 * minute), home: first.home, helpDesk: desk});
		const {exitCode, stdout, stderr} = await runCsr(['stats', '--json', ...window], later);
		expect(exitCode).toBe(0);
		expect(stderr).toContain(
			'could not sync (the help desk did not answer); showing the cache as of 2026-11-20T12:00:00.000Z',
		);
		expect(JSON.parse(stdout).tickets).toEqual(before.tickets);

		const fresh = context({now, helpDesk: desk});
		const never = await runCsr(['stats', '--json'], fresh);
		expect(never.exitCode).toBe(1);
		expect(never.stdout).toBe('');
	});

	it('warns when --no-sync leaves it with a cache that was never synced', async () => {
		const ctx = context({now, helpDesk: exportDesk(generated(2)).desk});
		const {exitCode, stderr, stdout} = await runCsr(['stats', '--json', '--no-sync'], ctx);
		expect(exitCode).toBe(0);
		expect(stderr).toContain('never been fully synced');
		expect(JSON.parse(stdout).tickets.created).toBe(0);
	});
});

describe('csr sync', () => {
	it('resumes an interrupted sync from the cursor stored with the last page', async () => {
		const data = generated(4);
		let failing = true;
		const {desk, calls} = exportDesk(data, {
			pageSize: 50,
			failTickets: (cursor) => {
				if (failing && cursor === '150') throw new ProviderError('connection reset', {kind: 'temporary'});
			},
		});
		const ctx = context({now, helpDesk: desk});
		const failed = await runCsr(['sync'], ctx);
		expect(failed.exitCode).toBe(1);
		expect(calls.tickets).toEqual([null, '50', '100', '150']);
		const cached = () =>
			Number(ctx.store().prepare("SELECT COUNT(*) AS n FROM sync_tickets WHERE profile = 'demo'").get()?.['n']);
		expect(cached()).toBe(150);
		expect(ctx.store().prepare('SELECT stream, cursor, completed_at FROM sync_state').all()).toEqual([
			{stream: 'tickets', cursor: '150', completed_at: null},
		]);

		failing = false;
		const resumed = await runCsr(['sync'], ctx);
		expect(resumed.exitCode).toBe(0);
		expect(calls.tickets.slice(4)).toEqual(['150', '200', '250', '300', '350', '400']);
		expect(cached()).toBe(data.facts.length);
		expect(resumed.stdout).toContain(`the cache holds ${data.facts.length} tickets`);

		// Caught up: the next sync re-reads only the last page.
		await runCsr(['sync'], ctx);
		expect(calls.tickets.slice(10)).toEqual(['400']);
		await runCsr(['sync', '--full'], ctx);
		expect(calls.tickets.slice(11, 13)).toEqual([null, '50']);
	});

	it('starts over when the desk rejects the stored cursor because its data was replaced', async () => {
		let generation = 1;
		let facts = generated(4).facts;
		const base = exportDesk(generated(4)).desk;
		const desk: HelpDesk = {
			...base,
			exportTicketFacts: async (cursor) => {
				if (cursor !== null && !cursor.startsWith(`${generation}:`)) {
					throw new ProviderError(`invalid facts cursor "${cursor}"`, {kind: 'invalid'});
				}
				const offset = cursor === null ? 0 : Number(cursor.split(':')[1]);
				const next = offset + 100 < facts.length ? `${generation}:${offset + 100}` : null;
				return {items: facts.slice(offset, offset + 100), nextCursor: next};
			},
		};
		const ctx = context({now, helpDesk: desk});
		expect((await runCsr(['sync'], ctx)).exitCode).toBe(0);
		const ids = () =>
			ctx
				.store()
				.prepare("SELECT ticket_id FROM sync_tickets WHERE profile = 'demo' ORDER BY ticket_id")
				.all()
				.map((row) => String(row['ticket_id']));
		expect(ids()).toHaveLength(facts.length);

		generation = 2;
		facts = facts.slice(0, 120).map((entry) => ({...entry, ticket: {...entry.ticket, id: `n${entry.ticket.id}`}}));
		const resynced = await runCsr(['sync'], ctx);
		expect(resynced.exitCode).toBe(0);
		expect(ids()).toEqual(facts.map((entry) => entry.ticket.id).sort());
	});

	it('keeps each profile’s cache apart', async () => {
		const data = generated(6);
		const ctx = context({now, helpDesk: exportDesk(data).desk});
		await ctx.prepare();
		await ctx.config().update((config) => ({
			...config,
			profiles: {...config.profiles, other: {...config.profiles['demo'], provider: 'demo'} as never},
		}));
		expect((await runCsr(['sync'], ctx)).exitCode).toBe(0);
		const demo = JSON.parse((await runCsr(['stats', '--json', '--no-sync'], ctx)).stdout);
		const other = JSON.parse(
			(await runCsr(['stats', '--json', '--no-sync', '--profile', 'other', '--quiet'], ctx)).stdout,
		);
		expect(demo.tickets.created).toBeGreaterThan(0);
		expect(other.tickets.created).toBe(0);
		expect(other.firstReplyMinutes.median).toBeNull();
	});

	it('shows progress on a TTY and goes on without ratings the credentials may not read', async () => {
		const data = generated(8);
		const ctx = context({now, tty: true, helpDesk: exportDesk(data, {ratingsForbidden: true}).desk});
		const {exitCode, stderr, stdout} = await runCsr(['sync'], ctx);
		expect(exitCode).toBe(0);
		expect(stderr).toContain(`syncing tickets: ${data.facts.length}`);
		expect(stderr).toContain('satisfaction ratings not synced: not allowed with these credentials');
		expect(stdout).toContain('0 satisfaction ratings');
		const report = JSON.parse((await runCsr(['stats', '--json', '--quiet'], ctx)).stdout);
		expect(report.csat.score).toBeNull();
		expect(report.tickets.created).toBeGreaterThan(0);

		const pipe = context({now, helpDesk: exportDesk(data).desk});
		const quiet = await runCsr(['sync', '--json'], pipe);
		expect(quiet.stderr).toBe('');
		expect(JSON.parse(quiet.stdout)).toMatchObject({
			profile: 'demo',
			cached: {tickets: data.facts.length, ratings: data.ratings.length, surveys: data.surveys.length},
		});
	});
});

/** A ticket's mean next-reply wait and its summed requester wait (solved only), in minutes, by hand. */
function threadWaitsByHand(
	entry: TicketFacts,
	messages: readonly {createdAt: string; public: boolean; author: {role: string}}[],
): {next: number | null; wait: number | null} {
	const created = Date.parse(entry.ticket.createdAt);
	const lines = messages
		.filter((message) => message.public && (message.author.role === 'agent' || message.author.role === 'customer'))
		.map((message) => ({at: Date.parse(message.createdAt), agent: message.author.role === 'agent'}))
		.sort((a, b) => a.at - b.at);
	let since: number | null = created;
	let replies = 0;
	let total = 0;
	const nexts: number[] = [];
	for (const line of lines) {
		if (line.agent) {
			if (since !== null && line.at > since) {
				total += line.at - since;
				if (replies > 0) nexts.push(line.at - since);
			}
			since = null;
			replies += 1;
		} else if (since === null) since = Math.max(line.at, created);
	}
	const solvedAt = entry.fullResolutionMinutes === null || entry.solvedAt === null ? null : Date.parse(entry.solvedAt);
	if (solvedAt !== null && since !== null && solvedAt > since) total += solvedAt - since;
	return {
		next: nexts.length === 0 ? null : nexts.reduce((sum, value) => sum + value, 0) / nexts.length / minute,
		wait: solvedAt === null ? null : total / minute,
	};
}

describe('csr stats on the seeded demo desk', () => {
	async function drain<T>(read: (cursor: string | null) => Promise<ExportPage<T>>): Promise<T[]> {
		const items: T[] = [];
		let cursor: string | null = null;
		for (;;) {
			const page = await read(cursor);
			items.push(...page.items);
			if (page.nextCursor === null) return items;
			cursor = page.nextCursor;
		}
	}

	it("equals a calculation from the desk's own threads and raw export pages, to the minute", async () => {
		const ctx = context({now});
		expect((await runCsr(['demo', 'reset', '--tickets', '600', '--seed', '11'], ctx)).exitCode).toBe(0);
		await seedRecords(ctx, fixtureRecords);
		const {exitCode, stdout} = await runCsr(['stats', '--json'], ctx);
		expect(exitCode).toBe(0);
		const report = JSON.parse(stdout);

		const desk = createDemoHelpDesk({
			profileName: 'demo',
			baseUrl: null,
			email: 'you@demo.csr',
			user: null,
			token: null,
			tokenSource: null,
			oauth: null,
			saveOAuth: () => {},
			dataDir: join(ctx.home, 'data'),
			now: () => new Date(now),
			log: undefined,
		});
		try {
			const exported: Data = {
				facts: await drain((cursor) => desk.exportTicketFacts(cursor)),
				ratings: await drain((cursor) => desk.exportSatisfaction(cursor)),
				surveys: await drain((cursor) => desk.exportSurveys(cursor)),
			};
			expect(exported.facts).toHaveLength(600);
			// First reply time and the reply count come from the thread itself, not from the desk's facts.
			const facts: TicketFacts[] = [];
			// Next reply and requester wait per ticket, from the thread (written out here, not kpi/waits.ts).
			const waitsOf = new Map<string, {next: number | null; wait: number | null}>();
			for (const entry of exported.facts) {
				const thread = await desk.getThread(entry.ticket.id);
				waitsOf.set(entry.ticket.id, threadWaitsByHand(entry, thread.messages));
				const replies = thread.messages
					.filter((message) => message.public && message.author.role === 'agent')
					.map((message) => Date.parse(message.createdAt))
					.sort((a, b) => a - b);
				const first = replies[0];
				// One-touch counts contacts: consecutive chat/phone lines of one session are one (kpi/touches.ts).
				const touches = countTouches(
					thread.messages
						.filter((message) => message.author.role === 'agent' || message.author.role === 'customer')
						.map((message) => ({
							at: Date.parse(message.createdAt),
							channel: message.channel,
							byAgent: message.author.role === 'agent',
							public: message.public,
						})),
				);
				facts.push({
					...entry,
					firstReplyMinutes:
						first === undefined ? null : Math.round((first - Date.parse(entry.ticket.createdAt)) / minute),
					publicAgentReplies: touches,
				});
			}
			const data = {...exported, facts};
			// team (per agent from the desk) is checked against the desk's threads in stats-team.test.ts.
			const {agents, team: _team, slaBreachCsr: _sla, ...rest} = report;
			const withWaits = (filter: (entry: TicketFacts) => boolean = () => true) => {
				const values = (pick: 'next' | 'wait', basis: (entry: TicketFacts) => boolean) =>
					data.facts
						.filter((entry) => filter(entry) && basis(entry))
						.flatMap((entry) => {
							const value = waitsOf.get(entry.ticket.id)?.[pick] ?? null;
							return value === null ? [] : [value];
						});
				const isSolved = (entry: TicketFacts) =>
					inWindow(entry.solvedAt, defaultWindow) && ['solved', 'closed'].includes(entry.ticket.status);
				return {
					...expectedReport(data, defaultWindow, filter),
					nextReplyMinutes: durations(values('next', (entry) => inWindow(entry.ticket.createdAt, defaultWindow))),
					requesterWaitMinutes: durations(values('wait', isSolved)),
				};
			};
			expectSameNumbers(rest, withWaits());
			expect(report.nextReplyMinutes.count).toBeGreaterThan(10);
			// The fixture records are dated before the demo reset (at `now`): they were about the old desk's tickets, so
			// the local log's block leaves them out (issue 17).
			expect(agents).toEqual([]);
			// The demo desk has something in every part of the report.
			expect(report.tickets.created).toBeGreaterThan(100);
			expect(report.tickets.solved).toBeGreaterThan(10);
			expect(report.csat.good + report.csat.bad).toBeGreaterThan(10);
			expect(report.nps).not.toBeNull();
			expect(report.ces).not.toBeNull();

			const byChannel = JSON.parse((await runCsr(['stats', '--json', '--by', 'channel', '--no-sync'], ctx)).stdout);
			expect(byChannel.groups.map((group: {key: string}) => group.key)).toEqual(channelKeys(data, defaultWindow));
			for (const group of byChannel.groups) {
				const {key, agents: _agents, team: _groupTeam, csat: _csat, nps: _nps, ces: _ces, ...ticketPart} = group;
				const {csat: _c, nps: _n, ces: _e, ...expected} = withWaits((entry) => entry.ticket.channel === key);
				expectSameNumbers(ticketPart, expected, `$.groups[${key}]`);
			}
		} finally {
			await desk.close();
		}
	});
});
