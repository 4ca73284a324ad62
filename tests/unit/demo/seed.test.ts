import {DatabaseSync} from 'node:sqlite';
import {describe, expect, it} from 'vitest';
import {channels, priorities, ticketStatuses} from '../../../src/domain/ticket.js';
import {nextOfficeMoment} from '../../../src/providers/demo/office-hours.js';
import {defaultDemoSeed, seedDemoDesk, toHtml, toPlain} from '../../../src/providers/demo/seed.js';

const now = new Date('2026-03-02T12:00:00Z');
const dayMs = 24 * 60 * 60 * 1000;

function seeded(options: {tickets?: number; seed?: number} = {}): DatabaseSync {
	const db = new DatabaseSync(':memory:');
	seedDemoDesk(db, {
		tickets: options.tickets ?? defaultDemoSeed.tickets,
		seed: options.seed ?? defaultDemoSeed.seed,
		now,
	});
	return db;
}

const rows = <T>(db: DatabaseSync, sql: string, ...params: (string | number)[]): T[] =>
	db.prepare(sql).all(...params) as T[];

/** Every demo table, in a stable order, as plain data. */
function dump(db: DatabaseSync): Record<string, unknown[]> {
	const tables = rows<{name: string}>(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
	return Object.fromEntries(
		tables.map(({name}) => [
			name,
			rows(db, `SELECT * FROM ${name} ORDER BY 1, 2`).map((row) => ({...(row as object)})),
		]),
	);
}

describe('seedDemoDesk', () => {
	const db = seeded();
	const tickets = rows<{
		id: number;
		subject: string;
		status: string;
		priority: string | null;
		channel: string;
		created_ms: number;
		updated_ms: number;
		sla_due_ms: number | null;
		assignee_id: number | null;
		locale: string | null;
	}>(db, 'SELECT t.*, u.locale FROM tickets t JOIN users u ON u.id = t.requester_id ORDER BY t.id');

	it('is deterministic: the same seed, size and clock give identical data', () => {
		expect(dump(seeded())).toEqual(dump(db));
	});

	it('gives a different desk for a different seed', () => {
		const other = rows<{subject: string}>(seeded({seed: 2}), 'SELECT subject FROM tickets ORDER BY id');
		const same = tickets.filter((ticket, index) => ticket.subject === other[index]?.subject).length;
		expect(same).toBeLessThan(tickets.length / 2);
	});

	it('holds 300 tickets with ids 1…300 in creation order, over the last ~45 days and never in the future', () => {
		expect(tickets.map((ticket) => ticket.id)).toEqual(Array.from({length: 300}, (_, index) => index + 1));
		const created = tickets.map((ticket) => ticket.created_ms);
		expect(created).toEqual([...created].sort((a, b) => a - b));
		expect(Math.min(...created)).toBeGreaterThan(now.getTime() - 46 * dayMs);
		expect(Math.min(...created)).toBeLessThan(now.getTime() - 30 * dayMs);
		const latest = rows<{t: number}>(
			db,
			'SELECT max(x) AS t FROM (SELECT max(updated_ms) AS x FROM tickets UNION ALL SELECT max(created_ms) FROM messages UNION ALL SELECT max(at_ms) FROM events UNION ALL SELECT max(at_ms) FROM satisfaction UNION ALL SELECT max(at_ms) FROM surveys)',
		)[0]?.t;
		expect(latest).toBeLessThanOrEqual(now.getTime());
		for (const ticket of tickets) expect(ticket.updated_ms).toBeGreaterThanOrEqual(ticket.created_ms);
	});

	it('covers every status, with a busy default queue (new, open, pending)', () => {
		const count = (status: string) => tickets.filter((ticket) => ticket.status === status).length;
		for (const status of ticketStatuses) expect(count(status), status).toBeGreaterThan(0);
		expect(count('new') + count('open') + count('pending')).toBeGreaterThanOrEqual(120);
		expect(count('open')).toBeGreaterThanOrEqual(50);
	});

	it('covers every channel the contract names except "other", and requesters in all five languages', () => {
		const used = new Set(tickets.map((ticket) => ticket.channel));
		for (const channel of channels.filter((name) => name !== 'other')) expect(used, channel).toContain(channel);
		const languages = new Set(tickets.map((ticket) => (ticket.locale ?? '').slice(0, 2).replace('no', 'nb')));
		for (const language of ['en', 'da', 'sv', 'nb', 'de']) expect(languages, language).toContain(language);
		for (const locale of ['en-GB', 'da', 'sv-SE', 'de-DE'])
			expect(tickets.map((ticket) => ticket.locale)).toContain(locale);
		expect(tickets.some((ticket) => ticket.locale === 'nb' || ticket.locale === 'no')).toBe(true);
	});

	it("writes in the customer's language: Danish customers get Danish answers, Germans German ones", () => {
		const firstAgentReply = (localePrefix: string) =>
			rows<{body: string}>(
				db,
				`SELECT m.body FROM messages m JOIN tickets t ON t.id = m.ticket_id JOIN users u ON u.id = t.requester_id
				WHERE u.locale LIKE ? AND m.author_role = 'agent' AND m.is_public = 1 AND t.channel IN ('email', 'chat')
				ORDER BY m.id LIMIT 5`,
				`${localePrefix}%`,
			).map((row) => row.body);
		expect(firstAgentReply('da').every((body) => /Hej|Kære/.test(body))).toBe(true);
		expect(firstAgentReply('de').every((body) => /Hallo|Guten Tag/.test(body))).toBe(true);
		expect(firstAgentReply('sv').every((body) => /Hej/.test(body))).toBe(true);
		expect(firstAgentReply('en').every((body) => /Hi|Hello|Dear/.test(body))).toBe(true);
	});

	it('does not read like one template repeated: subjects and openings vary', () => {
		expect(new Set(tickets.map((ticket) => ticket.subject)).size).toBeGreaterThanOrEqual(100);
		const openings = rows<{body: string}>(
			db,
			"SELECT body FROM messages WHERE author_role = 'customer' GROUP BY ticket_id HAVING id = min(id)",
		);
		// A few short chat or social messages about the app outage may match word for word, as they do in real life.
		expect(new Set(openings.map((row) => row.body)).size).toBeGreaterThanOrEqual(openings.length * 0.95);
	});

	it('uses every priority and none, and gives SLAs only to unsolved tickets, some already breached', () => {
		const used = new Set(tickets.map((ticket) => ticket.priority));
		for (const priority of [...priorities, null]) expect(used, String(priority)).toContain(priority);
		for (const ticket of tickets.filter((candidate) => ['solved', 'closed'].includes(candidate.status)))
			expect(ticket.sla_due_ms).toBeNull();
		const running = tickets.filter((ticket) => ticket.sla_due_ms !== null);
		expect(running.some((ticket) => (ticket.sla_due_ms ?? 0) < now.getTime())).toBe(true);
		expect(running.some((ticket) => (ticket.sla_due_ms ?? 0) > now.getTime())).toBe(true);
		expect(tickets.some((ticket) => ticket.status === 'open' && ticket.sla_due_ms === null)).toBe(true);
	});

	it('assigns a share of tickets to the demo agent and leaves some unassigned', () => {
		const demoAgent = rows<{id: number; name: string}>(
			db,
			"SELECT id, name FROM users WHERE email = 'you@demo.csr'",
		)[0];
		expect(demoAgent?.name).toBe('Demo Agent');
		const mine = tickets.filter((ticket) => ticket.assignee_id === demoAgent?.id).length;
		expect(mine).toBeGreaterThan(15);
		expect(tickets.filter((ticket) => ticket.assignee_id === null).length).toBeGreaterThan(5);
		expect(rows(db, "SELECT * FROM users WHERE role = 'agent'")).toHaveLength(9);
		expect(rows<{name: string}>(db, 'SELECT name FROM agent_groups ORDER BY name').map((row) => row.name)).toEqual([
			'Billing',
			'Returns',
			'Sales',
			'Support',
			'Technical',
		]);
	});

	it("answers customers in the team's office hours, so business-time KPIs mean something", () => {
		const replies = rows<{created_ms: number}>(
			db,
			"SELECT created_ms FROM messages WHERE author_role = 'agent' AND is_public = 1",
		);
		const inOffice = replies.filter((reply) => nextOfficeMoment(reply.created_ms) === reply.created_ms);
		// A few stay late: a move past the seeding instant is not made, and open tickets keep their last turn recent.
		expect(inOffice.length / replies.length).toBeGreaterThan(0.85);
		const customers = rows<{created_ms: number}>(db, "SELECT created_ms FROM messages WHERE author_role = 'customer'");
		const customersInOffice = customers.filter(
			(message) => nextOfficeMoment(message.created_ms) === message.created_ms,
		);
		// Customers still write at any hour.
		expect(customersInOffice.length / customers.length).toBeLessThan(0.6);
	});

	it('builds threads of 1–8 messages with replies, notes, system messages, HTML and attachments', () => {
		const sizes = rows<{n: number}>(db, 'SELECT count(*) AS n FROM messages GROUP BY ticket_id').map((row) => row.n);
		expect(sizes).toHaveLength(300);
		expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
		expect(Math.max(...sizes)).toBeLessThanOrEqual(8);
		const average = sizes.reduce((sum, size) => sum + size, 0) / sizes.length;
		expect(average).toBeGreaterThan(2.5);
		expect(average).toBeLessThan(4.5);
		const kinds = rows<{author_role: string; is_public: number; n: number}>(
			db,
			'SELECT author_role, is_public, count(*) AS n FROM messages GROUP BY author_role, is_public',
		);
		const count = (role: string, isPublic: number) =>
			kinds.find((kind) => kind.author_role === role && kind.is_public === isPublic)?.n ?? 0;
		expect(count('customer', 1)).toBeGreaterThan(150);
		expect(count('agent', 1)).toBeGreaterThan(80);
		expect(count('agent', 0)).toBeGreaterThan(10);
		expect(count('system', 0) + count('system', 1)).toBeGreaterThan(10);
		const html = rows<{body: string}>(db, 'SELECT body FROM messages WHERE is_html = 1').map((row) => row.body);
		expect(html.some((body) => body.includes('<a href="https://'))).toBe(true);
		expect(html.some((body) => body.includes('<ol>') || body.includes('<ul>'))).toBe(true);
		expect(html.some((body) => body.includes('<table>'))).toBe(true);
		const attachments = rows<{attachments: string}>(
			db,
			'SELECT attachments FROM messages WHERE attachments IS NOT NULL',
		).flatMap((row) => JSON.parse(row.attachments) as {name: string; size: number; contentType: string; url: string}[]);
		expect(attachments.length).toBeGreaterThan(10);
		for (const attachment of attachments) {
			expect(attachment.url).toMatch(/^https:\/\/files\.demo\.csr\//);
			expect(attachment.size).toBeGreaterThan(0);
			expect(attachment.contentType).toMatch(/\//);
		}
	});

	it('records satisfaction (good, bad, offered) and NPS and CES answers in range', () => {
		const scores = new Set(rows<{score: string}>(db, 'SELECT score FROM satisfaction').map((row) => row.score));
		expect(scores).toEqual(new Set(['good', 'bad', 'offered']));
		expect(rows(db, 'SELECT * FROM satisfaction WHERE comment IS NOT NULL').length).toBeGreaterThan(0);
		expect(rows(db, "SELECT * FROM satisfaction WHERE score = 'offered' AND comment IS NOT NULL")).toHaveLength(0);
		const surveys = rows<{kind: string; score: number}>(db, 'SELECT kind, score FROM surveys');
		const nps = surveys.filter((survey) => survey.kind === 'nps');
		const ces = surveys.filter((survey) => survey.kind === 'ces');
		expect(nps.length).toBeGreaterThan(5);
		expect(ces.length).toBeGreaterThan(3);
		for (const survey of nps) expect(survey.score >= 0 && survey.score <= 10).toBe(true);
		for (const survey of ces) expect(survey.score >= 1 && survey.score <= 7).toBe(true);
	});

	it('stores solve and reopen events consistent with the status', () => {
		const solved = rows<{id: number; status: string; solves: number; reopens: number}>(
			db,
			`SELECT t.id, t.status,
				sum(e.new_value = 'solved') AS solves, sum(e.old_value = 'solved' AND e.new_value = 'open') AS reopens
			FROM tickets t LEFT JOIN events e ON e.ticket_id = t.id GROUP BY t.id`,
		);
		for (const ticket of solved.filter((row) => row.status === 'solved' || row.status === 'closed'))
			expect(ticket.solves, `ticket ${ticket.id}`).toBeGreaterThan(0);
		for (const ticket of solved.filter((row) => row.status === 'new')) expect(ticket.solves ?? 0).toBe(0);
		expect(solved.some((ticket) => ticket.reopens > 0)).toBe(true);
	});

	it('always includes the hostile ticket (id 13, open) with terminal-attack sequences', () => {
		const hostile = rows<{subject: string; status: string}>(db, 'SELECT subject, status FROM tickets WHERE id = 13')[0];
		expect(hostile?.status).toBe('open');
		expect(hostile?.subject).toContain('\u202E');
		const body = rows<{body: string}>(
			db,
			"SELECT body FROM messages WHERE ticket_id = 13 AND author_role = 'customer'",
		)[0]?.body;
		for (const sequence of ['\u001b]52;c;ZXZpbA==\u0007', '\u001b[2J', '\u001b]8;;', '\u009b31m', '\u200b'])
			expect(body).toContain(sequence);
		const small = rows<{id: number; subject: string}>(seeded({tickets: 5}), 'SELECT id, subject FROM tickets');
		expect(small.find((ticket) => ticket.subject.includes('\u202E'))?.id).toBe(5);
	});

	it("gives customers a phone number in their country's format, a time zone, and some an organisation", () => {
		const customers = rows<{locale: string; phone: string | null; time_zone: string | null; org: string | null}>(
			db,
			`SELECT u.locale, u.phone, u.time_zone, o.name AS org FROM users u LEFT JOIN organizations o
			ON o.id = u.organization_id WHERE u.role = 'customer' AND u.id IN (SELECT requester_id FROM tickets WHERE id <> 13)`,
		);
		const formats: Record<string, [RegExp, string]> = {
			da: [/^\+45 \d\d \d\d \d\d \d\d$/, 'Europe/Copenhagen'],
			sv: [/^\+46 7\d-\d{3} \d\d \d\d$/, 'Europe/Stockholm'],
			nb: [/^\+47 \d{3} \d\d \d{3}$/, 'Europe/Oslo'],
			no: [/^\+47 \d{3} \d\d \d{3}$/, 'Europe/Oslo'],
			de: [/^\+49 1\d\d \d{7}$/, 'Europe/Berlin'],
			en: [/^\+44 7\d{3} \d{6}$/, 'Europe/London'],
		};
		for (const customer of customers) {
			const [phone, zone] = formats[customer.locale.slice(0, 2)] ?? [/^$/, ''];
			expect(customer.phone).toMatch(phone);
			expect(customer.time_zone).toBe(customer.locale === 'de-AT' ? 'Europe/Vienna' : zone);
		}
		expect(new Set(customers.map((customer) => customer.phone)).size).toBeGreaterThan(customers.length * 0.7);
		const organisations = new Set(customers.map((customer) => customer.org).filter((org) => org !== null));
		expect(organisations.size).toBeGreaterThanOrEqual(3);
	});

	it('has a customer who wrote twice about the same order: two tickets, one order number', () => {
		const threads = rows<{id: number; requester_id: number; text: string}>(
			db,
			`SELECT t.id, t.requester_id, t.subject || ' ' || (SELECT group_concat(body, ' ') FROM messages m
			WHERE m.ticket_id = t.id AND m.author_role = 'customer') AS text FROM tickets t`,
		);
		const ticketsOf = new Map<string, Set<number>>();
		for (const thread of threads)
			for (const order of thread.text.match(/\b1[0-3]\d{5}\b/g) ?? []) {
				const key = `${thread.requester_id}:${order}`;
				ticketsOf.set(key, (ticketsOf.get(key) ?? new Set()).add(thread.id));
			}
		expect([...ticketsOf.values()].filter((ids) => ids.size >= 2).length).toBeGreaterThanOrEqual(1);
	});

	it('refuses sizes outside 1…1,000,000 and a fractional seed', () => {
		const db = new DatabaseSync(':memory:');
		expect(() => seedDemoDesk(db, {tickets: 0, seed: 1, now})).toThrow(RangeError);
		expect(() => seedDemoDesk(db, {tickets: 10, seed: 1.5, now})).toThrow(RangeError);
	});
});

describe('the demo markup', () => {
	const text =
		'Hi Ann,\n\nDo this:\n\n1. Open [the portal](https://x.example/r)\n2. Print\n\nTotal:\n| A | B |\n| x | 1 |';

	it('becomes HTML with paragraphs, an ordered list, a link and a table', () => {
		const html = toHtml(text);
		expect(html).toContain('<p>Hi Ann,</p>');
		expect(html).toContain('<ol><li>Open <a href="https://x.example/r">the portal</a></li><li>Print</li></ol>');
		expect(html).toContain('<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>x</td><td>1</td></tr>');
		expect(toHtml('a < b & "c"')).toBe('<p>a &lt; b &amp; &quot;c&quot;</p>');
	});

	it('becomes plain text with links spelled out', () => {
		expect(toPlain(text)).toContain('1. Open the portal (https://x.example/r)');
		expect(toPlain(text)).toContain('A | B\nx | 1');
	});
});
