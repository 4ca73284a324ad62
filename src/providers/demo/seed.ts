import type {DatabaseSync, StatementSync} from 'node:sqlite';
import type {Channel, Priority, TicketStatus} from '../../domain/ticket.js';
import {transaction} from '../../store/database.js';
import {
	type AttachmentKind,
	type AttachmentSlot,
	agents,
	genericNotes,
	groupNames,
	hostileTicket,
	type Lang,
	type LanguagePack,
	languages,
	onHoldNotes,
	type Product,
	products,
	type ScenarioMeta,
	type ScenarioText,
	scenarios,
	type Template,
	type TextVars,
	type ThreadPath,
} from './corpus.js';
import {danish} from './corpus-da.js';
import {german} from './corpus-de.js';
import {english} from './corpus-en.js';
import {norwegian} from './corpus-nb.js';
import {swedish} from './corpus-sv.js';
import {
	createDemoIndexes,
	createDemoTables,
	demoSchemaVersion,
	dropDemoSchema,
	firstReplyDueMs,
	slaDueMs,
} from './schema.js';

export type SeedOptions = {readonly tickets: number; readonly seed: number; readonly now: Date};
export type SeedSummary = {
	readonly tickets: number;
	readonly messages: number;
	readonly customers: number;
	readonly seed: number;
};

/** What a fresh demo desk holds (PRODUCT.md, README). */
export const defaultDemoSeed = {tickets: 300, seed: 1} as const;
export const maxDemoTickets = 1_000_000;

/**
 * Regenerates the whole demo desk in one transaction: drops the demo tables, writes `tickets` tickets created over the
 * ~45 days before `now`, and indexes them. Deterministic: the same (tickets, seed, now) gives the same rows.
 */
export function seedDemoDesk(db: DatabaseSync, options: SeedOptions): SeedSummary {
	if (!Number.isInteger(options.tickets) || options.tickets < 1 || options.tickets > maxDemoTickets)
		throw new RangeError(`tickets must be a whole number from 1 to ${maxDemoTickets}`);
	if (!Number.isInteger(options.seed)) throw new RangeError('seed must be a whole number');
	// The demo data is not personal, and zeroing the pages of a dropped 100k-ticket desk would double the reset time.
	const secureDelete = db.prepare('PRAGMA secure_delete').get()?.['secure_delete'];
	db.exec('PRAGMA secure_delete = OFF');
	try {
		return transaction(db, () => writeDemoDesk(db, options));
	} finally {
		db.exec(`PRAGMA secure_delete = ${secureDelete === 1 ? 'ON' : 'OFF'}`);
	}
}

/** The work of seedDemoDesk, for callers that already hold the write transaction. */
export function writeDemoDesk(db: DatabaseSync, options: SeedOptions): SeedSummary {
	dropDemoSchema(db);
	createDemoTables(db);
	const writer = createWriter(db);
	const generator = createGenerator(options, writer);
	for (let id = 1; id <= options.tickets; id++) generator.ticket(id);
	createDemoIndexes(db);
	const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
	meta.run('seed', String(options.seed));
	meta.run('tickets', String(options.tickets));
	meta.run('seeded_at', options.now.toISOString());
	meta.run('outage', 'off');
	db.prepare('INSERT INTO demo_schema_version (version, applied_at) VALUES (?, ?)').run(
		demoSchemaVersion,
		options.now.toISOString(),
	);
	return {
		tickets: options.tickets,
		messages: writer.messageCount(),
		customers: generator.customerCount(),
		seed: options.seed,
	};
}

// ---------------------------------------------------------------------------------------------------------------
// Randomness: a small seeded PRNG (mulberry32), one stream per ticket so a ticket does not change when another does.

type Random = {
	next(): number;
	int(min: number, max: number): number;
	chance(probability: number): boolean;
	pick<T>(items: readonly T[]): T;
	weighted<K extends string>(weights: Partial<Record<K, number>>): K;
	/** A standard normal deviate (Box-Muller). */
	gaussian(): number;
};

