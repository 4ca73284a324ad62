import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ConflictError} from '../../src/errors.js';
import {executeMerge, planMerge} from '../../src/services/merge.js';
import {openDatabase} from '../../src/store/database.js';
import {installFreshdeskMergeForward} from '../support/fake-merge-forward.js';
import {createVirtualClock} from '../support/fake-server.js';
import {describeForwardContract, describeMergeContract} from '../support/merge-forward-contract.js';
import {freshdeskOnFake} from './freshdesk-setup.js';

// Status 2 is Freshdesk's open.
async function onFake() {
	const setup = await freshdeskOnFake({clock: createVirtualClock(), tickets: 12, statusFor: () => 2});
	return {...setup, state: installFreshdeskMergeForward(setup.fake)};
}

const contractCase = async () => {
	const {desk, fake, state} = await onFake();
	return {
		desk,
		cleanup: () => fake.close(),
		openTickets: async (): Promise<[string, string, string]> => ['2', '3', '4'],
		missingId: '999999',
		sentToThirdParties: async (ticketId: string) =>
			state.forwards.filter((entry) => entry.ticketId === Number(ticketId)).map(({files}) => ({files})),
		forwardsInOneRequest: true,
	};
};
describeMergeContract('freshdesk (fake)', contractCase);
describeForwardContract('freshdesk (fake)', contractCase);

describe('freshdesk: merge and forward requests', () => {
	it('merges with primary_id, ticket_ids and private notes on both sides', async () => {
		const {desk, state, close} = await onFake();
		try {
			await desk.mergeTickets({sourceIds: ['2'], targetId: '6', comment: 'Same <order>'});
			expect(state.merges).toEqual([
				{
					primary_id: 6,
					ticket_ids: [2],
					note_in_primary: {body: '<p>Ticket #2 merged into this ticket.</p><p>Same &lt;order&gt;</p>', private: true},
					note_in_secondary: {body: '<p>Merged into ticket #6.</p><p>Same &lt;order&gt;</p>', private: true},
				},
			]);
		} finally {
			await close();
		}
	});

	it('forwards to every recipient with a first line naming them (the entry the ticket keeps)', async () => {
		const {desk, state, close} = await onFake();
		try {
			const result = await desk.forwardTicket(
				'3',
				{to: ['claims@carrier.example'], note: 'Damaged', subject: 'Fwd', body: 'Damaged\n\nFrom: <b>customer</b>'},
				{},
			);
			expect(result.via).toBe('forward');
			expect(state.forwards).toEqual([
				{
					ticketId: 3,
					body: {
						body: '<p>Forwarded to claims@carrier.example.</p><p>Damaged</p><p>From: &lt;b&gt;customer&lt;/b&gt;</p>',
						to_emails: ['claims@carrier.example'],
						include_quoted_text: false,
					},
					files: [],
				},
			]);
		} finally {
			await close();
		}
	});

	it('refuses a merge when a ticket changed after the plan read it (Freshdesk cannot check inside the write)', async () => {
		const {desk, fake, state, close} = await onFake();
		const dir = mkdtempSync(join(tmpdir(), 'csr-fd-merge-'));
		const db = openDatabase(join(dir, 'csr.db'));
		try {
			const env = {desk, db, profile: 'fd', agent: null, now: () => new Date()};
			const plan = await planMerge(env, {sourceIds: ['2'], targetId: '6', comment: null});
			fake.addConversation(2, {userId: fake.me.id, body: 'the customer again', incoming: true, private: false});
			await expect(executeMerge(env, plan)).rejects.toBeInstanceOf(ConflictError);
			expect(state.merges).toEqual([]);
		} finally {
			db.close();
			rmSync(dir, {recursive: true, force: true});
			await close();
		}
	});
});
