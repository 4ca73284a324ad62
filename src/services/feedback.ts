import {createHash} from 'node:crypto';
import type {Channel} from '../domain/ticket.js';
import {cesHardMax, npsDetractorMax} from '../kpi/scores.js';
import type {HelpDesk} from '../providers/help-desk.js';
import type {RecordStore} from '../store/record-store.js';

/** Which answers `csr feedback` lists: bad CSAT ratings, NPS detractors (0–6), hard CES answers (1–3 of 7). */
export type FeedbackKind = 'bad' | 'detractor' | 'hard';

export type FeedbackItem = {
	/** The rating's or survey answer's id at the desk, prefixed by its source (`csat:12`, `nps:7`, `ces:9`). */
	readonly id: string;
	readonly kind: FeedbackKind;
	readonly at: string;
	/** `bad` for CSAT, the number for NPS and CES. */
	readonly score: string;
	readonly comment: string | null;
	readonly ticketId: string | null;
	readonly subject: string | null;
	readonly channel: Channel | null;
	/** The ticket's assignee now. */
	readonly agent: string | null;
	readonly customerEmail: string | null;
};

export type FeedbackQuery = {
	readonly since: Date;
	readonly kinds: readonly FeedbackKind[];
};

/** Every page of a desk export; answers older than `since` are dropped as they come. */
async function collect<T extends {at: string}>(
	exportPage: (cursor: string | null) => Promise<{items: readonly T[]; nextCursor: string | null}>,
	since: Date,
	signal: AbortSignal,
): Promise<T[]> {
	const items: T[] = [];
	let cursor: string | null = null;
	do {
		signal.throwIfAborted();
		const page = await exportPage(cursor);
		items.push(...page.items.filter((item) => Date.parse(item.at) >= since.getTime()));
		cursor = page.nextCursor;
	} while (cursor !== null);
	return items;
}

/** Bad ratings, detractors and hard answers since `since`, newest first, with the ticket's channel and agent. */
export async function listFeedback(desk: HelpDesk, query: FeedbackQuery, signal: AbortSignal): Promise<FeedbackItem[]> {
	const found: Omit<FeedbackItem, 'subject' | 'agent' | 'customerEmail'>[] = [];
	if (query.kinds.includes('bad') && desk.capabilities.supportsSatisfaction) {
		const ratings = await collect((cursor) => desk.exportSatisfaction(cursor, signal), query.since, signal);
		for (const rating of ratings.filter((item) => item.score === 'bad')) {
			const {ticketId, at, comment, channel} = rating;
			found.push({id: `csat:${rating.id}`, kind: 'bad', at, score: 'bad', comment, ticketId, channel});
		}
	}
	const wantsSurveys = query.kinds.includes('detractor') || query.kinds.includes('hard');
	if (wantsSurveys && desk.capabilities.supportsSurveys) {
		const answers = await collect((cursor) => desk.exportSurveys(cursor, signal), query.since, signal);
		for (const answer of answers) {
			const kind: FeedbackKind | null =
				answer.kind === 'nps' && answer.score <= npsDetractorMax
					? 'detractor'
					: answer.kind === 'ces' && answer.score <= cesHardMax
						? 'hard'
						: null;
			if (kind === null || !query.kinds.includes(kind)) continue;
			found.push({
				id: `${answer.kind}:${answer.id}`,
				kind,
				at: answer.at,
				score: String(answer.score),
				comment: answer.comment ?? null,
				ticketId: answer.ticketId,
				channel: null,
			});
		}
	}
	const ids = [...new Set(found.flatMap((item) => (item.ticketId === null ? [] : [item.ticketId])))];
	const tickets = new Map((await desk.getTickets(ids, signal)).map((ticket) => [ticket.id, ticket]));
	return found
		.map((item): FeedbackItem => {
			const ticket = item.ticketId === null ? undefined : tickets.get(item.ticketId);
			return {
				...item,
				subject: ticket?.subject ?? null,
				channel: item.channel ?? ticket?.channel ?? null,
				agent: ticket?.assignee?.name ?? null,
				customerEmail: ticket?.requester.email ?? null,
			};
		})
		.sort((a, b) => b.at.localeCompare(a.at) || a.id.localeCompare(b.id));
}

/** The follow-up id for one piece of feedback on one profile: the same answer never gets a second callback. */
export function feedbackFollowUpId(profile: string, item: Pick<FeedbackItem, 'id'>): string {
	return `fb-${createHash('sha256').update(`${profile}\u0000${item.id}`).digest('hex').slice(0, 20)}`;
}

const kindWords: Readonly<Record<FeedbackKind, string>> = {
	bad: 'bad CSAT rating',
	detractor: 'NPS detractor',
	hard: 'hard CES answer',
};

/**
 * A callback follow-up due `dueAt` for each answer with a ticket, exactly once: an answer that already has its
 * follow-up (done or not) is counted as existing, so running the same command again creates nothing.
 */
export async function addFeedbackFollowUps(
	store: RecordStore,
	items: readonly FeedbackItem[],
	options: {profile: string; agent: string | null; dueAt: Date; now: Date},
): Promise<{created: string[]; existing: string[]}> {
	const created: string[] = [];
	const existing: string[] = [];
	for (const item of items) {
		if (item.ticketId === null) continue;
		const id = feedbackFollowUpId(options.profile, item);
		if ((await store.findFollowUps(id, 1)).some((followUp) => followUp.id === id)) {
			existing.push(item.id);
			continue;
		}
		const said = item.comment?.trim() ? `: “${item.comment.trim().slice(0, 200)}”` : '';
		await store.addFollowUp({
			id,
			ticketId: item.ticketId,
			customerEmail: item.customerEmail,
			dueAt: options.dueAt.toISOString(),
			note: `Call back: ${kindWords[item.kind]} (${item.score})${said}`,
			createdAt: options.now.toISOString(),
			doneAt: null,
			profile: options.profile,
			// The agent who ran it makes the callback; on a team store it is in their own list.
			agent: options.agent,
			assignee: options.agent,
		});
		created.push(item.id);
	}
	return {created, existing};
}
