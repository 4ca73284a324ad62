import {execFile, spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const binPath = fileURLToPath(new URL('../../bin/csr.js', import.meta.url));

export type CsrResult = {exitCode: number; stdout: string; stderr: string};

/** A fresh HOME with its own config and data directories, as a new user has. */
export function createSandbox(extraEnv: Record<string, string> = {}) {
	const home = mkdtempSync(join(tmpdir(), 'csr-e2e-'));
	const env: Record<string, string> = {
		PATH: process.env['PATH'] ?? '',
		HOME: home,
		CSR_CONFIG_DIR: join(home, 'config'),
		CSR_DATA_DIR: join(home, 'data'),
		NO_COLOR: '1',
		...extraEnv,
	};
	/** Runs the built bin/csr.js with no TTY. */
	function csr(args: string[], options: {stdin?: string; env?: Record<string, string>} = {}): Promise<CsrResult> {
		return new Promise((resolve) => {
			const child = execFile(
				process.execPath,
				[binPath, ...args],
				{env: {...env, ...options.env}, maxBuffer: 256 * 1024 * 1024},
				(error, stdout, stderr) => {
					const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
					resolve({exitCode, stdout, stderr});
				},
			);
			child.stdin?.end(options.stdin ?? '');
		});
	}
	/**
	 * Runs the built bin with `stdin` and kills it with SIGKILL once it has printed `afterLines` lines of stdout (a crash
	 * in the middle of a run). Resolves with the signal that ended it: 'SIGKILL', or null when it finished first.
	 */
	function killMidRun(
		args: string[],
		options: {stdin: string; afterLines: number; env?: Record<string, string>},
	): Promise<NodeJS.Signals | null> {
		const child = spawn(process.execPath, [binPath, ...args], {
			env: {...env, ...options.env},
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		child.stdin.end(options.stdin);
		let lines = 0;
		child.stdout.on('data', (chunk: Buffer) => {
			lines += chunk.toString().split('\n').length - 1;
			if (lines >= options.afterLines && child.exitCode === null) child.kill('SIGKILL');
		});
		return new Promise((resolve) => child.on('close', () => resolve(child.signalCode)));
	}
	return {home, env, csr, killMidRun, cleanup: () => rmSync(home, {recursive: true, force: true})};
}