function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Mixes two integers into a 32-bit seed (murmur3's finaliser). */
function mixSeed(a: number, b: number): number {
	let h = Math.imul((a ^ 0x9e3779b9) >>> 0, 0x85ebca6b) ^ Math.imul(b >>> 0, 0xc2b2ae35);
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}

function createRandom(seed: number): Random {
	const next = mulberry32(seed);
	const random: Random = {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		chance: (probability) => next() < probability,
		pick: <T>(items: readonly T[]): T => {
			const item = items[Math.floor(next() * items.length)];
			if (item === undefined) throw new Error('pick from an empty list');
			return item;
		},
		weighted: <K extends string>(weights: Partial<Record<K, number>>): K => {
			const entries = Object.entries(weights) as [K, number][];
			const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
			let roll = next() * total;
			for (const [key, weight] of entries) {
				roll -= weight;
				if (roll < 0) return key;
			}
			const last = entries[entries.length - 1];
			if (last === undefined) throw new Error('weighted pick from no weights');
			return last[0];
		},
		gaussian: () => {
			const u = Math.max(next(), 1e-12);
			return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
		},
	};
	return random;
}

// ---------------------------------------------------------------------------------------------------------------
// Rows and the prepared statements that write them.

type AttachmentRow = {name: string; size: number; contentType: string; url: string};

type Writer = {
	user(row: {
		id: number;
		role: 'agent' | 'customer' | 'system';
		name: string;
		email: string | null;
		locale: string | null;
		organizationId: number | null;
		groupId: number | null;
	}): void;
	organization(id: number, name: string): void;
	group(id: number, name: string): void;
	ticket(row: {
		id: number;
		subject: string;
		status: TicketStatus;
		priority: Priority | null;
		channel: Channel;
		requesterId: number;
		assigneeId: number | null;
		groupId: number | null;
		createdMs: number;
		updatedMs: number;
		slaDueMs: number | null;
		firstReplyDueMs: number | null;
	}): void;
	tag(ticketId: number, tag: string): void;
	message(row: {
		ticketId: number;
		authorId: number;
		role: 'customer' | 'agent' | 'system';
		isPublic: boolean;
		channel: Channel;
		createdMs: number;
		body: string;
		isHtml: boolean;
		attachments: (messageId: number) => AttachmentRow[];
	}): number;
	event(
		ticketId: number,
		atMs: number,
		authorId: number | null,
		field: string,
		oldValue: string,
		newValue: string,
	): void;
	rating(
		ticketId: number,
		atMs: number,
		score: 'good' | 'bad' | 'offered',
		comment: string | null,
		channel: Channel,
	): void;
	survey(ticketId: number | null, atMs: number, kind: 'nps' | 'ces', score: number): void;
	messageCount(): number;
};

function createWriter(db: DatabaseSync): Writer {
	const statements = {
		user: db.prepare(
			'INSERT INTO users (id, role, name, email, locale, organization_id, default_group_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
		),
		organization: db.prepare('INSERT INTO organizations (id, name) VALUES (?, ?)'),
		group: db.prepare('INSERT INTO agent_groups (id, name) VALUES (?, ?)'),
		ticket: db.prepare(
			`INSERT INTO tickets (id, subject, status, priority, channel, requester_id, assignee_id, group_id, created_ms,
				updated_ms, sla_due_ms, first_reply_due_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		),
		tag: db.prepare('INSERT OR IGNORE INTO ticket_tags (ticket_id, tag) VALUES (?, ?)'),
		message: db.prepare(
			`INSERT INTO messages (id, ticket_id, author_id, author_role, is_public, channel, created_ms, body, is_html,
				attachments) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		),
		event: db.prepare(
			'INSERT INTO events (ticket_id, at_ms, author_id, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)',
		),
		rating: db.prepare('INSERT INTO satisfaction (ticket_id, at_ms, score, comment, channel) VALUES (?, ?, ?, ?, ?)'),
		survey: db.prepare('INSERT INTO surveys (ticket_id, at_ms, kind, score) VALUES (?, ?, ?, ?)'),
	} satisfies Record<string, StatementSync>;
	let nextMessageId = 1;
	return {
		user: (row) =>
			statements.user.run(row.id, row.role, row.name, row.email, row.locale, row.organizationId, row.groupId),
		organization: (id, name) => statements.organization.run(id, name),
		group: (id, name) => statements.group.run(id, name),
		ticket: (row) =>
			statements.ticket.run(
				row.id,
				row.subject,
				row.status,
				row.priority,
				row.channel,
				row.requesterId,
				row.assigneeId,
				row.groupId,
				row.createdMs,
				row.updatedMs,
				row.slaDueMs,
				row.firstReplyDueMs,
			),
		tag: (ticketId, tag) => statements.tag.run(ticketId, tag),
		message: (row) => {
			const id = nextMessageId++;
			const attachments = row.attachments(id);
			statements.message.run(
				id,
				row.ticketId,
				row.authorId,
				row.role,
				row.isPublic ? 1 : 0,
				row.channel,
				row.createdMs,
				row.body,
				row.isHtml ? 1 : 0,
				attachments.length === 0 ? null : JSON.stringify(attachments),
			);
			return id;
		},
		event: (ticketId, atMs, authorId, field, oldValue, newValue) =>
			statements.event.run(ticketId, atMs, authorId, field, oldValue, newValue),
		rating: (ticketId, atMs, score, comment, channel) => statements.rating.run(ticketId, atMs, score, comment, channel),
		survey: (ticketId, atMs, kind, score) => statements.survey.run(ticketId, atMs, kind, score),
		messageCount: () => nextMessageId - 1,
	};
}

// ---------------------------------------------------------------------------------------------------------------
// The generator.

const packs: Record<Lang, LanguagePack> = {en: english, da: danish, sv: swedish, nb: norwegian, de: german};
const languageWeights: Record<Lang, number> = {da: 26, sv: 22, nb: 18, de: 19, en: 15};
const coverageChannels: readonly Channel[] = ['email', 'chat', 'phone', 'social', 'web', 'review', 'api', 'sms'];

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;
const historyMs = 45 * dayMs;

/**
 * Status shares of the default desk and the typical age (as a percentile, youngest 0) of each status. A demo queue
 * is busy (well over 120 new, open or pending tickets by default) and has history enough for KPIs: older tickets
 * are more often solved or closed.
 */
const statusPlan: readonly {status: TicketStatus; share: number; agePercentile: number}[] = [
	{status: 'new', share: 0.08, agePercentile: 0.03},
	{status: 'open', share: 0.22, agePercentile: 0.2},
	{status: 'pending', share: 0.13, agePercentile: 0.3},
	{status: 'on-hold', share: 0.04, agePercentile: 0.4},
	{status: 'solved', share: 0.33, agePercentile: 0.6},
	{status: 'closed', share: 0.2, agePercentile: 0.9},
];

const agentIds = agents.map((_, index) => index + 1);
const systemUserId = agents.length + 1;
const demoAgentId = 1;
const groupIdOf = (name: string): number => groupNames.indexOf(name as (typeof groupNames)[number]) + 1;

type Customer = {
	readonly id: number;
	readonly first: string;
	readonly last: string;
	readonly email: string | null;
	readonly locale: string | null;
	readonly organization: string | null;
};

type FileKind = AttachmentKind | 'recording';

/** One planned entry of a thread: a message or a status change, `delayMin` after the previous one. */
type Step =
	| {
			kind: 'message';
			delayMin: number;
			role: 'customer' | 'agent' | 'system';
			authorId: number;
			isPublic: boolean;
			channel: Channel;
			body: string;
			isHtml: boolean;
			attachments: readonly FileKind[];
	  }
	| {kind: 'event'; delayMin: number; authorId: number | null; field: 'status'; oldValue: string; newValue: string};

function createGenerator(options: SeedOptions, writer: Writer) {
	const nowMs = options.now.getTime();
	const total = options.tickets;
	const global = createRandom(mixSeed(options.seed, 0x5eed));
	const hostileId = Math.min(13, total);

	for (const [index, name] of groupNames.entries()) writer.group(index + 1, name);
	for (const [index, agent] of agents.entries()) {
		writer.user({
			id: index + 1,
			role: 'agent',
			name: agent.name,
			email: agent.email,
			locale: 'en',
			organizationId: null,
			groupId: groupIdOf(agent.group),
		});
	}
	writer.user({
		id: systemUserId,
		role: 'system',
		name: 'Nordlys Home',
		email: 'noreply@nordlyshome.dk',
		locale: null,
		organizationId: null,
		groupId: null,
	});

	// Creation times, oldest first: ticket ids follow creation order as in a real desk. A third of the tickets came
	// in over the last two days; the rest spread over ~45 days, denser towards now.
	const createdTimes: number[] = [];
	for (let index = 0; index < total; index++) {
		const ageMs = global.chance(0.33) ? global.next() * 2 * dayMs : historyMs * global.next() ** 1.25;
		createdTimes.push(Math.floor(nowMs - Math.max(ageMs, 3 * minuteMs)));
	}
	createdTimes.sort((a, b) => a - b);
	const statuses = planStatuses(total, global);
	// The hostile ticket stays in the default queue: swap its status with an open one.
	const hostileIndex = hostileId - 1;
	if (statuses[hostileIndex] !== 'open') {
		const openIndex = statuses.indexOf('open');
		if (openIndex >= 0) statuses[openIndex] = statuses[hostileIndex] ?? 'open';
		statuses[hostileIndex] = 'open';
	}
	// Spread guaranteed coverage (every channel, every language) over random tickets.
	const forcedChannel = new Map<number, Channel>();
	const forcedLanguage = new Map<number, Lang>();
	const candidates = shuffled(
		Array.from({length: total}, (_, index) => index + 1).filter((id) => id !== hostileId),
		global,
	);
	for (const [index, channel] of coverageChannels.entries()) {
		const id = candidates[index];
		if (id !== undefined) forcedChannel.set(id, channel);
	}
	for (const [index, lang] of languages.entries()) {
		const id = candidates[candidates.length - 1 - index];
		if (id !== undefined) forcedLanguage.set(id, lang);
	}

	const customersByLang = new Map<Lang, Customer[]>(languages.map((lang) => [lang, []]));
	const organizationIds = new Map<string, number>();
	let nextUserId = systemUserId + 1;
	let customerCount = 0;

	function organizationId(name: string): number {
		let id = organizationIds.get(name);
		if (id === undefined) {
			id = organizationIds.size + 1;
			organizationIds.set(name, id);
			writer.organization(id, name);
		}
		return id;
	}

	function customerFor(pack: LanguagePack, channel: Channel, scenario: ScenarioMeta, random: Random): Customer {
		const pool = customersByLang.get(pack.lang) ?? [];
		const wantsCompany = scenario.key === 'b2b';
		if (pool.length > 4 && random.chance(0.2)) {
			const known = random.pick(pool);
			if (!wantsCompany || known.organization !== null) return known;
		}
		const first = random.pick(pack.firstNames);
		const last = random.pick(pack.lastNames);
		const withoutEmail =
			(channel === 'social' && random.chance(0.35)) ||
			((channel === 'phone' || channel === 'sms') && random.chance(0.2));
		const organization =
			wantsCompany || (scenario.key === 'billing' && random.chance(0.5)) || random.chance(0.04)
				? random.pick(pack.companies)
				: null;
		const customer: Customer = {
			id: nextUserId++,
			first,
			last,
			email: withoutEmail ? null : emailFor(first, last, pack, random),
			// Every requester has a locale, as on desks that detect the language of incoming messages (Zendesk does).
			locale: random.pick(pack.locales),
			organization,
		};
		writer.user({
			id: customer.id,
			role: 'customer',
			name: `${first} ${last}`,
			email: customer.email,
			locale: customer.locale,
			organizationId: organization === null ? null : organizationId(organization),
			groupId: null,
		});
		pool.push(customer);
		customerCount++;
		return customer;
	}

	function ticket(id: number): void {
		const random = createRandom(mixSeed(options.seed, id));
		const createdMs = createdTimes[id - 1] ?? nowMs;
		const status = statuses[id - 1] ?? 'open';
		if (id === hostileId) {
			writeHostileTicket(id, createdMs, random);
			return;
		}
		const ageMs = nowMs - createdMs;
		const lang = forcedLanguage.get(id) ?? random.weighted(languageWeights);
		const pack = packs[lang];
		const forced = forcedChannel.get(id);
		const eligible = scenarios.filter(
			(scenario) =>
				(forced === undefined || (scenario.channels[forced] ?? 0) > 0) && (!scenario.recentOnly || ageMs < 36 * hourMs),
		);
		const scenario = pickScenario(eligible.length > 0 ? eligible : scenarios, random);
		const channel = forced ?? random.weighted(scenario.channels);
		const text = pack.scenarios[scenario.key];
		const customer = customerFor(pack, channel, scenario, random);
		const priorityChoice = random.weighted(scenario.priorities);
		const priority: Priority | null = priorityChoice === 'none' ? null : priorityChoice;
		const movedGroup = random.chance(0.08);
		const groupName = movedGroup ? random.pick(groupNames) : scenario.group;
		const groupId = status === 'new' && random.chance(0.2) ? null : groupIdOf(groupName);
		const assigneeId = pickAssignee(status, groupName, random);
		// Who answers (and signs) when the ticket gets answers: the assignee, else someone from the group.
		const responderId = assigneeId ?? pickAgentOf(groupName, random);
		const agentName = agents[responderId - 1]?.name ?? 'Demo Agent';
		const vars = makeVars(pack, scenario, customer, createdMs, agentName, random);
		const network = random.chance(0.6) ? 'facebook' : 'instagram';
		const phone = phoneNumber(pack, random);

		const {steps, opening} = planThread({
			status,
			pack,
			text,
			scenario,
			channel,
			vars,
			customer,
			priority,
			assigneeId: responderId,
			ageMs,
			phone,
			random,
		});
		const subjectChoices = scenario.subjects?.[opening] ?? text.subjects.map((_, index) => index);
		const subject = tidy(
			channelSubject(channel, customer, phone, network, random) ??
				text.subjects[random.pick(subjectChoices)]?.(vars) ??
				'',
		);
		writeTicket({
			id,
			subject,
			status,
			priority,
			channel,
			customer,
			assigneeId,
			groupId,
			createdMs,
			steps,
			pack,
			vars,
			random,
		});
		for (const tag of scenario.tags) writer.tag(id, tag);
		if (channel === 'social') writer.tag(id, network);
		if (customer.organization !== null) writer.tag(id, 'b2b');
		if (status === 'on-hold') writer.tag(id, 'waiting_on_third_party');
		if (random.chance(0.03)) writer.tag(id, 'vip');
	}

	function pickAgentOf(groupName: string, random: Random): number {
		const members = agentIds.filter((agentId) => agents[agentId - 1]?.group === groupName && agentId !== demoAgentId);
		return members.length > 0 ? random.pick(members) : random.pick(agentIds);
	}

	function pickAssignee(status: TicketStatus, groupName: string, random: Random): number | null {
		if (status === 'new') return random.chance(0.85) ? null : pickAgentOf(groupName, random);
		if (random.chance(0.08)) return null;
		return random.chance(0.28) ? demoAgentId : pickAgentOf(groupName, random);
	}

	/** Places the planned steps in time, writes the ticket, its thread, status events, ratings and surveys. */
	function writeTicket(input: {
		id: number;
		subject: string;
		status: TicketStatus;
		priority: Priority | null;
		channel: Channel;
		customer: Customer;
		assigneeId: number | null;
		groupId: number | null;
		createdMs: number;
		steps: Step[];
		pack: LanguagePack;
		vars: TextVars;
		random: Random;
	}): void {
		const {id, priority, channel, createdMs, steps, pack, vars, random} = input;
		let status = input.status;
		const times = placeInTime(steps, createdMs, status, random);
		let closeMs: number | null = null;
		const lastSolve = lastSolveTime(steps, times);
		if (status === 'closed') {
			const candidate = (lastSolve ?? createdMs) + 4 * dayMs + random.int(0, 90) * minuteMs;
			if (lastSolve !== null && candidate < nowMs) closeMs = candidate;
			else status = 'solved';
		}
		// The ticket row first: the thread's messages and events refer to it.
		let lastAgentReply: number | null = null;
		let lastCustomer: number | null = null;
		let updatedMs = createdMs;
		for (const [index, step] of steps.entries()) {
			const at = times[index] ?? createdMs;
			updatedMs = Math.max(updatedMs, at);
			if (step.kind === 'message' && step.isPublic && step.role === 'agent') lastAgentReply = at;
			if (step.kind === 'message' && step.isPublic && step.role === 'customer') lastCustomer = at;
		}
		if (closeMs !== null) updatedMs = closeMs;
		// Whoever answered the customer owns the ticket; solved tickets always have an owner.
		const assigneeId =
			input.assigneeId ?? firstReplyAuthor(steps) ?? (status === 'solved' || status === 'closed' ? demoAgentId : null);
		writer.ticket({
			id,
			subject: input.subject,
			status,
			priority,
			channel,
			requesterId: input.customer.id,
			assigneeId,
			groupId: input.groupId,
			createdMs,
			updatedMs,
			slaDueMs: slaDueMs({
				status,
				priority,
				createdMs,
				lastAgentReplyMs: lastAgentReply,
				lastCustomerMessageMs: lastCustomer,
			}),
			firstReplyDueMs: firstReplyDueMs(priority, createdMs),
		});
		for (const [index, step] of steps.entries()) {
			const at = times[index] ?? createdMs;
			if (step.kind === 'event') {
				writer.event(id, at, step.authorId, step.field, step.oldValue, step.newValue);
				continue;
			}
			writer.message({
				ticketId: id,
				authorId: step.authorId,
				role: step.role,
				isPublic: step.isPublic,
				channel: step.channel,
				createdMs: at,
				body: step.body,
				isHtml: step.isHtml,
				attachments: (messageId) =>
					step.attachments.map((kind) => attachmentFor(kind, {ticketId: id, messageId, atMs: at, pack, vars, random})),
			});
		}
		if (closeMs !== null) writer.event(id, closeMs, null, 'status', 'solved', 'closed');
		if (lastSolve !== null) writeFeedback(id, channel, lastSolve, steps, pack, random);
		if (random.chance(0.22) && nowMs - createdMs > 2 * dayMs) {
			const at = createdMs + random.int(2 * 24, 10 * 24) * hourMs + random.int(0, 59) * minuteMs;
			if (at < nowMs) writer.survey(random.chance(0.75) ? id : null, at, 'nps', npsScore(random));
		}
	}

	function writeFeedback(
		id: number,
		channel: Channel,
		solvedMs: number,
		steps: Step[],
		pack: LanguagePack,
		random: Random,
	): void {
		const wasReopened = steps.some((step) => step.kind === 'event' && step.oldValue === 'solved');
		if (random.chance(0.65)) {
			const at = solvedMs + random.int(60, 30 * 60) * minuteMs;
			if (at < nowMs) {
				const roll = random.next();
				const badShare = wasReopened ? 0.3 : 0.1;
				const score = roll < 0.3 ? 'offered' : roll < 0.3 + badShare ? 'bad' : 'good';
				const comment =
					score === 'offered' || random.chance(0.4)
						? null
						: random.pick(score === 'good' ? pack.csatGood : pack.csatBad);
				writer.rating(id, at, score, comment, channel);
			}
		}
		if (random.chance(0.5)) {
			const at = solvedMs + random.int(30, 48 * 60) * minuteMs;
			if (at < nowMs) writer.survey(id, at, 'ces', cesScore(random));
		}
	}

	/** A realistic thread for the status, as steps with delays. */
	function planThread(input: {
		status: TicketStatus;
		pack: LanguagePack;
		text: ScenarioText;
		scenario: ScenarioMeta;
		channel: Channel;
		vars: TextVars;
		customer: Customer;
		priority: Priority | null;
		assigneeId: number;
		ageMs: number;
		phone: string;
		random: Random;
	}): {steps: Step[]; opening: number} {
		const {status, pack, text, scenario, channel, vars, customer, priority, assigneeId, random} = input;
		const steps: Step[] = [];
		const isChat = channel === 'chat';
		const pace = isChat ? 0.03 : 1;
		const customerSays = (body: string, delayMin: number, attachments: readonly AttachmentKind[] = []) => {
			const composed = composeCustomerMessage(pack, channel, tidy(body), vars, random);
			steps.push({
				kind: 'message',
				delayMin,
				role: 'customer',
				authorId: customer.id,
				isPublic: true,
				channel,
				body: composed.body,
				isHtml: composed.isHtml,
				attachments,
			});
		};
		const agentSays = (body: string, delayMin: number, attachments: readonly AttachmentKind[] = []) => {
			const withTable =
				scenario.orderTable === true && random.chance(0.4) ? `${body}\n\n${orderTable(pack, vars)}` : body;
			const composed = composeAgentMessage(pack, channel, tidy(withTable), vars, random);
			steps.push({
				kind: 'message',
				delayMin,
				role: 'agent',
				authorId: assigneeId,
				isPublic: true,
				channel,
				body: composed.body,
				isHtml: composed.isHtml,
				attachments,
			});
		};
		const note = (template: Template, delayMin: number) =>
			steps.push({
				kind: 'message',
				delayMin,
				role: 'agent',
				authorId: random.chance(0.75) ? assigneeId : random.pick(agentIds),
				isPublic: false,
				channel: 'web',
				body: tidy(template(vars)),
				isHtml: false,
				attachments: [],
			});
		const statusChange = (oldValue: string, newValue: string, delayMin: number) =>
			steps.push({kind: 'event', delayMin, authorId: assigneeId, field: 'status', oldValue, newValue});
		const path: ThreadPath = scenario.paths === undefined ? {} : random.pick(scenario.paths);
		const canSolveInOneTouch = path.oneTouch !== null;
		const use = (
			templates: readonly Template[],
			preferred: number | null | undefined,
			slot: AttachmentSlot | undefined,
		) => {
			const index =
				typeof preferred === 'number' && preferred < templates.length ? preferred : random.int(0, templates.length - 1);
			const template = templates[index] ?? templates[0];
			const attachments = slot !== undefined && (slot.index === undefined || slot.index === index) ? [slot.kind] : [];
			return {text: template === undefined ? '' : template(vars), attachments, index};
		};
		const scenarioNote = () =>
			note(random.chance(0.75) ? random.pick(scenario.notes) : random.pick(genericNotes), 5 + random.next() * 90);
		const firstReplyDelay = () => firstReplyDelayMin(priority, channel, random);
		const customerDelay = () => (20 + random.next() ** 2 * 2800) * pace + 0.5;
		const agentDelay = () => (15 + random.next() ** 2 * 1200) * pace + 0.5;

		// Channel preamble, the opening message, an auto-reply.
		if (channel === 'chat')
			steps.push(
				systemStep(
					`Chat started on ${pack.shopHost} · visitor ${customer.first} ${customer.last} (${vars.city}) · ${random.pick(devices)}`,
					0,
					channel,
					false,
					[],
				),
			);
		if (channel === 'phone') {
			const seconds = random.int(95, 900);
			steps.push(
				systemStep(
					`Inbound call from ${input.phone} · duration ${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')} · recording attached`,
					0,
					channel,
					false,
					['recording'],
				),
			);
		}
		if (channel === 'api')
			steps.push(systemStep('Created through the returns portal API (returns-portal/2.3).', 0, channel, false, []));
		const opening = use(text.openings, path.opening, scenario.attachments.opening);
		customerSays(opening.text, steps.length === 0 ? 0 : 0.3, opening.attachments);
		if ((channel === 'email' || channel === 'web') && random.chance(0.3))
			steps.push(systemStep(pack.autoReply, 0.5 + random.next(), channel, true, [], true));

		const reply = () => {
			const chosen = use(text.replies, path.reply, scenario.attachments.reply);
			agentSays(chosen.text, steps.some(isAgentReply) ? agentDelay() : firstReplyDelay(), chosen.attachments);
		};
		let lastResolution = -1;
		/** A resolution after the conversation (`afterQuestion`), or straight away in one touch. */
		const resolve = (delayMin: number, afterQuestion: boolean) => {
			let preferred = afterQuestion ? path.resolution : path.oneTouch;
			// A second resolution after a reopen says something new when the pack has more than one.
			if (lastResolution >= 0 && text.resolutions.length > 1)
				preferred = (lastResolution + 1 + random.int(0, text.resolutions.length - 2)) % text.resolutions.length;
			const chosen = use(text.resolutions, preferred, scenario.attachments.resolution);
			lastResolution = chosen.index;
			agentSays(chosen.text, delayMin, chosen.attachments);
		};
		const followUp = () => {
			const chosen = use(text.followUps, path.followUp, scenario.attachments.followUp);
			customerSays(chosen.text, customerDelay(), chosen.attachments);
		};
		/** The customer chasing; after an agent has answered, only the chasers that do not claim "no answer at all". */
		const chaser = (afterAnswer = false) => {
			// The second chaser of every pack is the neutral one; the others mention email or "no answer".
			const isMail = channel === 'email' || channel === 'web';
			const chasers = !isMail ? pack.chasers.slice(1, 2) : afterAnswer ? pack.chasers.slice(1, 3) : pack.chasers;
			customerSays(random.pick(chasers)(vars), (12 * 60 + random.next() * 48 * 60) * pace);
		};
		const solveFlow = () => {
			const shape = canSolveInOneTouch ? random.next() : 0.5;
			if (shape < 0.35) {
				resolve(firstReplyDelay(), false);
				statusChange('open', 'solved', 0);
			} else if (shape < 0.8) {
				reply();
				followUp();
				if (random.chance(0.3)) scenarioNote();
				resolve(agentDelay(), true);
				if (random.chance(0.35)) {
					customerSays(random.pick(pack.thanks)(vars), customerDelay());
					statusChange('open', 'solved', 5 + random.next() * 120);
				} else statusChange('open', 'solved', 0);
			} else {
				resolve(firstReplyDelay(), false);
				statusChange('open', 'solved', 0);
				customerSays(random.pick(pack.reopens)(vars), (24 * 60 + random.next() * 4 * 24 * 60) * pace);
				statusChange('solved', 'open', 0);
				if (random.chance(0.5)) scenarioNote();
				resolve(agentDelay(), true);
				statusChange('open', 'solved', 0);
			}
		};

		switch (status) {
			case 'new':
				if (random.chance(0.25)) chaser();
				break;
			case 'open': {
				const unanswered = input.ageMs < dayMs && random.chance(0.5);
				if (unanswered) {
					if (random.chance(0.35)) scenarioNote();
					if (random.chance(0.25)) chaser();
				} else if (canSolveInOneTouch && random.chance(0.15)) {
					resolve(firstReplyDelay(), false);
					statusChange('open', 'solved', 0);
					customerSays(random.pick(pack.reopens)(vars), (24 * 60 + random.next() * 4 * 24 * 60) * pace);
					statusChange('solved', 'open', 0);
					if (random.chance(0.4)) scenarioNote();
				} else {
					if (random.chance(0.3)) scenarioNote();
					reply();
					followUp();
					if (random.chance(0.2)) chaser(true);
				}
				break;
			}
			case 'pending':
				if (random.chance(0.3)) scenarioNote();
				reply();
				if (random.chance(0.3)) {
					followUp();
					resolve(agentDelay(), true);
				}
				break;
			case 'on-hold':
				reply();
				if (random.chance(0.3)) followUp();
				note(random.pick(onHoldNotes), 10 + random.next() * 240);
				break;
			case 'solved':
			case 'closed':
				solveFlow();
				break;
		}
		return {steps, opening: opening.index};
	}

	function systemStep(
		body: string,
		delayMin: number,
		channel: Channel,
		isPublic: boolean,
		attachments: readonly FileKind[],
		asHtml = false,
	): Step {
		return {
			kind: 'message',
			delayMin,
			role: 'system',
			authorId: systemUserId,
			isPublic,
			channel,
			body: asHtml ? toHtml(body) : body,
			isHtml: asHtml,
			attachments,
		};
	}

	/**
	 * Turns delays into times from `createdMs`, compressed to end before now; the last step of an unsolved ticket is
	 * then moved towards now so running SLAs spread around the present instead of all being long breached.
	 */
	function placeInTime(steps: Step[], createdMs: number, status: TicketStatus, random: Random): number[] {
		const offsets: number[] = [];
		let sum = 0;
		for (const step of steps) {
			sum += Math.max(step.delayMin, 0) * minuteMs;
			offsets.push(sum);
		}
		const room = nowMs - minuteMs - createdMs;
		const scale = sum > room && sum > 0 ? Math.max(room, 0) / sum : 1;
		const times = offsets.map((offset) => createdMs + Math.floor(offset * scale));
		// Distinct, increasing times (a second apart at least) keep "oldest first" unambiguous.
		for (let index = 1; index < times.length; index++) {
			const previous = times[index - 1] ?? createdMs;
			if ((times[index] ?? 0) <= previous) times[index] = previous + 1000;
		}
		// An open ticket waits for the agents since the customer's last message: move that message (and what follows
		// it) closer to now. The opening stays where it is, so first-reply times are not distorted.
		let anchor = -1;
		let opening = -1;
		for (const [index, step] of steps.entries()) {
			if (step.kind !== 'message' || step.role !== 'customer') continue;
			if (opening < 0) opening = index;
			anchor = index;
		}
		const last = times.length - 1;
		const anchorWindowMs = 30 * hourMs;
		if (status === 'open' && anchor > opening) {
			const tailMs = (times[last] ?? 0) - (times[anchor] ?? 0);
			const desired = nowMs - 2 * minuteMs - tailMs - Math.floor(random.next() ** 1.5 * anchorWindowMs);
			const shiftMs = desired - (times[anchor] ?? desired);
			if (shiftMs > 0) for (let index = anchor; index <= last; index++) times[index] = (times[index] ?? 0) + shiftMs;
		}
		return times;
	}

	function writeHostileTicket(id: number, createdMs: number, random: Random): void {
		const requesterId = nextUserId++;
		writer.user({
			id: requesterId,
			role: 'customer',
			name: hostileTicket.requesterName,
			email: hostileTicket.requesterEmail,
			locale: 'en',
			organizationId: null,
			groupId: null,
		});
		customerCount++;
		const noteMs = Math.min(createdMs + random.int(20, 90) * minuteMs, nowMs - 1000);
		const supportId = groupIdOf('Support');
		writer.ticket({
			id,
			subject: hostileTicket.subject,
			status: 'open',
			priority: 'high',
			channel: 'email',
			requesterId,
			assigneeId: null,
			groupId: supportId,
			createdMs,
			updatedMs: noteMs,
			slaDueMs: slaDueMs({
				status: 'open',
				priority: 'high',
				createdMs,
				lastAgentReplyMs: null,
				lastCustomerMessageMs: createdMs,
			}),
			firstReplyDueMs: firstReplyDueMs('high', createdMs),
		});
		writer.message({
			ticketId: id,
			authorId: requesterId,
			role: 'customer',
			isPublic: true,
			channel: 'email',
			createdMs,
			body: hostileTicket.body,
			isHtml: false,
			attachments: (messageId) => [
				{
					name: hostileTicket.attachmentName,
					size: 48_640,
					contentType: 'application/x-msdownload',
					url: `https://files.demo.csr/${id}/${messageId}/refund_form.exe`,
				},
			],
		});
		writer.message({
			ticketId: id,
			authorId: 2,
			role: 'agent',
			isPublic: false,
			channel: 'web',
			createdMs: noteMs,
			body: 'Looks like phishing (lookalike domain, .exe disguised as .pdf). Do NOT open the attachment or click the link – reported to IT security.',
			isHtml: false,
			attachments: () => [],
		});
		writer.tag(id, 'phishing');
		writer.tag(id, 'security');
	}

	return {ticket, customerCount: () => customerCount};
}

/** Chat, phone, social and SMS tickets often carry the channel's own subject, as help desks create them. */
function channelSubject(
	channel: Channel,
	customer: Customer,
	phone: string,
	network: string,
	random: Random,
): string | null {
	if (!random.chance(0.4)) return null;
	const name = `${customer.first} ${customer.last}`;
	switch (channel) {
		case 'chat':
			return `Chat with ${name}`;
		case 'phone':
			return `Call from ${phone}`;
		case 'social':
			return `${network === 'facebook' ? 'Facebook' : 'Instagram'} message from ${name}`;
		case 'sms':
			return `SMS from ${phone}`;
		default:
			return null;
	}
}

/** A scenario by weight; an ongoing incident (recentOnly) dominates the tickets that can still be about it. */
function pickScenario(candidates: readonly ScenarioMeta[], random: Random): ScenarioMeta {
	const key = random.weighted(
		Object.fromEntries(
			candidates.map((scenario) => [scenario.key, scenario.recentOnly ? scenario.weight * 4 : scenario.weight]),
		),
	);
	return candidates.find((scenario) => scenario.key === key) ?? (candidates[0] as ScenarioMeta);
}

/** Exact status counts for `total` tickets, placed by age: new tickets are young, closed ones old. */
function planStatuses(total: number, random: Random): TicketStatus[] {
	const counts = statusPlan.map((entry) => Math.floor(entry.share * total));
	const open = statusPlan.findIndex((entry) => entry.status === 'open');
	counts[open] = (counts[open] ?? 0) + total - counts.reduce((sum, count) => sum + count, 0);
	const slots: {status: TicketStatus; position: number}[] = [];
	for (const [index, entry] of statusPlan.entries()) {
		for (let count = 0; count < (counts[index] ?? 0); count++) {
			const position = Math.min(1, Math.max(0, entry.agePercentile + (random.next() - 0.5) * 0.5));
			slots.push({status: entry.status, position});
		}
	}
	slots.sort((a, b) => a.position - b.position);
	// Ticket ids run oldest first, slots youngest first.
	return slots.map((slot) => slot.status).reverse();
}

function shuffled<T>(items: T[], random: Random): T[] {
	for (let index = items.length - 1; index > 0; index--) {
		const other = random.int(0, index);
		const item = items[index] as T;
		items[index] = items[other] as T;
		items[other] = item;
	}
	return items;
}

function isAgentReply(step: Step): boolean {
	return step.kind === 'message' && step.role === 'agent' && step.isPublic;
}

function firstReplyAuthor(steps: readonly Step[]): number | null {
	for (const step of steps) if (isAgentReply(step) && step.kind === 'message') return step.authorId;
	return null;
}

function lastSolveTime(steps: readonly Step[], times: readonly number[]): number | null {
	let solved: number | null = null;
	for (const [index, step] of steps.entries())
		if (step.kind === 'event' && step.newValue === 'solved') solved = times[index] ?? solved;
	return solved;
}

const firstReplyMedianMin: Record<Priority | 'none', number> = {
	urgent: 40,
	high: 150,
	normal: 330,
	low: 700,
	none: 480,
};

/** How long agents take to answer first: log-normal around a median by priority; chat is minutes. */
function firstReplyDelayMin(priority: Priority | null, channel: Channel, random: Random): number {
	if (channel === 'chat') return 0.5 + random.next() * 6;
	return firstReplyMedianMin[priority ?? 'none'] * Math.exp(random.gaussian() * 0.8);
}

function npsScore(random: Random): number {
	return Number(random.weighted({10: 24, 9: 24, 8: 15, 7: 10, 6: 8, 5: 6, 4: 4, 3: 3, 2: 2, 1: 2, 0: 2}));
}

function cesScore(random: Random): number {
	return Number(random.weighted({'7': 30, '6': 28, '5': 17, '4': 10, '3': 7, '2': 5, '1': 3}));
}

const devices = ['iPhone · Safari', 'Android · Chrome', 'Windows · Edge', 'macOS · Chrome', 'iPad · Safari'];

// ---------------------------------------------------------------------------------------------------------------
// Text: variables, greetings and sign-offs per channel, the order table, HTML.

function makeVars(
	pack: LanguagePack,
	scenario: ScenarioMeta,
	customer: Customer,
	createdMs: number,
	agentName: string,
	random: Random,
): TextVars {
	const kinds = scenario.kinds;
	const candidates: readonly Product[] = kinds === null ? products : products.filter((p) => kinds.includes(p.kind));
	const product = random.pick(candidates);
	const carrier = random.pick(pack.carriers);
	const date = (ms: number) => {
		const day = new Date(ms);
		return pack.formatDate(day.getUTCDate(), pack.months[day.getUTCMonth()] ?? '');
	};
	const noteDay = new Date(createdMs - random.int(0, 3) * dayMs);
	const delivery =
		scenario.key === 'warranty' ? createdMs + random.int(2, 4) * dayMs : createdMs - random.int(1, 4) * dayMs;
	const agentFirst = agentName === 'Demo Agent' ? agentName : (agentName.split(' ')[0] ?? agentName);
	return {
		first: customer.first,
		last: customer.last,
		order: String(random.int(1_020_000, 1_389_999)),
		product: product.model,
		item: pack.item[product.kind](product.model),
		amount: pack.formatMoney(product.priceEur),
		voucher: pack.voucher,
		orderDate: date(createdMs - random.int(2, 12) * dayMs),
		deliveryDate: date(delivery),
		noteDate: `${noteDay.getUTCDate()} ${shortMonths[noteDay.getUTCMonth()]}`,
		carrier,
		tracking: trackingNumber(carrier, random),
		rma: `R-${random.int(10_000, 99_999)}`,
		claim: `CLM-${random.int(100_000, 999_999)}`,
		agent: agentFirst,
		city: random.pick(pack.cities),
		error: random.pick(['E04', 'E07', 'E12', 'E21']),
		diag: `D-${random.int(0x1000, 0xffff).toString(16).toUpperCase()}`,
		serial: `${product.model.replace(/[^A-Z]/g, '').slice(0, 2) || 'NH'}${random.int(10, 99)}-${random.int(100_000, 999_999)}`,
		months: random.int(3, 22),
		qty: random.pick([6, 8, 10, 12, 15, 20, 25]),
		company: customer.organization ?? random.pick(pack.companies),
	};
}

const shortMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function trackingNumber(carrier: string, random: Random): string {
	const digits = (count: number) => Array.from({length: count}, () => random.int(0, 9)).join('');
	switch (carrier) {
		case 'PostNord':
		case 'Posten':
		case 'Royal Mail':
			return `${String.fromCharCode(65 + random.int(0, 25), 65 + random.int(0, 25))}${digits(9)}${carrier === 'Royal Mail' ? 'GB' : carrier === 'Posten' ? 'NO' : 'SE'}`;
		case 'Bring':
			return `CP${digits(9)}NO`;
		case 'DHL':
			return `JJD${digits(17)}`;
		default:
			return digits(random.chance(0.5) ? 11 : 14);
	}
}

function phoneNumber(pack: LanguagePack, random: Random): string {
	return `${pack.phone.prefix} ${pack.phone.pattern.replace(/#/g, () => String(random.int(0, 9)))}`;
}

const foldCharacters: Record<string, string> = {æ: 'ae', ø: 'o', å: 'a', ä: 'a', ö: 'o', ü: 'ue', ß: 'ss', é: 'e'};

function emailFor(first: string, last: string, pack: LanguagePack, random: Random): string {
	const fold = (value: string) =>
		value
			.toLowerCase()
			.replace(/[æøåäöüßé]/g, (character) => foldCharacters[character] ?? '')
			.replace(/[^a-z0-9]/g, '');
	const f = fold(first);
	const l = fold(last);
	const local = random.pick([
		`${f}.${l}`,
		`${f}${l}`,
		`${f.slice(0, 1)}${l}`,
		`${f}.${l}${random.int(60, 99)}`,
		`${f}${random.int(1, 99)}`,
		`${f}_${l.slice(0, 1)}`,
	]);
	return `${local}@${random.pick(pack.emailDomains)}`;
}

/** Words that start a German sentence in lower case after a greeting ending in a comma. */
const germanLowerCaseStarts = new Set(
	'Ich Wir Es Vielen Danke Gute Das Der Die Dabei Selbstverständlich Entschuldigen Im Am Da Unser Unsere Schön Bei Laut Heute Meine Mein Seit Mir Könnten Können Kann Habe Leider Wo Ist Hatte Gibt Natürlich Als Auf Nach Geht Noch Super Okay Perfekt Bitte Hier Jetzt Zu Vor Mit Wann Wie'.split(
		' ',
	),
);

function afterGreeting(pack: LanguagePack, greeting: string, body: string): string {
	if (pack.lang !== 'de' || !greeting.endsWith(',')) return body;
	const firstWord = body.split(/[\s,:;–-]/, 1)[0] ?? '';
	return germanLowerCaseStarts.has(firstWord) ? body.charAt(0).toLowerCase() + body.slice(1) : body;
}

function composeCustomerMessage(
	pack: LanguagePack,
	channel: Channel,
	body: string,
	vars: TextVars,
	random: Random,
): {body: string; isHtml: boolean} {
	if (channel !== 'email' && channel !== 'web' && channel !== 'api') return {body, isHtml: false};
	// "Hi again, …" and the like bring their own greeting.
	const greets = /^(Hi|Hello|Hej|Hejsan|Hei|Heisann|Hallo|Hallå|Moin|Guten|Dear|Kære)\b/.test(body);
	const greeting = greets ? '' : random.pick(pack.customerGreetings);
	const signoff = random.pick(pack.customerSignoffs)(vars);
	const text = [greeting, afterGreeting(pack, greeting, body), signoff].filter((part) => part !== '').join('\n\n');
	if (channel === 'email' && random.chance(0.3)) return {body: `<div dir="ltr">${toHtml(text)}</div>`, isHtml: true};
	return {body: text, isHtml: false};
}

function composeAgentMessage(
	pack: LanguagePack,
	channel: Channel,
	body: string,
	vars: TextVars,
	random: Random,
): {body: string; isHtml: boolean} {
	if (channel === 'review') return {body: toPlain(`${body}\n\n${pack.agentClosingShort(vars)}`), isHtml: false};
	const greeting = random.pick(pack.agentGreetings)(vars);
	const short = channel === 'chat' || channel === 'social' || channel === 'sms';
	const closing = short ? pack.agentClosingShort(vars) : random.pick(pack.agentClosings)(vars);
	const text = `${greeting}\n\n${afterGreeting(pack, greeting, body)}\n\n${closing}`;
	const isRich = /\n- |\n1\. |\n\||\]\(/.test(`\n${body}`);
	if (!short && (channel === 'email' || channel === 'web') && random.chance(isRich ? 0.85 : 0.3))
		return {body: toHtml(text), isHtml: true};
	return {body: toPlain(text), isHtml: false};
}

function orderTable(pack: LanguagePack, vars: TextVars): string {
	const t = pack.orderTable;
	return [
		t.title,
		`| ${t.item} | ${t.qty} | ${t.price} |`,
		`| ${vars.product} | 1 | ${vars.amount} |`,
		`| ${t.shipping} | | ${t.free} |`,
		`| ${t.total} | | ${vars.amount} |`,
	].join('\n');
}

const escapeHtml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const inlineHtml = (text: string) =>
	escapeHtml(text).replace(
		/\[([^\]]+)\]\((https:\/\/[^)\s]+)\)/g,
		(_, label: string, url: string) => `<a href="${url}">${label}</a>`,
	);

