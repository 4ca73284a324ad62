import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {createDemoHelpDesk} from '../../src/providers/demo/demo-help-desk.js';
import type {HelpDesk} from '../../src/providers/help-desk.js';
import {createSandbox} from '../support/e2e.js';

let box: ReturnType<typeof createSandbox>;
afterEach(() => box.cleanup());

function openDemo(): HelpDesk {
	return createDemoHelpDesk({
		profileName: 'demo',
		baseUrl: null,
		email: 'you@demo.csr',
		user: null,
		token: null,
		tokenSource: null,
		oauth: null,
		saveOAuth: () => {},
		dataDir: box.env['CSR_DATA_DIR'] ?? '',
		now: () => new Date(),
		log: undefined,
	});
}

/** Agent messages in each ticket's thread whose text contains `marker`. */
async function countReplies(ids: readonly string[], marker: string): Promise<Map<string, number>> {
	const desk = openDemo();
	try {
		const counts = new Map<string, number>();
		for (const id of ids) {
			const thread = await desk.getThread(id);
			counts.set(
				id,
				thread.messages.filter(
					(message) => message.author.role === 'agent' && message.public && message.text.includes(marker),
				).length,
			);
		}
		return counts;
	} finally {
		await desk.close();
	}
}

const greetings: Record<string, RegExp> = {
	en: /^(Hi|Hello|Dear)\b/,
	da: /^(Hej|Kære)\b/,
	sv: /^(Hej|Hejsan)\b/,
	nb: /^(Hei|Kjære)\b/,
	de: /^(Hallo|Liebe|Lieber|Guten)\b/,
};

describe('bulk replies on the demo desk', () => {
	it('answers 50 open tickets once; the same command again skips all 50', async () => {
		box = createSandbox();
		const ids = (await box.csr(['queue', '--status', 'open', '--ids', '--limit', '50'])).stdout;
		expect(ids.trim().split('\n')).toHaveLength(50);
		const first = await box.csr(['reply', '-', '--template', 'delivery-delay', '--yes', '--json'], {stdin: ids});
		expect(first.exitCode).toBe(0);
		expect((JSON.parse(first.stdout) as {result: string}[]).filter((row) => row.result === 'sent')).toHaveLength(50);
		const second = await box.csr(['reply', '-', '--template', 'delivery-delay', '--yes', '--json'], {stdin: ids});
		expect(second.exitCode).toBe(0);
		expect((JSON.parse(second.stdout) as {result: string}[]).filter((row) => row.result === 'skipped')).toHaveLength(
			50,
		);

		const desk = openDemo();
		try {
			for (const id of ids.trim().split('\n')) {
				const thread = await desk.getThread(id);
				const mine = thread.messages.filter(
					(message) =>
						message.author.email === 'you@demo.csr' &&
						message.public &&
						Date.parse(message.createdAt) > Date.now() - 10 * 60_000,
				);
				expect(mine, `ticket ${id}`).toHaveLength(1);
				const firstName = thread.ticket.requester.name.split(/\s+/)[0] ?? '';
				const text = mine[0]?.text ?? '';
				expect(text).toContain(firstName);
				const language = (thread.ticket.requester.locale ?? 'en').slice(0, 2).replace('no', 'nb');
				expect(text.trim(), `ticket ${id} in ${language}`).toMatch(greetings[language] ?? greetings['en'] ?? /./);
			}
		} finally {
			await desk.close();
		}
	});

	it('after SIGKILL in the middle of a 200-ticket run, a re-run makes exactly 200 replies in total', async () => {
		box = createSandbox({CSR_DEMO_LATENCY_MS: '15'});
		expect((await box.csr(['demo', 'reset', '--tickets', '600', '--seed', '3'])).exitCode).toBe(0);
		const ids = (
			await box.csr(['queue', '--status', 'new,open,pending,on-hold', '--ids', '--limit', '200'], {
				env: {CSR_DEMO_LATENCY_MS: '0'},
			})
		).stdout;
		expect(ids.trim().split('\n')).toHaveLength(200);
		const body = 'Update on the outage: service is restored. Kill-test marker 4711.';
		const args = ['reply', '-', '--body', body, '--yes', '--format', 'ndjson', '--concurrency', '2'];
		expect(await box.killMidRun(args, {stdin: ids, afterLines: 40})).toBe('SIGKILL');
		const rerun = await box.csr(['reply', '-', '--body', body, '--yes', '--json'], {
			stdin: ids,
			env: {CSR_DEMO_LATENCY_MS: '0'},
		});
		expect(rerun.exitCode).toBe(0);
		const results = JSON.parse(rerun.stdout) as {result: string}[];
		expect(results).toHaveLength(200);
		expect(results.every((row) => row.result === 'sent' || row.result === 'skipped')).toBe(true);
		const counts = await countReplies(ids.trim().split('\n'), 'Kill-test marker 4711');
		expect([...counts.values()].every((count) => count === 1)).toBe(true);
		expect([...counts.values()].reduce((sum, count) => sum + count, 0)).toBe(200);
	});

	it('changes nothing with --dry-run: the desk file is byte-identical', async () => {
		box = createSandbox();
		const ids = (await box.csr(['queue', '--status', 'open', '--ids', '--limit', '5'])).stdout;
		const dbFile = join(box.env['CSR_DATA_DIR'] ?? '', 'demo.db');
		const before = readFileSync(dbFile);
		const result = await box.csr(['reply', '-', '--template', 'delivery-delay', '--dry-run'], {stdin: ids});
		expect(result.exitCode).toBe(0);
		expect(result.stdout).toContain('──');
		expect(readFileSync(dbFile).equals(before)).toBe(true);
	});

	it('stops a template with a missing required variable before sending anything (exit 2, names the variable)', async () => {
		box = createSandbox();
		const ids = (await box.csr(['queue', '--status', 'open', '--ids', '--limit', '3'])).stdout;
		const result = await box.csr(['reply', '-', '--template', 'order-status', '--yes'], {stdin: ids});
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toContain('order_id');
		const counts = await countReplies(ids.trim().split('\n'), 'order');
		expect([...counts.values()].every((count) => count === 0)).toBe(true);
	});

	it('keeps a reply in the outbox while the desk is unreachable (exit 75) and delivers it once on retry', async () => {
		box = createSandbox();
		const [id] = (await box.csr(['queue', '--status', 'open', '--ids', '--limit', '1'])).stdout.trim().split('\n');
		expect((await box.csr(['demo', 'outage', 'on'])).exitCode).toBe(0);
		const failed = await box.csr(['reply', id ?? '', '--body', 'Outbox marker 5150: your refund is on its way.']);
		expect(failed.exitCode).toBe(75);
		const listed = JSON.parse((await box.csr(['outbox', 'list', '--json'])).stdout) as {ticketId: string}[];
		expect(listed.map((item) => item.ticketId)).toEqual([id]);
		expect((await box.csr(['outbox', 'retry'])).exitCode).toBe(75);
		expect((await box.csr(['demo', 'outage', 'off'])).exitCode).toBe(0);
		expect((await box.csr(['outbox', 'retry'])).exitCode).toBe(0);
		expect((await box.csr(['outbox', 'retry'])).exitCode).toBe(0);
		expect(JSON.parse((await box.csr(['outbox', 'list', '--json'])).stdout)).toEqual([]);
		expect((await countReplies([id ?? ''], 'Outbox marker 5150')).get(id ?? '')).toBe(1);
	});
});
