import {spawnSync} from 'node:child_process';
import {afterEach, describe, expect, it} from 'vitest';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';

let context: TestContext;
afterEach(() => context.cleanup());

function complete(script: string, words: string[]): string[] {
	const program = `${script}\nCOMP_WORDS=(${words.map((word) => `'${word}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _csr; printf '%s\\n' "\${COMPREPLY[@]}"`;
	const result = spawnSync('bash', ['-c', program], {encoding: 'utf8'});
	return result.stdout.split('\n').filter((line) => line !== '');
}

describe('csr completion', () => {
	it('completes commands, subcommands and options in bash', async () => {
		context = createTestContext();
		const {stdout, exitCode} = await runCsr(['completion', 'bash'], context);
		expect(exitCode).toBe(0);
		expect(complete(stdout, ['csr', 'qu'])).toEqual(['queue']);
		expect(complete(stdout, ['csr', 'profile', ''])).toEqual(
			expect.arrayContaining(['add', 'list', 'use', 'remove', 'test']),
		);
		expect(complete(stdout, ['csr', 'queue', '--sta'])).toEqual(['--status']);
	});

	it('rejects an unknown shell with exit 2', async () => {
		context = createTestContext();
		expect((await runCsr(['completion', 'tcsh'], context)).exitCode).toBe(2);
	});
});
