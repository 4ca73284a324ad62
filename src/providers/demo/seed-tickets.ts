import type {Channel, Priority, TicketStatus} from '../../domain/ticket.js';
import {hostileTicket, type LanguagePack, type TextVars} from './corpus.js';
import {firstReplyDueMs, slaDueMs} from './schema.js';
import {
	type Customer,
	cesScore,
	dayMs,
	demoAgentId,
	firstReplyAuthor,
	groupIdOf,
	hourMs,
	lastSolveTime,
	minuteMs,
	npsScore,
	type Step,
} from './seed-plan.js';
import type {Random} from './seed-random.js';
import {attachmentFor} from './seed-text.js';
import {placeInTime} from './seed-thread.js';
import type {Writer} from './seed-writer.js';

/** Where a planned ticket is written, and the instant the desk is seeded at. */
export type TicketSink = {readonly writer: Writer; readonly nowMs: number};

/** Places the planned steps in time, writes the ticket, its thread, status events, ratings and surveys. */
export function writeTicket(
	sink: TicketSink,
	input: {
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
	},
): void {
	const {writer, nowMs} = sink;
	const {id, priority, channel, createdMs, steps, pack, vars, random} = input;
	let status = input.status;
	const times = placeInTime(nowMs, steps, createdMs, status, random);
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
	if (lastSolve !== null) writeFeedback(sink, id, channel, lastSolve, steps, pack, random);
	if (random.chance(0.22) && nowMs - createdMs > 2 * dayMs) {
		const at = createdMs + random.int(2 * 24, 10 * 24) * hourMs + random.int(0, 59) * minuteMs;
		if (at < nowMs) writer.survey(random.chance(0.75) ? id : null, at, 'nps', npsScore(random));
	}
}

export function writeFeedback(
	sink: TicketSink,
	id: number,
	channel: Channel,
	solvedMs: number,
	steps: Step[],
	pack: LanguagePack,
	random: Random,
): void {
	const {writer, nowMs} = sink;
	const wasReopened = steps.some((step) => step.kind === 'event' && step.oldValue === 'solved');
	if (random.chance(0.65)) {
		const at = solvedMs + random.int(60, 30 * 60) * minuteMs;
		if (at < nowMs) {
			const roll = random.next();
			const badShare = wasReopened ? 0.3 : 0.1;
			const score = roll < 0.3 ? 'offered' : roll < 0.3 + badShare ? 'bad' : 'good';
			const comment =
				score === 'offered' || random.chance(0.4) ? null : random.pick(score === 'good' ? pack.csatGood : pack.csatBad);
			writer.rating(id, at, score, comment, channel);
		}
	}
	if (random.chance(0.5)) {
		const at = solvedMs + random.int(30, 48 * 60) * minuteMs;
		if (at < nowMs) writer.survey(id, at, 'ces', cesScore(random));
	}
}

export function writeHostileTicket(
	sink: TicketSink,
	id: number,
	requesterId: number,
	createdMs: number,
	random: Random,
): void {
	const {writer, nowMs} = sink;
	writer.user({
		id: requesterId,
		role: 'customer',
		name: hostileTicket.requesterName,
		email: hostileTicket.requesterEmail,
		locale: 'en',
		phone: hostileTicket.requesterPhone,
		timeZone: 'Europe/London',
		organizationId: null,
		groupId: null,
	});
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
