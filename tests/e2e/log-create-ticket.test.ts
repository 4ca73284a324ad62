import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {createSandbox} from '../support/e2e.js';

let box: ReturnType<typeof createSandbox>;
afterEach(() => box.cleanup());

const call = [
	'log',
	'add',
	'--type',
	'call',
	'--customer',
	'dora@example.com',
	'--customer-name',
	'Dora Dahl',
	'--summary',
	'Box arrived crushed; promised a replacement',
	'--duration',
	'4m',
	'--create-ticket',
	'--json',
];

type Logged = {record: {id: string; ticketId: string; action: string}; ticketId: string; created: boolean};

describe('csr log add --create-ticket on the demo desk (built binary)', () => {
	it('puts the files of --attach on the new ticket’s note, byte for byte; --attach without --create-ticket is refused', async () => {
		box = createSandbox();
		const photo = join(box.home, 'crushed-box.png');
		const bytes = Buffer.concat([
			Buffer.from('\x89PNG\r\n\x1a\n', 'binary'),
			Buffer.from(Array.from({length: 256}, (_, i) => i)),
		]);
		writeFileSync(photo, bytes);
		const logged = await box.csr([...call, '--attach', photo]);
		expect(logged.exitCode, logged.stderr).toBe(0);
		const {ticketId} = JSON.parse(logged.stdout) as Logged;
		const out = join(box.home, 'saved');
		const saved = await box.csr(['show', ticketId, '--save-attachments', out]);
		expect(saved.exitCode, saved.stderr).toBe(0);
		expect(readFileSync(join(out, 'crushed-box.png')).equals(bytes)).toBe(true);

		const alone = await box.csr([
			'log',
			'add',
			'--type',
			'call',
			'--customer',
			'dora@example.com',
			'--summary',
			'x',
			'--attach',
			photo,
		]);
		expect(alone.exitCode).toBe(2);
		expect(alone.stderr).toContain('--attach goes with --create-ticket');
	});

	it('turns a phone call into a ticket with an internal note; the same command again opens and logs nothing new', async () => {
		box = createSandbox();
		const first = await box.csr(call);
		expect(first.exitCode, first.stderr).toBe(0);
		const logged = JSON.parse(first.stdout) as Logged;
		expect(logged).toMatchObject({created: true, record: {action: 'call', ticketId: logged.ticketId}});

		const shown = JSON.parse((await box.csr(['show', logged.ticketId, '--json'])).stdout) as {
			ticket: {subject: string; channel: string};
			messages: {public: boolean; text: string}[];
		};
		expect(shown.ticket).toMatchObject({
			subject: 'Phone call: Box arrived crushed; promised a replacement',
			channel: 'phone',
		});
		expect(shown.messages.map((message) => [message.public, message.text])).toEqual([
			[false, 'Box arrived crushed; promised a replacement'],
		]);

		const again = await box.csr(call);
		expect(again.exitCode, again.stderr).toBe(0);
		expect(JSON.parse(again.stdout)).toMatchObject({
			created: false,
			ticketId: logged.ticketId,
			record: {id: logged.record.id},
		});
		const queue = await box.csr([
			'queue',
			'--requester',
			'dora@example.com',
			'--status',
			'new,open',
			'--all',
			'--json',
		]);
		expect((JSON.parse(queue.stdout) as unknown[]).length).toBe(1);
		const calls = await box.csr(['log', 'list', '--type', 'call', '--customer', 'dora@example.com', '--json']);
		expect((JSON.parse(calls.stdout) as unknown[]).length).toBe(1);
	});
});
