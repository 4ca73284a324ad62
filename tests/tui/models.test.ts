import {describe, expect, it} from 'vitest';
import type {TicketQuery} from '../../src/providers/help-desk.js';
import {filterToView, parseFilter, viewToFilter} from '../../src/services/queue-filter.js';
import {
	composeChanges,
	composeText,
	nextLocale,
	nextStatusChoice,
	parseVarAssignment,
} from '../../src/tui/compose-model.js';
import {formatSla, plural} from '../../src/tui/format.js';
import {fuzzyFilter} from '../../src/tui/fuzzy.js';
import {helpSections, keymap} from '../../src/tui/keymap.js';
import {parseTagDelta} from '../../src/tui/plans.js';
import {buildThreadLines, foldTarget} from '../../src/tui/thread-lines.js';
import {cursorIn, initialWorkstationState, workstationReducer} from '../../src/tui/workstation-state.js';
import {wrapText} from '../../src/tui/wrap.js';
import {aTicket} from '../support/memory-help-desk.js';
import {aMessage, aThread, hostileText} from '../support/tui.js';

const base: TicketQuery = {statuses: ['new', 'open', 'pending'], assignee: 'any', sort: 'urgency', limit: 100};
const now = new Date('2026-11-20T12:00:00Z');

describe('parseFilter', () => {
	it('narrows by keys and searches the other words', () => {
		expect(
			parseFilter(
				'status:open tag:vip tag:eu channel:chat,email priority:high assignee:bea@example.com late parcel',
				base,
			),
		).toEqual({
			ok: true,
			query: {
				...base,
				statuses: ['open'],
				tags: ['vip', 'eu'],
				channels: ['chat', 'email'],
				priorities: ['high'],
				assignee: {email: 'bea@example.com'},
				search: 'late parcel',
			},
		});
	});

	it('is the base query when empty, and names what is wrong otherwise', () => {
		expect(parseFilter('  ', base)).toEqual({ok: true, query: {...base, tags: []}});
		expect(parseFilter('status:done', base)).toEqual({
			ok: false,
			error: expect.stringContaining('status:done is not one of'),
		});
		expect(parseFilter('assignee:bob', base)).toEqual({
			ok: false,
			error: 'assignee:bob should be me, none, any or an email',
		});
		expect(parseFilter('sort:updated', base)).toMatchObject({ok: true, query: {sort: 'updated'}});
	});

	it('turns a saved view of the profile into a filter line', () => {
		expect(viewToFilter({status: 'open', tag: ['vip', 'eu'], assignee: 'me', search: 'refund'})).toBe(
			'status:open tag:vip tag:eu assignee:me refund',
		);
	});

	it('turns a filter line back into csr queue flags with its local part, or names the bad word', () => {
		expect(filterToView('status:open,pending tag:vip tag:eu assignee:me late parcel sla:breached idle:3d')).toEqual({
			ok: true,
			view: {status: 'open,pending', tag: ['vip', 'eu'], assignee: 'me', search: 'late parcel'},
			local: {breached: true, idleDays: 3},
		});
		expect(viewToFilter((filterToView('status:open tag:vip refund') as {view: Record<string, unknown>}).view)).toBe(
			'status:open tag:vip refund',
		);
		expect(filterToView('status:later')).toMatchObject({ok: false, error: expect.stringContaining('status:later')});
	});
});

describe('fuzzyFilter', () => {
	it('keeps items whose text has the letters in order, best match first', () => {
		const names = ['refund-confirmation', 'delivery-delay', 'return-instructions', 'review-response'];
		expect(fuzzyFilter(names, 'dd', (name) => name)).toEqual(['delivery-delay']);
		expect(fuzzyFilter(names, 'ret', (name) => name)[0]).toBe('return-instructions');
		expect(fuzzyFilter(names, '', (name) => name)).toEqual(names);
		expect(fuzzyFilter(names, 'zzz', (name) => name)).toEqual([]);
	});
});

describe('wrapText', () => {
	it('wraps at word boundaries, keeps newlines and breaks words longer than a line', () => {
		expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
		expect(wrapText('a\n\nb', 5)).toEqual(['a', '', 'b']);
		expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
	});
});

describe('buildThreadLines', () => {
	const long = Array.from({length: 30}, (_, index) => `line ${index + 1}`).join('\n');
	const thread = aThread(aTicket({id: '9'}), [aMessage({id: 'm1', text: long}), aMessage({id: 'm2', text: 'short'})]);

	it('folds long messages unless the agent opened them', () => {
		const folded = buildThreadLines(thread, {width: 60, now, expanded: new Set()});
		const fold = folded.find((line) => line.foldOf === 'm1');
		expect(fold?.segments[0]?.text).toBe('  … (18 more lines, o to open)');
		const open = buildThreadLines(thread, {width: 60, now, expanded: new Set(['m1'])});
		expect(open.some((line) => line.foldOf !== undefined)).toBe(false);
		expect(open.length).toBe(folded.length + 17);
	});

	it('finds the folded message in view for o, else an open one to fold back', () => {
		const folded = buildThreadLines(thread, {width: 60, now, expanded: new Set()});
		expect(foldTarget(folded, 0, 40, new Set())).toBe('m1');
		const open = buildThreadLines(thread, {width: 60, now, expanded: new Set(['m1'])});
		const top = open.findIndex((line) => line.messageId === 'm1');
		expect(foldTarget(open, top, 5, new Set(['m1']))).toBe('m1');
	});

	it('sanitises every string from the desk', () => {
		const hostile = aThread(
			aTicket({id: '6', subject: hostileText, tags: [hostileText]}),
			[
				aMessage({
					text: hostileText,
					author: {id: 'x', name: hostileText, email: null, role: 'customer'},
					attachments: [{name: hostileText, size: 1, contentType: hostileText, url: null}],
				}),
			],
			{name: hostileText, organization: {id: 'o', name: hostileText}},
		);
		const text = buildThreadLines(hostile, {width: 200, now, expanded: new Set()})
			.flatMap((line) => line.segments.map((segment) => segment.text))
			.join('\n');
		expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
	});
});

