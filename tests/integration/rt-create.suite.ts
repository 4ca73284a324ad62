import {mkdtempSync, rmSync} from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {DatabaseSync} from 'node:sqlite';
import {beforeAll, describe, expect, it} from 'vitest';
import type {NewTicket, ProviderSetup} from '../../src/providers/help-desk.js';
import {createRtHelpDesk} from '../../src/providers/rt/rt-help-desk.js';
import {deliverNew} from '../../src/services/new-tickets.js';
import {openDatabase} from '../../src/store/database.js';
import {findDelivery} from '../../src/store/journal.js';
import {describeTicketCreationContract, plannedCreate} from '../support/creation-contract.js';
import {createSandbox} from '../support/e2e.js';
import {type RtServer, rest2Client} from './rt-server.js';

/*
 * Ticket creation against a real RT 5 (skipped without RT unless CSR_REQUIRE_RT=1, as tests/integration/rt.test.ts):
 * the shared creation contract, and a create whose answer is lost on the way back (a proxy drops the connection after
 * RT made the ticket), then the re-run: exactly one ticket.
 */
let server: RtServer | undefined;
const setupFor = (rt: RtServer, baseUrl = rt.url): ProviderSetup => ({
	profileName: 'rt',
	baseUrl,
	email: null,
	user: null,
	token: rt.agent.token,
	tokenSource: 'env-profile',
	oauth: null,
	saveOAuth: () => {},
	dataDir: rt.home,
	now: () => new Date(),
	log: undefined,
});

/** The ids of the requester's tickets, from RT itself (TicketSQL as root). */
async function rtTicketsOf(rt: RtServer, email: string): Promise<string[]> {
	return rest2Client(rt, rt.root.token).ticketIds(`Requestor.EmailAddress = '${email}'`);
}

