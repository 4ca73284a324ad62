import {describe, expect, it} from 'vitest';
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
	const {desk, fake} = await onFake();
	return {
		desk,
		cleanup: () => fake.close(),
		openTickets: async (): Promise<[string, string, string]> => ['2', '3', '4'],
		missingId: '999999',
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
					},
				},
			]);
		} finally {
			await close();
		}
	});
});
