import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {readAttachmentFile} from '../../src/services/attachments.js';
import {executeForward, planForward} from '../../src/services/forward.js';
import {openDatabase} from '../../src/store/database.js';
import {findDelivery} from '../../src/store/journal.js';
import {installZendeskMergeForward} from '../support/fake-merge-forward.js';
import {createVirtualClock} from '../support/fake-server.js';
import {describeForwardContract, describeMergeContract} from '../support/merge-forward-contract.js';
import {zendeskOnFake} from './zendesk-setup.js';

// Tickets 1..12 open (no closed, solved or hold among them), so any three make a merge.
const allOpen = () => 'open';

async function onFake(sideConversations = true) {
	const setup = await zendeskOnFake({clock: createVirtualClock(), tickets: 12, statusFor: allOpen});
	const state = installZendeskMergeForward(setup.fake, {sideConversations});
	return {...setup, state};
}

const contractCase = (sideConversations: boolean) => async () => {
	const {desk, fake, state} = await onFake(sideConversations);
	return {
		desk,
		cleanup: () => fake.close(),
		openTickets: async (): Promise<[string, string, string]> => ['2', '3', '4'],
		missingId: '999999',
		sentToThirdParties: async (ticketId: string) => state.sentFrom(Number(ticketId)),
	};
};
describeMergeContract('zendesk (fake)', contractCase(true));
describeForwardContract('zendesk (fake, side conversations)', contractCase(true));
describeForwardContract('zendesk (fake, no side conversations)', contractCase(false));

describe('zendesk: merge and forward requests', () => {
	it('merges with ids and private comments on both sides, and polls the job until it completes', async () => {
		const {desk, fake, state, close} = await onFake();
		try {
			const result = await desk.mergeTickets({sourceIds: ['2', '3'], targetId: '5', comment: 'Same parcel'});
			expect(result.target.id).toBe('5');
			expect(state.merges).toEqual([
				{
					targetId: 5,
					ids: [2, 3],
					target_comment: 'Tickets #2, #3 merged into this ticket.\n\nSame parcel',
					source_comment: 'Merged into ticket #5.\n\nSame parcel',
					target_comment_is_public: false,
					source_comment_is_public: false,
				},
			]);
			const polls = fake.requests.filter((request) => request.pathname.startsWith('/api/v2/job_statuses/V3-merge'));
			expect(polls).toHaveLength(1);
			expect(fake.tickets.get(2)?.status).toBe('closed');
		} finally {
			await close();
		}
	});

	it('says what Zendesk refused (a closed source) and leaves the tickets as they were', async () => {
		const {desk, fake, close} = await onFake();
		try {
			const ticket = fake.tickets.get(2);
			if (ticket) ticket.status = 'closed';
			await expect(desk.mergeTickets({sourceIds: ['2'], targetId: '5', comment: null})).rejects.toThrow(
				/Closed tickets cannot be merged/,
			);
			expect(fake.tickets.get(5)?.status).toBe('open');
		} finally {
			await close();
		}
	});

	it('forwards as a side conversation to every recipient, then notes it on the ticket', async () => {
		const {desk, state, close} = await onFake();
		try {
			const result = await desk.forwardTicket(
				'4',
				{
					to: ['claims@carrier.example', 'wh@warehouse.example'],
					note: null,
					subject: 'Fwd: parcel',
					body: 'the thread',
				},
				{},
			);
			expect(result.via).toBe('side-conversation');
			expect(state.sideConversations).toEqual([
				{
					ticketId: 4,
					message: {
						subject: 'Fwd: parcel',
						body: 'the thread',
						to: [{email: 'claims@carrier.example'}, {email: 'wh@warehouse.example'}],
					},
					files: [],
				},
			]);
			expect(state.createdTickets).toEqual([]);
		} finally {
			await close();
		}
	});

	it('without side conversations (403), opens a linked ticket for the third party under the idempotency key', async () => {
		const {desk, state, close} = await onFake(false);
		try {
			const request = {
				to: ['claims@carrier.example', 'wh@warehouse.example'],
				note: null,
				subject: 'Fwd: parcel',
				body: 'the thread',
			};
			const result = await desk.forwardTicket('4', request, {idempotencyKey: 'csr-abc'});
			expect(result.via).toBe('linked-ticket');
			expect(result.linkedTicketId).toBe(String(state.createdTickets[0]?.id));
			const created = state.createdTickets[0]?.body['ticket'] as Record<string, unknown>;
			expect(created['requester']).toEqual({email: 'claims@carrier.example', name: 'claims@carrier.example'});
			expect(created['email_ccs']).toEqual([{user_email: 'wh@warehouse.example', action: 'put'}]);
			expect(created['comment']).toEqual({body: 'About ticket #4.\n\nthe thread', public: true});
			expect(state.createdTickets[0]?.key).toBe('csr-abc');
			const thread = await desk.getThread('4');
			expect(thread.messages.at(-1)?.text).toContain(`(sent as ticket #${result.linkedTicketId})`);
		} finally {
			await close();
		}
	});
});