describe('compose model', () => {
	const rendered = {
		kind: 'rendered',
		name: 't',
		locale: 'sv',
		body: 'Hej',
		internal: false,
		changes: {status: 'pending', tags: {add: ['x'], remove: []}},
	} as const;

	it('sends the rendered text, or the agent’s own once edited; leftovers and empties block', () => {
		expect(composeText(null, {kind: 'ready', value: rendered, refreshing: false})).toEqual({
			kind: 'ready',
			text: 'Hej',
		});
		expect(composeText('Mine', {kind: 'ready', value: rendered, refreshing: false})).toEqual({
			kind: 'ready',
			text: 'Mine',
		});
		expect(composeText('Order «order_id»', null)).toMatchObject({
			kind: 'blocked',
			reason: 'fill in «order_id»',
			missing: ['order_id'],
		});
		expect(composeText('  ', null)).toMatchObject({kind: 'blocked', reason: 'the message is empty'});
		expect(
			composeText(null, {
				kind: 'ready',
				value: {kind: 'missing', name: 't', locale: 'en', missing: ['a', 'b'], preview: '«a»'},
				refreshing: false,
			}),
		).toMatchObject({kind: 'blocked', reason: 'missing a, b (= to set)', text: '«a»'});
	});

	it('applies the agent’s status choice over the template’s', () => {
		expect(composeChanges(rendered, 'template')).toEqual({status: 'pending', tags: {add: ['x'], remove: []}});
		expect(composeChanges(rendered, 'none')).toEqual({tags: {add: ['x'], remove: []}});
		expect(composeChanges(rendered, 'solved')).toMatchObject({status: 'solved'});
		expect(composeChanges(null, 'none')).toBeUndefined();
		expect(nextStatusChoice('template')).toBe('none');
		expect(nextLocale(null, ['en', 'sv'])).toBe('en');
		expect(nextLocale('sv', ['en', 'sv'])).toBeNull();
	});

	it('reads name=value and tag deltas', () => {
		expect(parseVarAssignment(' order_id = A-1 ')).toEqual({name: 'order_id', value: 'A-1'});
		expect(parseVarAssignment('no equals')).toBeNull();
		expect(parseTagDelta('+vip -spam')).toEqual({add: ['vip'], remove: ['spam']});
		expect(parseTagDelta('vip')).toBeNull();
	});
});

describe('workstation state', () => {
	const tickets = [{id: 'a'}, {id: 'b'}, {id: 'c'}];
	it('keeps the cursor on its ticket when the list is reordered, else on its row', () => {
		const onB = workstationReducer(initialWorkstationState, {
			type: 'move',
			to: 1,
			count: 3,
			ids: (at) => tickets[at]?.id,
		});
		expect(cursorIn(tickets, onB)).toBe(1);
		expect(cursorIn([{id: 'b'}, {id: 'c'}, {id: 'a'}], onB)).toBe(0);
		expect(cursorIn([{id: 'x'}, {id: 'y'}], onB)).toBe(1);
		expect(cursorIn([], onB)).toBe(0);
	});

	it('keeps the handle-time clock when the same ticket is opened again', () => {
		const opened = workstationReducer(initialWorkstationState, {type: 'open', id: '7', atMs: 1000});
		expect(workstationReducer(opened, {type: 'open', id: '7', atMs: 5000}).opened).toEqual({id: '7', atMs: 1000});
		expect(workstationReducer(opened, {type: 'open', id: '7', atMs: 5000, restartClock: true}).opened).toEqual({
			id: '7',
			atMs: 5000,
		});
	});
});

describe('keymap', () => {
	it('lists every action in the help', () => {
		const rows = helpSections().flatMap((section) => section.rows.map((row) => row.help));
		expect(rows).toHaveLength(Object.keys(keymap).length);
	});
});

describe('format', () => {
	it('counts down SLAs and says plurals right', () => {
		expect(formatSla(aTicket({slaDueAt: '2026-11-20T12:45:00Z'}), now)).toBe('45m');
		expect(formatSla(aTicket({slaDueAt: '2026-11-20T09:00:00Z'}), now)).toBe('-3h');
		expect(formatSla(aTicket({slaDueAt: '2026-11-25T12:00:00Z'}), now)).toBe('5d');
		expect(plural(1, 'reply')).toBe('1 reply');
		expect(plural(2, 'reply')).toBe('2 replies');
		expect(plural(10_000, 'ticket')).toBe('10,000 tickets');
	});
});
