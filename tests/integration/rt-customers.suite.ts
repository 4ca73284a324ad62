import {beforeAll, describe, expect, it} from 'vitest';
import {ticketStatuses} from '../../src/domain/ticket.js';
import type {CustomerProfile, ProviderSetup} from '../../src/providers/help-desk.js';
import {createRtHelpDesk} from '../../src/providers/rt/rt-help-desk.js';
import {describeCustomerDirectoryContract} from '../support/customer-directory-contract.js';
import {type RtServer, rest2Client} from './rt-server.js';

/* RT users as csr's customer directory, against a real RT 5: run by rt-extras.test.ts on its shared server. */
export function describeRtCustomers(shared: () => RtServer): void {
	describe('RT 5 users as the customer directory (real server)', () => {
		let server: RtServer;
		let soren: CustomerProfile & {email: string};
		const setupFor = (token: string): ProviderSetup => ({
			profileName: 'rt',
			baseUrl: server.url,
			email: null,
			user: null,
			token,
			tokenSource: 'env-profile',
			oauth: null,
			saveOAuth: () => {},
			dataDir: server.home,
			now: () => new Date(),
			log: undefined,
		});

		beforeAll(async () => {
			server = shared();
			const root = rest2Client(server, server.root.token);
			await root.post('/user', {
				Name: 'soren@example.dk',
				EmailAddress: 'soren@example.dk',
				RealName: 'Søren Ærø',
				WorkPhone: '+45 20 30 40 50',
				Lang: 'da',
				Timezone: 'Europe/Copenhagen',
				Organization: 'Nørregade Revision ApS',
			});
			const record = (await root.get('/user/soren@example.dk')) as {id: number};
			soren = {
				id: String(record.id),
				name: 'Søren Ærø',
				email: 'soren@example.dk',
				phone: '+45 20 30 40 50',
				locale: 'da',
				organization: {id: 'Nørregade Revision ApS', name: 'Nørregade Revision ApS'},
				timeZone: 'Europe/Copenhagen',
			};
			await root.createTicket({Queue: 'General', Subject: 'Order 1234567 is late', Requestor: 'soren@example.dk'});
			const solved = await root.createTicket({
				Queue: 'General',
				Subject: 'Order 1234567 again',
				Requestor: 'soren@example.dk',
			});
			await root.put(`/ticket/${solved}`, {Status: 'resolved'});
			await root.createTicket({Queue: 'General', Subject: 'Someone else', Requestor: 'ann@example.com'});
		}, 120_000);

		describeCustomerDirectoryContract('rt (root, who sees whole user records)', async () => ({
			desk: createRtHelpDesk(setupFor(server.root.token)),
			known: soren,
			unknown: {email: 'nobody@example.invalid', id: '99999'},
		}));

		it("gives a plain agent RT's summary: name, email and id, the rest not shown to them", async () => {
			const desk = createRtHelpDesk(setupFor(server.agent.token));
			try {
				expect(await desk.findCustomer({email: 'soren@example.dk'})).toEqual({
					...soren,
					phone: null,
					locale: null,
					organization: null,
					timeZone: null,
				});
			} finally {
				await desk.close();
			}
		});

		it("lists the requester's tickets in every status with TicketSQL Requestor.EmailAddress", async () => {
			const desk = createRtHelpDesk(setupFor(server.agent.token));
			try {
				const page = await desk.listTickets({
					statuses: ticketStatuses,
					assignee: 'any',
					requester: 'SOREN@example.dk',
					search: 'SOREN@example.dk',
					sort: 'created',
					limit: 50,
				});
				expect(page.tickets.map((ticket) => [ticket.subject, ticket.status])).toEqual([
					['Order 1234567 again', 'solved'],
					['Order 1234567 is late', 'new'],
				]);
			} finally {
				await desk.close();
			}
		});
	});
}