/** Run by rt-extras.test.ts on its shared server. */
export function describeRtCreation(shared: () => RtServer): void {
	describe('RT 5: opening tickets (real server)', () => {
		beforeAll(async () => {
			server = shared();
			const root = rest2Client(server, server.root.token);
			await root.post('/queue', {Name: 'Outreach', CorrespondAddress: 'outreach@csr.test'});
			await root.post('/customfield', {Name: 'Tags', Type: 'Freeform', MaxValues: 0, Queue: 'Outreach'});
		}, 120_000);
		describeTicketCreationContract('RT 5', async () => {
			const rt = server as RtServer;
			const desk = createRtHelpDesk(setupFor(rt));
			return {
				desk,
				cleanup: () => desk.close(),
				group: 'Outreach',
				ticketsOf: (email) => rtTicketsOf(rt, email),
			};
		});

		const spec = (email: string): NewTicket => ({
			requester: {email, name: 'Rita Requestor'},
			subject: 'Your recall kit',
			body: 'Hi Rita, the recall kit is on its way.',
			channel: 'email',
			group: 'Outreach',
			tags: ['recall'],
			assignee: 'me',
			status: 'open',
			cc: ['carrier@example.org'],
		});

		it('puts queue, requestor, Cc, owner, status, tags and the marker link on the new ticket', async () => {
			const rt = server as RtServer;
			const desk = createRtHelpDesk(setupFor(rt));
			try {
				const created = await desk.createTicket(spec('rita1@example.net'), {idempotencyKey: 'csr-rt-fields'});
				expect(created.ticket).toMatchObject({
					status: 'open',
					group: {name: 'Outreach'},
					tags: ['recall'],
					requester: {email: 'rita1@example.net', name: 'Rita Requestor'},
				});
				expect(created.ticket.assignee?.id).toBe('agent');
				const raw = (await rest2Client(rt, rt.root.token).get(`/ticket/${created.ticket.id}`)) as {
					Cc: {id: string}[];
				};
				expect(raw.Cc.map((cc) => cc.id)).toEqual(['carrier@example.org']);
				expect(await desk.findCreatedTicket('rita1@example.net', 'csr-rt-fields')).toBe(created.ticket.id);
			} finally {
				await desk.close();
			}
		});

		it('the answer lost after RT made the ticket: the run fails, the re-run finds it, exactly one ticket', async () => {
			const rt = server as RtServer;
			const target = new URL(rt.url);
			let drop = true;
			let creates = 0;
			// A proxy that passes everything to RT, but drops the connection instead of answering a create.
			const proxy = http.createServer((request, response) => {
				const creating = request.method === 'POST' && request.url === '/REST/2.0/ticket';
				if (creating) creates += 1;
				const upstream = http.request(
					{
						host: target.hostname,
						port: target.port,
						path: request.url,
						method: request.method,
						headers: request.headers,
					},
					(answer) => {
						if (creating && drop) {
							answer.resume();
							answer.on('end', () => request.socket.destroy());
							return;
						}
						response.writeHead(answer.statusCode ?? 502, answer.headers);
						answer.pipe(response);
					},
				);
				request.pipe(upstream);
			});
			proxy.listen(0, '127.0.0.1');
			await new Promise((resolve) => proxy.once('listening', resolve));
			const port = (proxy.address() as AddressInfo).port;
			const desk = createRtHelpDesk(setupFor(rt, `http://127.0.0.1:${port}`));
			const dir = mkdtempSync(join(tmpdir(), 'csr-rt-create-'));
			const db = openDatabase(join(dir, 'csr.db'));
			try {
				const input = spec('rita2@example.net');
				const item = plannedCreate(input, 'rt-lost-answer');
				const env = {desk, db, profile: 'rt', agent: null, now: () => new Date()};
				const first = await deliverNew(env, item, {runId: null});
				expect(first.result).toBe('failed');
				expect(first.reason).toMatch(/run the same command again/);
				expect(findDelivery(db, 'rt', item.ticketId, item.intentHash)?.state).toBe('sending');
				const made = await rtTicketsOf(rt, 'rita2@example.net');
				expect(made).toHaveLength(1);
				drop = false;
				const rerun = await deliverNew(env, item, {runId: null});
				expect(rerun).toMatchObject({ticketId: made[0], result: 'skipped'});
				expect(creates).toBe(1);
				expect(await rtTicketsOf(rt, 'rita2@example.net')).toEqual(made);
			} finally {
				db.close();
				rmSync(dir, {recursive: true, force: true});
				await desk.close();
				proxy.closeAllConnections();
				await new Promise((resolve) => proxy.close(resolve));
			}
		});

		it('csr new (built bin) to 8 piped recipients, SIGKILLed mid-run, then the same command: exactly one ticket each', async () => {
			const rt = server as RtServer;
			const box = createSandbox({CSR_TOKEN_TRACKER: rt.agent.token});
			try {
				const added = await box.csr(['profile', 'add', 'tracker', '--provider', 'rt', '--url', rt.url, '--use']);
				expect(added.exitCode, added.stderr).toBe(0);
				const emails = Array.from({length: 8}, (_, index) => `killed${index}@example.net`);
				const stdin = `${emails.join('\n')}\n`;
				const args = [
					'new',
					'--to',
					'-',
					'--subject',
					'Recall of batch 9',
					'--body',
					'Hi, batch 9 is recalled; a return label follows.',
					'--group',
					'Outreach',
					'--cc',
					'recalls@example.org',
					'--yes',
					'--format',
					'ndjson',
				];
				// Killed once two tickets are reported: the third create is in flight (or just answered, unrecorded).
				expect(await box.killMidRun(args, {stdin, afterLines: 2})).toBe('SIGKILL');
				// What the kill left: a create csr had started but not recorded (`sending`), the case RT's marker is for.
				const journal = new DatabaseSync(join(box.home, 'data', 'csr.db'), {readOnly: true});
				const inFlight = journal.prepare("SELECT count(*) AS n FROM deliveries WHERE state = 'sending'").get() as {
					n: number;
				};
				journal.close();
				expect(inFlight.n).toBeGreaterThanOrEqual(1);
				const before = await Promise.all(emails.map((email) => rtTicketsOf(rt, email)));
				expect(before.filter((ids) => ids.length > 0).length).toBeGreaterThanOrEqual(2);
				expect(before.filter((ids) => ids.length > 0).length).toBeLessThan(8);

				const rerun = await box.csr(args, {stdin});
				expect(rerun.exitCode, rerun.stderr).toBe(0);
				expect(rerun.stderr).toContain('continuing run');
				// RT keeps --cc on the ticket: the agent is told.
				expect(rerun.stderr).toContain(
					"Request Tracker has no one-time CC: recalls@example.org becomes one of the ticket's Cc watchers",
				);
				const rows = rerun.stdout
					.trim()
					.split('\n')
					.map((line) => JSON.parse(line) as {result: string});
				expect(rows).toHaveLength(8);
				expect(rows.filter((row) => row.result === 'skipped').length).toBeGreaterThanOrEqual(2);
				const after = await Promise.all(emails.map((email) => rtTicketsOf(rt, email)));
				expect(after.map((ids) => ids.length)).toEqual(emails.map(() => 1));
				// The ones made before the kill are the ones kept.
				for (const [index, ids] of before.entries()) if (ids.length > 0) expect(after[index]).toEqual(ids);
			} finally {
				box.cleanup();
			}
		}, 120_000);
	});
}
