import {afterEach, describe, expect, it} from 'vitest';
import {buildProgram} from '../../src/cli/program.js';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';

let context: TestContext;
afterEach(() => context.cleanup());

const names = (argv?: readonly string[]) => buildProgram(context, argv).commands.map((command) => command.name());

describe('csr declares only the commands a command line needs', () => {
	it('every command is declared, with its help, when its name is the command word', async () => {
		context = createTestContext();
		const all = names();
		expect(all).toContain('queue');
		expect(all.length).toBeGreaterThan(25);
		for (const name of all.filter((name) => !['help', 'completion'].includes(name))) {
			// Its own declaration (reply declares note too), not the whole tree.
			expect(names([name]), name).toContain(name);
			expect(names([name]).length, name).toBeLessThan(6);
			expect(names(['--profile', 'demo', name, '--json']), name).toContain(name);
		}
		const help = await runCsr(['escalate', '--help'], context);
		expect(help.exitCode).toBe(0);
		expect(help.stdout).toContain('Usage: csr escalate');
	});

	it('csr --version declares no command and still prints the version', async () => {
		context = createTestContext();
		expect(names(['--version'])).toEqual(['help']);
		const result = await runCsr(['--version'], context);
		expect(result.exitCode).toBe(0);
		expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
	});

	it('csr --help, csr help, csr completion and a typo get the whole tree', async () => {
		context = createTestContext();
		const all = names();
		for (const argv of [['--help'], ['help', 'queue'], ['completion', 'bash'], ['queu'], []]) {
			expect(names(argv), argv.join(' ')).toEqual(all);
		}
		const help = await runCsr(['--help'], context);
		for (const name of ['queue', 'reply', 'stats', 'tui']) expect(help.stdout).toContain(`  ${name}`);
	});

	it('csr alone on a terminal declares the workstation', () => {
		context = createTestContext({tty: true});
		expect(names([])).toEqual(['tui', 'help']);
		expect(names(['--profile', 'demo'])).toEqual(['tui', 'help']);
	});
});
