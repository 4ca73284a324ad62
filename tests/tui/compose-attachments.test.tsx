import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {sessionOf} from '../../src/cli/run/tui.js';
import {createTuiServices} from '../../src/cli/run/tui-services.js';
import {resolveProfile} from '../../src/config/profiles.js';
import {createTestIo} from '../../src/io/streams.js';
import {createContext} from '../../src/production.js';
import type {PlannedAttachment} from '../../src/services/attachments.js';
import {ComposeScreen} from '../../src/tui/screens/compose-screen.js';
import type {MessagePlan} from '../../src/tui/services.js';
import {aTicket} from '../support/memory-help-desk.js';
import {keys, renderWithServices, testNow} from '../support/tui.js';

let home: string | undefined;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
	cleanup();
	await close?.();
	close = undefined;
	if (home) rmSync(home, {recursive: true, force: true});
	home = undefined;
});

const ticket = aTicket({id: '103', subject: 'Return label please'});
const label: PlannedAttachment = {
	path: '/labels/return-label.pdf',
	fileName: 'return-label.pdf',
	contentType: 'application/pdf',
	size: 48_213,
	sha256: 'a'.repeat(64),
};

describe('attachments in the composer', () => {
	it('a adds a file (tab completes the path), lists it under the reply, refuses one over the limit, sends it', async () => {
		const sent: MessagePlan[] = [];
		const asked: {path: string; already: number}[] = [];
		const screen = renderWithServices(
			<ComposeScreen
				ticket={ticket}
				isPublic
				openedAtMs={testNow.getTime()}
				onDone={() => {}}
				width={100}
				height={24}
			/>,
			{
				loadDraft: async () => ({
					ticketId: '103',
					isPublic: true,
					body: 'Here is your label.',
					template: null,
					updatedAt: '',
				}),
				completePath: async (partial) => (partial === '/labels/ret' ? '/labels/return-label.pdf' : partial),
				attachFile: async (path, already) => {
					asked.push({path, already: already.length});
					if (path.endsWith('.mov'))
						throw new Error('video.mov is 12.0 MB; profile demo takes files up to 5.0 MB. Nothing was sent.');
					return label;
				},
				sendMessage: async (plan) => {
					sent.push(plan);
					return {ticketId: plan.ticketId, result: 'sent', messageId: 'm9'};
				},
			},
		);
		await screen.waitForFrame((frame) => frame.includes('Here is your label.'));
		await screen.press('a');
		await screen.waitForFrame((frame) => frame.includes('Attach a file: its path'));
		await screen.type('/labels/ret');
		await screen.press(keys.tab);
		await screen.waitForFrame((frame) => frame.includes('/labels/return-label.pdf'));
		await screen.press(keys.enter);
		const listed = await screen.waitForFrame((frame) => frame.includes('📎 return-label.pdf (47.1 KB)'));
		expect(listed).toContain('Attached return-label.pdf.');
		await screen.press('a');
		await screen.type('video.mov');
		await screen.press(keys.enter);
		const refused = await screen.waitForFrame((frame) => frame.includes('Not attached:'));
		expect(refused).toContain('Not attached: video.mov is 12.0 MB; profile demo takes files up to 5.0 MB');
		expect(refused).not.toContain('Nothing was sent');
		expect(asked).toEqual([
			{path: '/labels/return-label.pdf', already: 0},
			{path: 'video.mov', already: 1},
		]);
		await screen.press(keys.escape);
		await screen.waitForFrame((frame) => !frame.includes('Attach a file'));
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Attaches return-label.pdf (47.1 KB, application/pdf)'));
		await screen.press('y');
		await screen.waitForFrame(() => sent.length > 0);
		expect(sent[0]?.extras).toEqual({attachments: [label]});
	});

	it('x takes the last file off, and the message goes without it', async () => {
		const sent: MessagePlan[] = [];
		const screen = renderWithServices(
			<ComposeScreen
				ticket={ticket}
				isPublic
				openedAtMs={testNow.getTime()}
				onDone={() => {}}
				width={100}
				height={24}
			/>,
			{
				loadDraft: async () => ({
					ticketId: '103',
					isPublic: true,
					body: 'No label after all.',
					template: null,
					updatedAt: '',
				}),
				attachFile: async () => label,
				sendMessage: async (plan) => {
					sent.push(plan);
					return {ticketId: plan.ticketId, result: 'sent', messageId: 'm9'};
				},
			},
		);
		await screen.waitForFrame((frame) => frame.includes('No label after all.'));
		await screen.press('a');
		await screen.type('x.pdf');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('📎 return-label.pdf'));
		await screen.press('x');
		await screen.waitForFrame((frame) => frame.includes('Took return-label.pdf off.') && !frame.includes('📎'));
		await screen.press(keys.enter, 'y');
		await screen.waitForFrame(() => sent.length > 0);
		expect(sent[0]?.extras).toBeUndefined();
	});
});

describe('the TUI services for attachments, on the demo desk', () => {
	it('check the desk limit, complete paths, and send the file through the journal to the desk', async () => {
		home = mkdtempSync(join(tmpdir(), 'csr-tui-attach-'));
		const env = {HOME: home, CSR_CONFIG_DIR: join(home, 'config'), CSR_DATA_DIR: join(home, 'data')};
		const context = createContext({env, io: createTestIo(), cwd: home});
		await context.prepare();
		const profile = resolveProfile(context.config().read(), undefined, context.env);
		const tui = createTuiServices(context, profile, sessionOf(context, profile));
		close = () => tui.close();
		mkdirSync(join(home, 'labels'));
		const bytes = Buffer.from('%PDF-1.4\nlabel for order 1379259\n%%EOF\n');
		writeFileSync(join(home, 'labels', 'return-label.pdf'), bytes);
		writeFileSync(join(home, 'labels', 'huge.bin'), Buffer.alloc(6 * 1024 * 1024));
		expect(await tui.completePath?.('lab')).toBe('labels/');
		expect(await tui.completePath?.('labels/ret')).toBe('labels/return-label.pdf');
		await expect(tui.attachFile?.('labels/huge.bin', [])).rejects.toThrow('takes files up to 5.0 MB');
		const file = await tui.attachFile?.('labels/return-label.pdf', []);
		expect(file).toMatchObject({fileName: 'return-label.pdf', contentType: 'application/pdf', size: bytes.length});
		if (file === undefined) throw new Error('not attached');
		const demo = await context.openHelpDesk(profile, {verbose: false});
		const before = await demo.getThread('259', context.signal);
		const result = await tui.sendMessage({
			ticketId: '259',
			isPublic: true,
			body: 'Here is your return label.',
			changes: undefined,
			template: null,
			expectedUpdatedAt: before.ticket.updatedAt,
			customer: {email: before.ticket.requester.email, name: before.ticket.requester.name},
			channel: before.ticket.channel,
			action: 'reply',
			outcome: null,
			durationSec: null,
			extras: {attachments: [file]},
		});
		expect(result.result).toBe('sent');
		const after = await demo.getThread('259', context.signal);
		expect(after.messages.at(-1)?.attachments.map(({name, size}) => [name, size])).toEqual([
			['return-label.pdf', bytes.length],
		]);
	});
});
