import {describe, expect, it} from 'vitest';
import {describeAttachmentContract} from '../support/attachments-contract.js';
import {createVirtualClock} from '../support/fake-server.js';
import {zendeskOnFake} from './zendesk-setup.js';

describe('Zendesk attachments against the fake Zendesk', () => {
	describeAttachmentContract('zendesk', async () => {
		const {desk, fake} = await zendeskOnFake({clock: createVirtualClock()});
		const open = [...fake.tickets.values()].find((ticket) => ticket.status === 'open');
		if (open === undefined) throw new Error('the fake needs an open ticket');
		return {
			desk,
			ticketId: String(open.id),
			cleanup: () => fake.close(),
			ccOf: async (ticketId) => fake.emailCcs.get(Number(ticketId)) ?? [],
		};
	});

	it('uploads each file first and sends its token with the one comment', async () => {
		const {desk, fake} = await zendeskOnFake({clock: createVirtualClock()});
		try {
			const open = [...fake.tickets.values()].find((ticket) => ticket.status === 'open');
			const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]);
			await desk.sendMessage(
				String(open?.id),
				{
					body: 'Label attached',
					public: true,
					attachments: [{fileName: 'label.pdf', contentType: 'application/pdf', bytes, sha256: 'x'}],
				},
				{},
			);
			const uploads = fake.requests.filter((request) => request.pathname === '/api/v2/uploads.json');
			expect(uploads).toHaveLength(1);
			expect(uploads[0]?.query.get('filename')).toBe('label.pdf');
			expect(uploads[0]?.headers['content-type']).toBe('application/pdf');
			const put = fake.requests.find(
				(request) => request.method === 'PUT' && request.pathname.startsWith('/api/v2/tickets/'),
			);
			const comment = (JSON.parse(put?.body ?? '{}') as {ticket: {comment: {uploads: string[]}}}).ticket.comment;
			expect(comment.uploads).toEqual([...fake.uploads.keys()]);
		} finally {
			await desk.close();
			await fake.close();
		}
	});
});
