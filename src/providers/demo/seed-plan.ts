import type {Channel, Priority, TicketStatus} from '../../domain/ticket.js';
import {type AttachmentKind, agents, groupNames, type Lang, type LanguagePack, type ScenarioMeta} from './corpus.js';
import {danish} from './corpus-da.js';
import {german} from './corpus-de.js';
import {english} from './corpus-en.js';
import {norwegian} from './corpus-nb.js';
import {swedish} from './corpus-sv.js';
import type {Random} from './seed-random.js';

/** How many tickets, which seed, and the instant the desk is seeded at. */
export type SeedOptions = {readonly tickets: number; readonly seed: number; readonly now: Date};

// The plan of a demo desk: its languages, channels, status shares, people, and the small choices a ticket makes.

export const packs: Record<Lang, LanguagePack> = {en: english, da: danish, sv: swedish, nb: norwegian, de: german};
export const languageWeights: Record<Lang, number> = {da: 26, sv: 22, nb: 18, de: 19, en: 15};
export const coverageChannels: readonly Channel[] = ['email', 'chat', 'phone', 'social', 'web', 'review', 'api', 'sms'];

export const minuteMs = 60_000;
export const hourMs = 60 * minuteMs;
export const dayMs = 24 * hourMs;
export const historyMs = 45 * dayMs;

/**
 * Status shares of the default desk and the typical age (as a percentile, youngest 0) of each status. A demo queue
 * is busy (well over 120 new, open or pending tickets by default) and has history enough for KPIs: older tickets
 * are more often solved or closed.
 */
export const statusPlan: readonly {status: TicketStatus; share: number; agePercentile: number}[] = [
	{status: 'new', share: 0.08, agePercentile: 0.03},
	{status: 'open', share: 0.22, agePercentile: 0.2},
	{status: 'pending', share: 0.13, agePercentile: 0.3},
	{status: 'on-hold', share: 0.04, agePercentile: 0.4},
	{status: 'solved', share: 0.33, agePercentile: 0.6},
	{status: 'closed', share: 0.2, agePercentile: 0.9},
];

export const agentIds = agents.map((_, index) => index + 1);
export const systemUserId = agents.length + 1;
export const demoAgentId = 1;
export const groupIdOf = (name: string): number => groupNames.indexOf(name as (typeof groupNames)[number]) + 1;

export type Customer = {
	readonly id: number;
	readonly first: string;
	readonly last: string;
	readonly email: string | null;
	readonly locale: string | null;
	readonly organization: string | null;
	/** In the country's own format (+45 12 34 56 78). */
	readonly phone: string;
	readonly timeZone: string;
};

/** Where the customers of a language live, by locale (de-AT is Vienna); the language's first entry otherwise. */
export const timeZonesOf: Record<Lang, Readonly<Record<string, string>>> = {
	da: {'': 'Europe/Copenhagen'},
	sv: {'': 'Europe/Stockholm'},
	nb: {'': 'Europe/Oslo'},
	de: {'': 'Europe/Berlin', 'de-AT': 'Europe/Vienna'},
	en: {'': 'Europe/London'},
};

/** Scenarios about one order: a customer who writes again about the same order may reuse its number. */
export const orderScenarios: ReadonlySet<string> = new Set([
	'order-status',
	'delivery-delay',
	'damaged',
	'return',
	'exchange',
	'refund',
	'complaint',
]);

export type FileKind = AttachmentKind | 'recording';

/** One planned entry of a thread: a message or a status change, `delayMin` after the previous one. */
export type Step =
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

/** Chat, phone, social and SMS tickets often carry the channel's own subject, as help desks create them. */
export function channelSubject(
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
export function pickScenario(candidates: readonly ScenarioMeta[], random: Random): ScenarioMeta {
	const key = random.weighted(
		Object.fromEntries(
			candidates.map((scenario) => [scenario.key, scenario.recentOnly ? scenario.weight * 4 : scenario.weight]),
		),
	);
	return candidates.find((scenario) => scenario.key === key) ?? (candidates[0] as ScenarioMeta);
}

/** Exact status counts for `total` tickets, placed by age: new tickets are young, closed ones old. */
export function planStatuses(total: number, random: Random): TicketStatus[] {
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

export function shuffled<T>(items: T[], random: Random): T[] {
	for (let index = items.length - 1; index > 0; index--) {
		const other = random.int(0, index);
		const item = items[index] as T;
		items[index] = items[other] as T;
		items[other] = item;
	}
	return items;
}

export function isAgentReply(step: Step): boolean {
	return step.kind === 'message' && step.role === 'agent' && step.isPublic;
}

export function firstReplyAuthor(steps: readonly Step[]): number | null {
	for (const step of steps) if (isAgentReply(step) && step.kind === 'message') return step.authorId;
	return null;
}

export function lastSolveTime(steps: readonly Step[], times: readonly number[]): number | null {
	let solved: number | null = null;
	for (const [index, step] of steps.entries())
		if (step.kind === 'event' && step.newValue === 'solved') solved = times[index] ?? solved;
	return solved;
}

export const firstReplyMedianMin: Record<Priority | 'none', number> = {
	urgent: 40,
	high: 150,
	normal: 330,
	low: 700,
	none: 480,
};

/** How long agents take to answer first: log-normal around a median by priority; chat is minutes. */
export function firstReplyDelayMin(priority: Priority | null, channel: Channel, random: Random): number {
	if (channel === 'chat') return 0.5 + random.next() * 6;
	return firstReplyMedianMin[priority ?? 'none'] * Math.exp(random.gaussian() * 0.8);
}

export function npsScore(random: Random): number {
	return Number(random.weighted({10: 24, 9: 24, 8: 15, 7: 10, 6: 8, 5: 6, 4: 4, 3: 3, 2: 2, 1: 2, 0: 2}));
}

export function cesScore(random: Random): number {
	return Number(random.weighted({'7': 30, '6': 28, '5': 17, '4': 10, '3': 7, '2': 5, '1': 3}));
}

export const devices = ['iPhone · Safari', 'Android · Chrome', 'Windows · Edge', 'macOS · Chrome', 'iPad · Safari'];