describe('zendesk: a forward interrupted between the outbound message and the note', () => {
	// The crash window: Zendesk accepted the side conversation (or the linked ticket), then the note on the ticket
	// failed in a way that leaves its fate unknown (503), so the journal still says `sending`. The same command again
	// must find what the first attempt made and only write the note: the carrier gets one mail, with one set of files.
	for (const sideConversations of [true, false]) {
		it(`${sideConversations ? 'side conversation' : 'linked ticket'}: the re-run sends nothing twice and notes it once`, async () => {
			const {desk, fake, state, close} = await onFake(sideConversations);
			const dir = mkdtempSync(join(tmpdir(), 'csr-zd-forward-'));
			const db = openDatabase(join(dir, 'csr.db'));
			try {
				writeFileSync(join(dir, 'label.pdf'), '%PDF-1.4\n% return label\n%%EOF\n');
				const files = [readAttachmentFile(join(dir, 'label.pdf'), '--attach').planned];
				const env = {desk, db, profile: 'zd', agent: 'agent@example.com', now: () => new Date()};
				const input = {
					ticketId: '4',
					to: ['claims@carrier.example'],
					note: 'Damaged',
					lastOnly: false,
					attachments: files,
				};
				const inner = fake.intercept;
				let failNote = true;
				fake.intercept = (request) => {
					// Every attempt of the first run (csr repeats a safe update after a 5xx): the note does not land.
					if (failNote && request.method === 'PUT' && /^\/api\/v2\/tickets\/4(\.json)?$/.test(request.pathname))
						return {status: 503, json: {error: 'ServiceUnavailable', description: 'try again'}};
					return inner?.(request);
				};
				const first = await planForward(env, input);
				await expect(executeForward(env, first)).rejects.toThrow(/may or may not have gone out/);
				failNote = false;
				expect(findDelivery(db, 'zd', 'forward:4', first.intentHash)?.state).toBe('sending');
				expect(state.sentFrom(4)).toHaveLength(1);

				const again = await planForward(env, input);
				const outcome = await executeForward(env, again);
				expect(outcome.result).toBe('forwarded');
				const sent = state.sentFrom(4);
				expect(sent).toHaveLength(1);
				expect(sent[0]?.files.map((file) => file.name)).toEqual(['label.pdf']);
				const notes = (await desk.getThread('4')).messages.filter((message) =>
					message.text.includes('Forwarded to claims@carrier.example'),
				);
				expect(notes).toHaveLength(1);
				expect(findDelivery(db, 'zd', 'forward:4', first.intentHash)?.state).toBe('sent');
			} finally {
				db.close();
				rmSync(dir, {recursive: true, force: true});
				await close();
			}
		});
	}
});
