import * as z from 'zod';
import {Channel} from './ticket.js';

export const recordActions = [
	'reply',
	'note',
	'status',
	'assign',
	'tag',
	'escalate',
	'call',
	'chat',
	'email',
	'visit',
	'log-note',
	'create',
	'merge',
	'forward',
] as const;
export const RecordAction = z.enum(recordActions);
export type RecordAction = z.infer<typeof RecordAction>;

export const logTypes = ['call', 'chat', 'email', 'visit', 'note'] as const;
export const LogType = z.enum(logTypes);
export type LogType = z.infer<typeof LogType>;

export const outcomes = ['resolved', 'escalated', 'follow-up', 'no-answer'] as const;
export const Outcome = z.enum(outcomes);
export type Outcome = z.infer<typeof Outcome>;

/** One interaction, PRODUCT.md §5. Times are ISO 8601 UTC. */
export const InteractionRecord = z.object({
	id: z.string().min(1),
	at: z.string(),
	agent: z.string().nullable(),
	profile: z.string().nullable(),
	provider: z.string().nullable(),
	ticketId: z.string().nullable(),
	customer: z.object({email: z.string().nullable(), name: z.string().nullable()}),
	channel: Channel.nullable(),
	action: z.string(),
	template: z.string().nullable(),
	status: z.string().nullable(),
	outcome: Outcome.nullable(),
	durationSec: z.number().int().nonnegative().nullable(),
	summary: z.string().nullable(),
	followUpAt: z.string().nullable(),
});
export type InteractionRecord = z.infer<typeof InteractionRecord>;

export const FollowUp = z.object({
	id: z.string(),
	ticketId: z.string().nullable(),
	customerEmail: z.string().nullable(),
	dueAt: z.string(),
	note: z.string().nullable(),
	createdAt: z.string(),
	doneAt: z.string().nullable(),
	profile: z.string().nullable(),
	/** The agent who made it (their email, or user name). */
	agent: z.string().nullable(),
	/** The agent it is for: the maker, or a colleague (`followup add --to`). Null on follow-ups from before teams. */
	assignee: z.string().nullable(),
});
export type FollowUp = z.infer<typeof FollowUp>;
