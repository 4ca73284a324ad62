import {randomUUID} from 'node:crypto';
import type {FollowUp} from '../domain/records.js';
import {startOfNextUtcDay} from '../domain/time.js';
import {FailedError, UsageError} from '../errors.js';
import type {RecordStore} from '../store/record-store.js';
import {type Clock, isEmail, resolveById} from './records.js';

/**
 * Where a follow-up stands at `now`: done; overdue (its time has passed); today (due before the end of the UTC day);
 * upcoming.
 */
export type FollowUpState = 'done' | 'overdue' | 'today' | 'upcoming';

export function followUpStateOf(followUp: FollowUp, now: Date): FollowUpState {
	if (followUp.doneAt !== null) return 'done';
	const due = Date.parse(followUp.dueAt);
	if (due <= now.getTime()) return 'overdue';
	return due < startOfNextUtcDay(now).getTime() ? 'today' : 'upcoming';
}

/**
 * `list --due`: what the agent should handle today (due before the end of the UTC day, overdue included);
 * `--overdue`: only those whose time has passed; `--done`: finished ones; `all`: everything.
 */
export type FollowUpView = 'open' | 'due' | 'overdue' | 'done' | 'all';

export async function listFollowUps(
	store: RecordStore,
	view: FollowUpView,
	now: Date,
	options: {limit?: number | undefined; assignee?: string | undefined} = {},
): Promise<FollowUp[]> {
	switch (view) {
		case 'open':
			return store.listFollowUps({state: 'open', limit: options.limit, assignee: options.assignee});
		case 'due':
			return store.listFollowUps({
				state: 'open',
				dueBefore: startOfNextUtcDay(now).toISOString(),
				limit: options.limit,
				assignee: options.assignee,
			});
		case 'overdue':
			// `<` on text: due exactly now is overdue too, so compare with the next millisecond.
			return store.listFollowUps({
				state: 'open',
				dueBefore: new Date(now.getTime() + 1).toISOString(),
				limit: options.limit,
				assignee: options.assignee,
			});
		case 'done':
			return store.listFollowUps({state: 'done', limit: options.limit, assignee: options.assignee});
		case 'all':
			return store.listFollowUps({state: 'all', limit: options.limit, assignee: options.assignee});
	}
}

/** How many follow-ups `list --due` would show (for `assignee` only when given): the COUNT behind `csr queue`'s hint. */
export function countDueFollowUps(store: RecordStore, now: Date, assignee?: string): Promise<number> {
	return store.countFollowUpsDueBefore(startOfNextUtcDay(now).toISOString(), assignee);
}

/** The hint `csr queue` prints on a TTY, or null when nothing is due. */
export function formatDueHint(count: number): string | null {
	if (count === 0) return null;
	return `${count} follow-up${count === 1 ? '' : 's'} due: csr followup list --due`;
}

export type FollowUpInput = {
	readonly ticketId: string;
	readonly dueAt: Date;
	readonly note: string | null;
	/** When absent, taken from the ticket's latest record, so a purge of the customer finds the follow-up too. */
	readonly customerEmail?: string | null | undefined;
	readonly profile: string | null;
	/** Who makes it (the agent's email or user name). */
	readonly agent: string | null;
	/** Whom it is for: a colleague (`--to`), else the maker. */
	readonly assignee?: string | null | undefined;
};

export async function addFollowUp(store: RecordStore, input: FollowUpInput, clock: Clock): Promise<FollowUp> {
	if (input.customerEmail !== undefined && input.customerEmail !== null && !isEmail(input.customerEmail)) {
		throw new UsageError(`invalid --customer "${input.customerEmail}": expected an email address`);
	}
	const customerEmail =
		input.customerEmail === undefined
			? ((await store.customerOfTicket(input.ticketId))?.email ?? null)
			: input.customerEmail;
	const followUp: FollowUp = {
		id: (clock.newId ?? randomUUID)(),
		ticketId: input.ticketId,
		customerEmail,
		dueAt: input.dueAt.toISOString(),
		note: input.note === null || input.note.trim() === '' ? null : input.note,
		createdAt: clock.now.toISOString(),
		doneAt: null,
		profile: input.profile,
		agent: input.agent,
		assignee: input.assignee ?? input.agent,
	};
	await store.addFollowUp(followUp);
	return followUp;
}

export function getFollowUp(store: RecordStore, idOrPrefix: string): Promise<FollowUp> {
	return resolveById((id, limit) => store.findFollowUps(id, limit), idOrPrefix, 'follow-up');
}

/** Marks a follow-up done. Already done: reported, not an error (running `done` twice is harmless). */
export async function completeFollowUp(
	store: RecordStore,
	idOrPrefix: string,
	now: Date,
): Promise<{followUp: FollowUp; wasAlreadyDone: boolean}> {
	const followUp = await getFollowUp(store, idOrPrefix);
	const doneAt = now.toISOString();
	const changed = await store.completeFollowUp(followUp.id, doneAt);
	if (!changed) return {followUp: (await getFollowUp(store, followUp.id)) ?? followUp, wasAlreadyDone: true};
	return {followUp: {...followUp, doneAt}, wasAlreadyDone: false};
}

/** Moves an open follow-up to a new due time. */
export async function snoozeFollowUp(store: RecordStore, idOrPrefix: string, dueAt: Date): Promise<FollowUp> {
	const followUp = await getFollowUp(store, idOrPrefix);
	const changed = await store.rescheduleFollowUp(followUp.id, dueAt.toISOString());
	if (!changed) {
		throw new FailedError(
			`follow-up ${followUp.id} is already done`,
			'Add a new one with `csr followup add TICKET --in 1d`.',
		);
	}
	return {...followUp, dueAt: dueAt.toISOString()};
}
