import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {ConflictError} from '../../src/errors.js';
import {createDemoHelpDesk, type DemoHelpDesk} from '../../src/providers/demo/demo-help-desk.js';
import {readAttachmentFile} from '../../src/services/attachments.js';
import type {DeliveryEnv} from '../../src/services/delivery.js';
import {executeForward, planForward} from '../../src/services/forward.js';
import {executeMerge, planMerge} from '../../src/services/merge.js';
import {openDatabase} from '../../src/store/database.js';
import {findDelivery, markSending} from '../../src/store/journal.js';
import {demoSetup} from '../support/desk-on-fake.js';
import {describeForwardContract, describeMergeContract} from '../support/merge-forward-contract.js';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true});
});

function openDemo(): DemoHelpDesk {
	const dataDir = mkdtempSync(join(tmpdir(), 'csr-demo-merge-'));
	dirs.push(dataDir);
	return createDemoHelpDesk(demoSetup(dataDir));
}

async function openIds(desk: DemoHelpDesk): Promise<[string, string, string]> {
	const page = await desk.listTickets({statuses: ['open'], assignee: 'any', sort: 'created', limit: 3});
	const ids = page.tickets.map((ticket) => ticket.id);
	if (ids.length < 3) throw new Error('the demo desk needs three open tickets');
	return ids as [string, string, string];
}

const demoCase = async () => {
	const desk = openDemo();
	return {
		desk,
		cleanup: async () => {},
		openTickets: () => openIds(desk),
		missingId: '987654',
		sentToThirdParties: async (ticketId: string) =>
			(await desk.outboundFor(ticketId)).map((entry) => ({files: entry.files})),
	};
};
describeMergeContract('demo', demoCase);
describeForwardContract('demo', demoCase);

