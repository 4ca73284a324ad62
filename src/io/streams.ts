import {Readable, Writable} from 'node:stream';
import {isatty} from 'node:tty';

/** The one seam between csr and the terminal. Everything that prints or reads goes through it. */
export type IoStreams = {
	readonly stdin: Readable;
	readonly stdout: Writable;
	readonly stderr: Writable;
	readonly stdinIsTty: boolean;
	readonly stdoutIsTty: boolean;
	readonly stderrIsTty: boolean;
	readonly colorEnabled: boolean;
	readonly columns: number;
	readonly rows: number;
};

export type TestIo = IoStreams & {
	stdoutText(): string;
	stderrText(): string;
};

/**
 * A closed pipe (`csr queue | head`) is how a reader says it has seen enough: the rest of the output is dropped,
 * nothing is printed about it, and the command goes on to its normal end (a bulk send keeps sending and journaling)
 * and its normal exit code, as `git log | head` does. Any other stream error still surfaces.
 */
export function endQuietlyOnClosedPipe(stream: Writable): void {
	stream.on('error', (error: Error & {code?: string}) => {
		if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
		throw error;
	});
}

export function systemIo(env: Readonly<Record<string, string | undefined>>, noColorFlag = false): IoStreams {
	endQuietlyOnClosedPipe(process.stdout);
	endQuietlyOnClosedPipe(process.stderr);
	const stdoutIsTty = process.stdout.isTTY === true;
	const forceColor = env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0';
	return {
		// Made when first read: process.stdin builds a stream (for a pipe, Node's net module) most commands never read.
		get stdin() {
			return process.stdin;
		},
		stdout: process.stdout,
		stderr: process.stderr,
		stdinIsTty: isatty(0),
		stdoutIsTty,
		stderrIsTty: process.stderr.isTTY === true,
		// NO_COLOR (any non-empty value) beats FORCE_COLOR; see no-color.org.
		colorEnabled: !noColorFlag && !env['NO_COLOR'] && (forceColor || stdoutIsTty),
		columns: process.stdout.columns ?? 100,
		rows: process.stdout.rows ?? 30,
	};
}

function memoryWritable(): {stream: Writable; text: () => string} {
	const chunks: string[] = [];
	const stream = new Writable({
		write(chunk: Buffer | string, _encoding, done) {
			chunks.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
			done();
		},
	});
	return {stream, text: () => chunks.join('')};
}

/** Buffers instead of the terminal; `tty` flips every TTY check at once. */
export function createTestIo(options: {tty?: boolean; columns?: number; stdin?: string; color?: boolean} = {}): TestIo {
	const {tty = false, columns = 100, stdin, color = false} = options;
	const out = memoryWritable();
	const err = memoryWritable();
	return {
		stdin: Readable.from(stdin === undefined ? [] : [stdin]),
		stdout: out.stream,
		stderr: err.stream,
		stdinIsTty: tty,
		stdoutIsTty: tty,
		stderrIsTty: tty,
		colorEnabled: color,
		columns,
		rows: 30,
		stdoutText: out.text,
		stderrText: err.text,
	};
}

/** Reads all of stdin as text (for `-` arguments and --body-file -). */
export async function readAll(stream: Readable): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
	return Buffer.concat(chunks).toString('utf8');
}
