import type {FollowUp, InteractionRecord} from '../../../src/domain/records.js';

/** Test data for records and follow-ups. */
export function aRecord(overrides: Partial<InteractionRecord> = {}): InteractionRecord {
	return {
		id: 'r1',
		at: '2026-11-20T10:00:00.000Z',
		agent: 'agent@example.com',
		profile: 'demo',
		provider: 'demo',
		ticketId: '42',
		customer: {email: 'ann@example.com', name: 'Ann Berg'},
		channel: 'phone',
		action: 'call',
		template: null,
		status: null,
		outcome: 'resolved',
		durationSec: 420,
		summary: 'Explained the refund',
		followUpAt: null,
		...overrides,
	};
}

export function aFollowUp(overrides: Partial<FollowUp> = {}): FollowUp {
	return {
		id: 'f1',
		ticketId: '42',
		customerEmail: 'ann@example.com',
		dueAt: '2026-11-21T10:00:00.000Z',
		note: 'call back',
		createdAt: '2026-11-20T10:00:00.000Z',
		doneAt: null,
		profile: 'demo',
		agent: 'you@demo.csr',
		assignee: 'you@demo.csr',
		...overrides,
	};
}