/** Danish amounts end in "kr."; a sentence ending in one does not get a second full stop. */
const tidy = (text: string): string => text.replace(/kr\.\./g, 'kr.');

const tableCells = (line: string): string[] =>
	line
		.replace(/^\|/, '')
		.replace(/\|$/, '')
		.split('|')
		.map((cell) => cell.trim());

function tableHtml(lines: readonly string[]): string {
	const [header = [], ...rows] = lines.map(tableCells);
	const head = `<tr>${header.map((cell) => `<th>${inlineHtml(cell)}</th>`).join('')}</tr>`;
	const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${inlineHtml(cell)}</td>`).join('')}</tr>`).join('');
	return `<table><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

/**
 * The corpus's tiny markup as HTML: blank-line paragraphs, "- " and "1. " lists, "|" tables (first row is the
 * header), [label](url) links. This is how help desks store rich replies and email bodies.
 */
export function toHtml(text: string): string {
	return text
		.split(/\n{2,}/)
		.map((block) => {
			const lines = block.split('\n');
			if (lines.every((line) => line.startsWith('- ')))
				return `<ul>${lines.map((line) => `<li>${inlineHtml(line.slice(2))}</li>`).join('')}</ul>`;
			if (lines.every((line) => /^\d+\. /.test(line)))
				return `<ol>${lines.map((line) => `<li>${inlineHtml(line.replace(/^\d+\. /, ''))}</li>`).join('')}</ol>`;
			const tableStart = lines.findIndex((line) => line.startsWith('|'));
			if (tableStart >= 0 && lines.slice(tableStart).every((line) => line.startsWith('|'))) {
				const before = lines.slice(0, tableStart).map((line) => `<p>${inlineHtml(line)}</p>`);
				return [...before, tableHtml(lines.slice(tableStart))].join('');
			}
			return `<p>${lines.map(inlineHtml).join('<br>')}</p>`;
		})
		.join('\n');
}

/** The same markup as plain text: links as "label (url)", table rows as their non-empty cells. */
export function toPlain(text: string): string {
	return text
		.replace(/\[([^\]]+)\]\((https:\/\/[^)\s]+)\)/g, '$1 ($2)')
		.split('\n')
		.map((line) =>
			line.startsWith('|')
				? tableCells(line)
						.filter((cell) => cell !== '')
						.join(' | ')
				: line,
		)
		.join('\n');
}

function attachmentFor(
	kind: FileKind,
	context: {ticketId: number; messageId: number; atMs: number; pack: LanguagePack; vars: TextVars; random: Random},
): AttachmentRow {
	const {ticketId, messageId, atMs, pack, vars, random} = context;
	const stamp = new Date(atMs).toISOString().replace(/[-:]/g, '').replace('T', '_').slice(0, 15);
	const file = (name: string, contentType: string, size: number): AttachmentRow => ({
		name,
		size,
		contentType,
		url: `https://files.demo.csr/${ticketId}/${messageId}/${encodeURIComponent(name)}`,
	});
	switch (kind) {
		case 'photos':
			return file(`IMG_${random.int(1000, 9999)}.jpg`, 'image/jpeg', random.int(1_800_000, 4_900_000));
		case 'screenshot':
			return file(`Screenshot_${stamp}.png`, 'image/png', random.int(180_000, 1_200_000));
		case 'video':
			return file(`VID_${stamp}.mp4`, 'video/mp4', random.int(8_000_000, 38_000_000));
		case 'receipt':
			return file(pack.attachmentNames.receipt(vars.order), 'application/pdf', random.int(60_000, 280_000));
		case 'label':
			return file(pack.attachmentNames.returnLabel(vars.rma), 'application/pdf', random.int(40_000, 90_000));
		case 'invoice':
			return file(pack.attachmentNames.invoice(vars.order), 'application/pdf', random.int(50_000, 120_000));
		case 'quote':
			return file(pack.attachmentNames.quote(vars.order), 'application/pdf', random.int(70_000, 160_000));
		case 'recording':
			return file(`call-recording-${stamp}.mp3`, 'audio/mpeg', random.int(900_000, 9_000_000));
	}
}
