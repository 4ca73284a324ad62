import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {parseByteSize} from '../../../src/config/schema.js';
import {createDemoHelpDesk} from '../../../src/providers/demo/demo-help-desk.js';
import {ccNotice, type ProviderSetup} from '../../../src/providers/help-desk.js';
import {createRtHelpDesk} from '../../../src/providers/rt/rt-help-desk.js';
import {demoSetup} from '../../support/desk-on-fake.js';

const dir = mkdtempSync(join(tmpdir(), 'csr-cc-notice-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const rtSetup = (maxAttachmentBytes?: number): ProviderSetup => ({
	profileName: 'tracker',
	baseUrl: 'http://127.0.0.1:9',
	email: null,
	user: null,
	token: 't',
	tokenSource: 'env',
	oauth: null,
	saveOAuth: () => {},
	dataDir: dir,
	now: () => new Date(),
	log: undefined,
	maxAttachmentBytes,
});

describe('--cc on a desk that keeps CC on the ticket', () => {
	it('RT says the addresses become Cc watchers and get later replies too; the demo desk says nothing', async () => {
		const rt = createRtHelpDesk(rtSetup());
		expect(ccNotice(rt, ['wh@warehouse.example'])).toBe(
			"note: Request Tracker has no one-time CC: wh@warehouse.example becomes one of the ticket's Cc watchers and gets its later replies too (remove it in Request Tracker to stop that)",
		);
		expect(ccNotice(rt, ['a@x.example', 'b@x.example'])).toContain('a@x.example, b@x.example become the ticket');
		expect(ccNotice(rt, [])).toBeNull();
		const demo = createDemoHelpDesk(demoSetup(dir));
		expect(ccNotice(demo, ['wh@warehouse.example'])).toBeNull();
		await demo.close();
		await rt.close();
	});
});

describe('RT attachment limit', () => {
	it("is RT's default 10 MB, or the profile's rt.maxAttachmentSize, and names that setting", async () => {
		const plain = createRtHelpDesk(rtSetup());
		expect(plain.attachmentLimits).toEqual({
			maxFileBytes: 10 * 1024 * 1024,
			maxTotalBytes: 10 * 1024 * 1024,
			setting: 'rt.maxAttachmentSize',
		});
		const raised = createRtHelpDesk(rtSetup(25 * 1024 * 1024));
		expect(raised.attachmentLimits.maxFileBytes).toBe(25 * 1024 * 1024);
		await plain.close();
		await raised.close();
	});

	it('reads sizes as RT counts them (1 KB = 1024 bytes)', () => {
		expect(parseByteSize('26214400')).toBe(26214400);
		expect(parseByteSize('25MB')).toBe(25 * 1024 * 1024);
		expect(parseByteSize(' 512 kb ')).toBe(512 * 1024);
		expect(parseByteSize('1.5M')).toBe(1572864);
		expect(parseByteSize('lots')).toBeNull();
		expect(parseByteSize('0')).toBeNull();
		expect(parseByteSize('-5MB')).toBeNull();
	});
});
