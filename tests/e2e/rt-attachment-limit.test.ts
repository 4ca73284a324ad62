import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {createSandbox} from '../support/e2e.js';

let box: ReturnType<typeof createSandbox>;
afterEach(() => box.cleanup());

/*
 * RT's attachment limit is the server's $MaxAttachmentSize (RT's default 10 MB, configurable), which REST2 does not
 * show: csr takes it from the profile's `rt.maxAttachmentSize`. The check happens before any request, so the profile
 * points at a port nothing listens on: a request would fail differently.
 */
describe('rt.maxAttachmentSize (built bin)', () => {
	it('refuses an 11 MB file on an RT profile by default, naming the setting; after setting 25MB on the profile the limit is 25 MB', async () => {
		box = createSandbox({CSR_TOKEN: 'not-used'});
		const added = await box.csr(['profile', 'add', 'tracker', '--provider', 'rt', '--url', 'http://127.0.0.1:9']);
		expect(added.exitCode, added.stderr).toBe(0);
		const big = join(box.home, 'scan.pdf');
		writeFileSync(big, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(11 * 1024 * 1024, 32)]));
		const forward = ['forward', '7', '--to', 'claims@carrier.example', '--attach', big, '--profile', 'tracker'];

		const refused = await box.csr(forward);
		expect(refused.exitCode).toBe(2);
		expect(refused.stderr).toContain(
			'scan.pdf is 11.0 MB; profile tracker takes files up to 10.0 MB. Nothing was sent.',
		);
		expect(refused.stderr).toContain('csr config set rt.maxAttachmentSize SIZE --profile tracker');

		const bad = await box.csr(['config', 'set', 'rt.maxAttachmentSize', 'lots', '--profile', 'tracker']);
		expect(bad.exitCode).toBe(2);
		expect(bad.stderr).toContain(
			"expected a size in bytes or with KB/MB, like 25MB: the RT server's $MaxAttachmentSize",
		);

		const set = await box.csr(['config', 'set', 'rt.maxAttachmentSize', '25MB', '--profile', 'tracker']);
		expect(set.exitCode, set.stderr).toBe(0);
		expect(set.stderr).toContain('rt.maxAttachmentSize of profile tracker set to 26214400 bytes');
		const shown = await box.csr(['config', 'get', 'rt.maxAttachmentSize', '--profile', 'tracker']);
		expect(shown.stdout.trim()).toBe('26214400');
		expect((await box.csr(['config', 'get', 'rt.maxAttachmentSize'])).stdout.trim()).toBe('10485760');

		const huge = join(box.home, 'video.pdf');
		writeFileSync(huge, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(26 * 1024 * 1024, 32)]));
		const nowAllowed = await box.csr(forward);
		// Past the limit check: the next step is the (unreachable) server.
		expect(nowAllowed.stderr).not.toContain('takes files up to');
		const stillTooBig = await box.csr([...forward.slice(0, 5), huge, '--profile', 'tracker']);
		expect(stillTooBig.exitCode).toBe(2);
		expect(stillTooBig.stderr).toContain('takes files up to 25.0 MB');
	});
});
