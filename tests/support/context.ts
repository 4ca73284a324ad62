import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Context} from '../../src/context.js';
import {createTestIo, type TestIo} from '../../src/io/streams.js';
import {main} from '../../src/main.js';
import {createContext} from '../../src/production.js';
import type {HelpDesk} from '../../src/providers/help-desk.js';

export type TestContext = Context & {readonly io: TestIo; readonly home: string; cleanup(): void};

/** A real context over temp config and data directories, buffered streams, and an optional fake desk. */
export function createTestContext(
	options: {
		tty?: boolean;
		stdin?: string;
		env?: Record<string, string>;
		now?: Date;
		helpDesk?: HelpDesk;
		home?: string;
		confirmAnswer?: boolean;
		editedText?: (initial: string) => string;
	} = {},
): TestContext {
	const home = options.home ?? mkdtempSync(join(tmpdir(), 'csr-test-'));
	const io = createTestIo({tty: options.tty ?? false, stdin: options.stdin});
	const env = {HOME: home, CSR_CONFIG_DIR: join(home, 'config'), CSR_DATA_DIR: join(home, 'data'), ...options.env};
	const now = options.now;
	const base = createContext({env, io, cwd: home, now: now === undefined ? undefined : () => new Date(now)});
	return {
		...base,
		io,
		home,
		openHelpDesk: options.helpDesk === undefined ? base.openHelpDesk : async () => options.helpDesk as HelpDesk,
		confirm: async () => options.confirmAnswer ?? false,
		editText: async (initial) => (options.editedText ? options.editedText(initial) : initial),
		cleanup: () => rmSync(home, {recursive: true, force: true}),
	};
}

/** Runs csr in-process and returns what a user would see. */
export async function runCsr(
	argv: string[],
	context: TestContext,
): Promise<{exitCode: number; stdout: string; stderr: string}> {
	const before = {out: context.io.stdoutText().length, err: context.io.stderrText().length};
	const exitCode = await main(argv, context);
	return {
		exitCode,
		stdout: context.io.stdoutText().slice(before.out),
		stderr: context.io.stderrText().slice(before.err),
	};
}
