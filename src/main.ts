import {CommanderError} from 'commander';
import {buildProgram} from './cli/program.js';
import type {Context} from './context.js';
import {CsrError, ExitCode, SilentExit} from './errors.js';

/** Runs csr with `argv` (without node and script) and returns the exit code. Never calls process.exit. */
export async function main(argv: readonly string[], context: Context): Promise<number> {
	const program = buildProgram(context, argv);
	try {
		await program.parseAsync([...argv], {from: 'user'});
		return ExitCode.ok;
	} catch (error) {
		if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage; // commander already printed why
		const verbose = argv.includes('--verbose');
		if (error instanceof SilentExit) return error.exitCode;
		if (error instanceof CsrError) {
			const {toDisplayText} = await import('./text/display-text.js');
			context.io.stderr.write(
				`csr: ${toDisplayText(error.message)}\n${error.hint ? `${toDisplayText(error.hint)}\n` : ''}`,
			);
			if (verbose && error.cause !== undefined) context.io.stderr.write(`cause: ${describe(error.cause)}\n`);
			return error.exitCode;
		}
		if (isAbort(error) || context.signal.aborted) {
			context.io.stderr.write('csr: interrupted\n');
			return ExitCode.interrupted;
		}
		context.io.stderr.write(`csr: unexpected error: ${describe(error)}\n`);
		if (verbose && error instanceof Error && error.stack) context.io.stderr.write(`${error.stack}\n`);
		else context.io.stderr.write('Run again with --verbose for details.\n');
		return ExitCode.failed;
	}
}

function isAbort(error: unknown): boolean {
	return error instanceof Error && (error.name === 'AbortError' || (error as {code?: unknown}).code === 'ABORT_ERR');
}

function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
