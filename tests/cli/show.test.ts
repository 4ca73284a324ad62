import {afterEach, describe, expect, it} from 'vitest';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';
import {aTicket, createMemoryHelpDesk} from '../support/memory-help-desk.js';

let context: TestContext;
afterEach(() => context.cleanup());

const hostile =
	'Hi \u001B]52;c;ZXZpbA==\u0007 \u001B[2J \u009B31m \u202Eexe \u001B]8;;https://evil.example\u0007click\u001B]8;;\u0007';

function setup() {
	const desk = createMemoryHelpDesk([aTicket({id: '5', subject: `Order ${hostile}`, tags: ['vip']})]);
	desk.threads.get('5')?.push(
		{
			id: 'c1',
			author: {id: 'u1', name: 'Anna Berg', email: 'anna@example.com', role: 'customer'},
			public: true,
			channel: 'email',
			createdAt: '2026-11-19T09:00:00.000Z',
			text: `Where is it?\n${hostile}`,
			attachments: [{name: 'receipt.pdf', size: 48_000, contentType: 'application/pdf', url: null}],
		},
		{
			id: 'n1',
			author: {id: 'a1', name: 'Test Agent', email: 'agent@example.com', role: 'agent'},
			public: false,
			channel: 'web',
			createdAt: '2026-11-19T10:00:00.000Z',
			text: 'Carrier says Friday.',
			attachments: [],
		},
	);
	context = createTestContext({now: new Date('2026-11-20T12:00:00Z'), helpDesk: desk});
	return context;
}

describe('csr show', () => {
	it('prints the thread oldest first with internal notes marked and attachments listed, never raw escapes', async () => {
		const {stdout, exitCode} = await runCsr(['show', '5'], setup());
		expect(exitCode).toBe(0);
		expect(stdout.indexOf('CUSTOMER')).toBeLessThan(stdout.indexOf('INTERNAL NOTE'));
		expect(stdout).toContain('│ Carrier says Friday.');
		expect(stdout).toContain('receipt.pdf (47 KB) application/pdf');
		expect(stdout).toContain('click');
		expect(stdout).not.toMatch(/[\u001B\u0007\u009B\u202E]/);
		expect(stdout).not.toContain('ZXZpbA==');
	});

	it('prints the PRODUCT.md JSON shape with C1 and bidi controls escaped', async () => {
		const {stdout} = await runCsr(['show', '5', '--json'], setup());
		expect(stdout).not.toMatch(/[\u0080-\u009F\u202A-\u202E]/);
		const thread = JSON.parse(stdout);
		expect(Object.keys(thread)).toEqual(['ticket', 'customer', 'messages']);
		expect(
			thread.messages.map((message: {public: boolean; author: {role: string}}) => [
				message.author.role,
				message.public,
			]),
		).toEqual([
			['customer', true],
			['agent', false],
		]);
	});

	it("says the customer's language, or that it is unknown", async () => {
		const known = await runCsr(['show', '5'], setup());
		expect(known.stdout).toContain('Anna Berg <anna@example.com> · language sv-SE');
		const desk = createMemoryHelpDesk([
			aTicket({id: '6', requester: {id: 'u9', name: 'Kim Lee', email: 'kim@example.com', locale: null}}),
		]);
		context.cleanup();
		context = createTestContext({now: new Date('2026-11-20T12:00:00Z'), helpDesk: desk});
		const unknown = await runCsr(['show', '6'], context);
		expect(unknown.exitCode).toBe(0);
		expect(unknown.stdout).toContain('Kim Lee <kim@example.com> · language unknown');
	});

	it('rejects a malformed id with exit 2', async () => {
		expect((await runCsr(['show', '5;rm'], setup())).exitCode).toBe(2);
	});
});
