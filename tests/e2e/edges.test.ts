import {spawn} from 'node:child_process';
import {afterAll, describe, expect, it} from 'vitest';
import {binPath, createSandbox} from '../support/e2e.js';

const box = createSandbox();
afterAll(() => box.cleanup());

type Ended = {code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string};

/** Runs the built csr with its stdout closed before it writes anything: `csr … | head -c 0`. */
function withClosedStdout(args: string[], stdin = ''): Promise<Ended> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [binPath, ...args], {env: box.env, stdio: ['pipe', 'pipe', 'pipe']});
		child.stdout.destroy();
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		child.stdin.end(stdin);
		child.on('close', (code, signal) => resolve({code, signal, stdout: '', stderr}));
	});
}

/** Runs csr and sends it SIGINT as soon as `ready` matches what it has printed on stdout. */
function interruptWhen(args: string[], ready: RegExp, stdin = ''): Promise<Ended> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [binPath, ...args], {env: box.env, stdio: ['pipe', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		let sent = false;
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
			if (!sent && ready.test(stdout)) {
				sent = true;
				child.kill('SIGINT');
			}
		});
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		child.stdin.end(stdin);
		child.on('close', (code, signal) => resolve({code, signal, stdout, stderr}));
	});
}

describe('a closed stdout ends csr quietly with exit 0', () => {
	const commands = [
		['queue', '--all', '--json'],
		['queue', '--all', '--format', 'ndjson'],
		['queue', '--all', '--format', 'csv'],
		['queue', '--all'],
		['show', '13'],
		['show', '13', '--json'],
		['stats', '--explain'],
		['log', 'export', '--format', 'csv'],
		['templates', 'list'],
		['--help'],
	];
	for (const args of commands) {
		it(`csr ${args.join(' ')} | head -c 0`, async () => {
			const ended = await withClosedStdout(args);
			expect(ended.stderr).toBe('');
			expect(ended.code).toBe(0);
		});
	}

	it('csr reply - --dry-run | head -c 0', async () => {
		const ids = (await box.csr(['queue', '--status', 'open', '--ids', '--limit', '3'])).stdout;
		const ended = await withClosedStdout(['reply', '-', '--body', 'Hello', '--dry-run'], ids);
		expect(ended.stderr).not.toMatch(/EPIPE|at .*\.js/);
		expect(ended.code).toBe(0);
	});

	it('a bulk reply whose stdout closes still sends every reply and journals them', async () => {
		const ids = (await box.csr(['queue', '--status', 'open', '--ids', '--limit', '30'])).stdout;
		const ended = await withClosedStdout(['reply', '-', '--body', 'Pipe closed early', '--yes', '--json'], ids);
		expect(ended.stderr).not.toMatch(/EPIPE|at .*\.js/);
		expect(ended.code).toBe(0);
		const again = await box.csr(['reply', '-', '--body', 'Pipe closed early', '--yes', '--json'], {stdin: ids});
		const results = JSON.parse(again.stdout) as {result: string; reason?: string}[];
		expect(results).toHaveLength(30);
		expect(results.every((result) => result.result === 'skipped' && result.reason === 'already sent')).toBe(true);
	});
});

describe('Ctrl-C stops a bulk run after the item in flight (exit 130), and the same command finishes it', () => {
	it('reply on the demo desk, whose calls never wait on the network', async () => {
		await box.csr(['demo', 'reset', '--tickets', '1290']);
		const ids = (await box.csr(['queue', '--status', 'new,open,pending', '--all', '--ids'])).stdout;
		const total = ids.trim().split('\n').length;
		expect(total).toBeGreaterThan(300);
		const args = ['reply', '-', '--body', 'Interrupted run', '--yes', '--format', 'ndjson'];
		const first = await interruptWhen(args, /"result":"sent"/, ids);
		expect(first.code, first.stderr).toBe(130);
		expect(first.stderr).toMatch(/interrupted; nothing was sent twice/);
		const sentFirst = first.stdout.trim().split('\n').length;
		expect(sentFirst).toBeLessThan(total);
		const second = await box.csr(args, {stdin: ids});
		expect(second.exitCode, second.stderr).toBe(0);
		const lines = second.stdout
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line) as {ticketId: string; result: string});
		expect(new Set(lines.map((line) => line.ticketId)).size).toBe(total);
		const sentSecond = lines.filter((line) => line.result === 'sent').length;
		expect(sentFirst + sentSecond).toBe(total);
	});

	it('status on the demo desk', async () => {
		const ids = (await box.csr(['queue', '--status', 'new,open,pending', '--all', '--ids'])).stdout;
		const ended = await interruptWhen(['status', '-', 'on-hold', '--yes', '--format', 'ndjson'], /\n/, ids);
		expect(ended.code, ended.stderr).toBe(130);
		expect(ended.stdout.trim().split('\n').length).toBeLessThan(ids.trim().split('\n').length);
	});
});