describe('demo desk: merge and forward through the journal', () => {
	let desk: DemoHelpDesk;
	let env: DeliveryEnv;
	const open = () => {
		desk = openDemo();
		const dbDir = mkdtempSync(join(tmpdir(), 'csr-merge-store-'));
		dirs.push(dbDir);
		env = {
			desk,
			db: openDatabase(join(dbDir, 'csr.db')),
			profile: 'demo',
			agent: 'you@demo.csr',
			now: () => new Date(),
		};
	};
	afterEach(async () => {
		env.db.close();
		await desk.close();
	});

	it('merges once: the same merge again is reported as done, with one record per source', async () => {
		open();
		const [source, , target] = await openIds(desk);
		const plan = await planMerge(env, {sourceIds: [source], targetId: target, comment: null});
		expect(plan.alreadyDone).toBe(false);
		expect((await executeMerge(env, plan)).result).toBe('merged');
		const again = await planMerge(env, {sourceIds: [source], targetId: target, comment: null});
		expect(again.alreadyDone).toBe(true);
		expect((await executeMerge(env, again)).result).toBe('skipped');
		const notes = (await desk.getThread(target)).messages.filter((message) => message.text.includes(`#${source}`));
		expect(notes).toHaveLength(1);
		const records = env.db.prepare("SELECT ticket_id, summary FROM records WHERE action = 'merge'").all();
		expect(records).toEqual([{ticket_id: source, summary: `merged into #${target}`}]);
	});

	it('refuses when a ticket changed after the plan read it, and merges nothing', async () => {
		open();
		const [source, , target] = await openIds(desk);
		const plan = await planMerge(env, {sourceIds: [source], targetId: target, comment: null});
		await desk.simulateCustomerReply(source, 'One more thing about my order');
		await expect(executeMerge(env, plan)).rejects.toBeInstanceOf(ConflictError);
		const [still] = await desk.getTickets([source]);
		expect(still?.status).not.toBe('closed');
		expect(findDelivery(env.db, 'demo', `merge:${target}`, plan.intentHash)).toBeUndefined();
	});

	it('after a crash between the desk and the journal, a re-run finds the merge done and does not merge again', async () => {
		open();
		const [source, , target] = await openIds(desk);
		const plan = await planMerge(env, {sourceIds: [source], targetId: target, comment: null});
		// The crash: the desk merged, csr had only written `sending`.
		markSending(
			env.db,
			{profile: 'demo', ticketId: `merge:${target}`, intentHash: plan.intentHash, body: source, runId: null},
			new Date().toISOString(),
		);
		await desk.mergeTickets({sourceIds: [source], targetId: target, comment: null});
		const rerun = await planMerge(env, {sourceIds: [source], targetId: target, comment: null});
		expect(rerun.alreadyDone).toBe(true);
		expect(findDelivery(env.db, 'demo', `merge:${target}`, plan.intentHash)?.state).toBe('sent');
		const notes = (await desk.getThread(target)).messages.filter((message) => message.text.includes(`#${source}`));
		expect(notes).toHaveLength(1);
	});

	it('forwards once, the thread as data; a re-run and a crash re-run send nothing more', async () => {
		open();
		const [ticketId] = await openIds(desk);
		await desk.simulateCustomerReply(ticketId, 'My parcel {{ agent.name }} {% if x %}is{% endif %} broken');
		const input = {ticketId, to: ['claims@carrier.example'], note: 'Please check', lastOnly: true};
		const plan = await planForward(env, input);
		expect(plan.request.body).toContain('{{ agent.name }} {% if x %}is{% endif %}');
		expect(plan.messageCount).toBe(1);
		expect((await executeForward(env, plan)).result).toBe('forwarded');
		const outbound = await desk.outboundFor(ticketId);
		expect(outbound).toHaveLength(1);
		expect(outbound[0]?.to).toBe('claims@carrier.example');
		expect(outbound[0]?.body).toContain('Please check');
		expect(outbound[0]?.body).toContain('{{ agent.name }}');
		expect((await executeForward(env, await planForward(env, input))).result).toBe('skipped');

		// A crash after the desk forwarded, before the journal knew: the note on the ticket is found.
		const other = {...input, to: ['stock@warehouse.example']};
		const second = await planForward(env, other);
		markSending(
			env.db,
			{profile: 'demo', ticketId: `forward:${ticketId}`, intentHash: second.intentHash, body: '', runId: null},
			new Date().toISOString(),
		);
		await desk.forwardTicket(ticketId, second.request, {});
		const rerun = await executeForward(env, await planForward(env, other));
		expect(rerun.result).toBe('skipped');
		expect(await desk.outboundFor(ticketId)).toHaveLength(2);
		const records = env.db.prepare("SELECT count(*) AS n FROM records WHERE action = 'forward'").get();
		expect(records).toEqual({n: 2});
	});

	it('waits for a stopped forward that the desk may still write, instead of forwarding again', async () => {
		open();
		const [ticketId] = await openIds(desk);
		// A desk like RT: a write queued in the server when csr was killed may land seconds later.
		const late = Object.create(desk, {capabilities: {value: {...desk.capabilities, writesMayLandWithinMs: 3_000}}});
		const notices: string[] = [];
		const lateEnv: DeliveryEnv = {...env, desk: late, notice: (text) => notices.push(text)};
		const input = {ticketId, to: ['claims@carrier.example'], note: null, lastOnly: true};
		const plan = await planForward(lateEnv, input);
		markSending(
			env.db,
			{profile: 'demo', ticketId: `forward:${ticketId}`, intentHash: plan.intentHash, body: '', runId: null},
			new Date(Date.now() - 500).toISOString(),
		);
		// The stopped run's forward lands after the re-run has read the thread for its plan.
		const landing = new Promise((resolve) => setTimeout(resolve, 700)).then(() =>
			desk.forwardTicket(ticketId, plan.request, {}),
		);
		const rerun = await executeForward(lateEnv, plan);
		await landing;
		expect(rerun.result).toBe('skipped');
		expect(await desk.outboundFor(ticketId)).toHaveLength(1);
		expect(notices.join('\n')).toMatch(/the forward of #\d+ was being sent when the last run stopped/);
		expect(findDelivery(env.db, 'demo', `forward:${ticketId}`, plan.intentHash)?.state).toBe('sent');
	});

	it('forwards files as planned: another file under the same name since the plan stops it, with nothing sent', async () => {
		open();
		const [ticketId] = await openIds(desk);
		const dir = mkdtempSync(join(tmpdir(), 'csr-forward-files-'));
		dirs.push(dir);
		const path = join(dir, 'label.pdf');
		writeFileSync(path, '%PDF-1.4\n% label A\n%%EOF\n');
		const input = {
			ticketId,
			to: ['claims@carrier.example'],
			note: null,
			lastOnly: true,
			attachments: [readAttachmentFile(path, '--attach').planned],
		};
		const plan = await planForward(env, input);
		writeFileSync(path, '%PDF-1.4\n% label B\n%%EOF\n');
		await expect(executeForward(env, plan)).rejects.toThrow(/label\.pdf changed since the message was planned/);
		expect(await desk.outboundFor(ticketId)).toEqual([]);
		expect(findDelivery(env.db, 'demo', `forward:${ticketId}`, plan.intentHash)).toBeUndefined();
		// Planned again, the new file is another intent: it goes, once.
		const replanned = await planForward(env, {...input, attachments: [readAttachmentFile(path, '--attach').planned]});
		expect(replanned.intentHash).not.toBe(plan.intentHash);
		expect((await executeForward(env, replanned)).result).toBe('forwarded');
		expect((await desk.outboundFor(ticketId))[0]?.files.map((file) => file.name)).toEqual(['label.pdf']);
	});
});
