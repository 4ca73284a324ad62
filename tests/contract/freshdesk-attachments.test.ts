import {describe, expect, it} from 'vitest';
import {describeAttachmentContract} from '../support/attachments-contract.js';
import {createVirtualClock} from '../support/fake-server.js';
import {parseMultipart} from '../support/multipart-parse.js';
import {freshdeskOnFake} from './freshdesk-setup.js';

describe('Freshdesk attachments against the fake Freshdesk', () => {
	describeAttachmentContract('freshdesk', async () => {
		const {desk, fake} = await freshdeskOnFake({clock: createVirtualClock()});
		const open = [...fake.tickets.values()].find((ticket) => ticket.status === 2);
		if (open === undefined) throw new Error('the fake needs an open ticket');
		return {
			desk,
			ticketId: String(open.id),
			cleanup: () => fake.close(),
			ccOf: async (ticketId) => {
				const last = fake.conversations.get(Number(ticketId))?.at(-1);
				return (last?.['cc_emails'] as string[] | undefined) ?? [];
			},
		};
	});

	it('sends files as multipart attachments[] with cc_emails[], and fetches them without the API key', async () => {
		const {desk, fake} = await freshdeskOnFake({clock: createVirtualClock()});
		try {
			const open = [...fake.tickets.values()].find((ticket) => ticket.status === 2);
			const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x0a, 0x00, 0xff]);
			await desk.sendMessage(
				String(open?.id),
				{
					body: 'Label attached',
					public: true,
					cc: ['carrier@example.com'],
					attachments: [{fileName: 'label "1".pdf', contentType: 'application/pdf', bytes, sha256: 'x'}],
				},
				{},
			);
			const reply = fake.requests.find((request) => request.pathname.endsWith('/reply'));
			const parts = parseMultipart(reply?.headers['content-type'], reply?.raw ?? Buffer.alloc(0)) ?? [];
			expect(parts.map((part) => part.name)).toEqual(['body', 'cc_emails[]', 'attachments[]']);
			expect(parts[2]?.data.equals(Buffer.from(bytes))).toBe(true);
			const thread = await desk.getThread(String(open?.id));
			const attachment = thread.messages.at(-1)?.attachments[0];
			if (attachment === undefined) throw new Error('no attachment listed');
			const download = fake.requests.length;
			await desk.downloadAttachment(String(open?.id), attachment);
			const fetched = fake.requests.slice(download).find((request) => request.pathname.startsWith('/s3/'));
			expect(fetched?.headers.authorization).toBeUndefined();
		} finally {
			await desk.close();
			await fake.close();
		}
	});
});
