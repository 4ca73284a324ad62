/** Exit codes users and scripts rely on (PRODUCT.md §3). */
export const ExitCode = {ok: 0, failed: 1, usage: 2, auth: 4, queued: 75, interrupted: 130} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An expected failure: written for the user, printed without a stack trace. */
export class CsrError extends Error {
	readonly exitCode: ExitCode;
	readonly hint: string | undefined;
	constructor(message: string, exitCode: ExitCode, options: {hint?: string | undefined; cause?: unknown} = {}) {
		super(message, {cause: options.cause});
		this.name = new.target.name;
		this.exitCode = exitCode;
		this.hint = options.hint;
	}
}

/** Bad flags, arguments, config or template input: exit 2. */
export class UsageError extends CsrError {
	constructor(message: string, hint?: string) {
		super(message, ExitCode.usage, {hint});
	}
}

/** Missing, wrong or insufficient credentials: exit 4. */
export class AuthError extends CsrError {
	/** The desk knew the credentials but refused this one thing (403), as against not accepting them (401). */
	readonly forbidden: boolean;
	constructor(message: string, hint?: string, options: {forbidden?: boolean} = {}) {
		super(message, ExitCode.auth, {hint});
		this.forbidden = options.forbidden === true;
	}
}

/** What a provider error means for delivery: retry later, or never. */
export type ProviderFailureKind = 'temporary' | 'permanent' | 'not-found' | 'conflict' | 'invalid';

/** The help desk failed or answered something csr cannot use: exit 1. */
export class ProviderError extends CsrError {
	readonly kind: ProviderFailureKind;
	readonly status: number | undefined;
	constructor(
		message: string,
		options: {kind?: ProviderFailureKind; status?: number | undefined; hint?: string; cause?: unknown} = {},
	) {
		super(message, ExitCode.failed, {hint: options.hint, cause: options.cause});
		this.kind = options.kind ?? 'permanent';
		this.status = options.status;
	}
	get isTemporary(): boolean {
		return this.kind === 'temporary';
	}
}

/** The ticket changed since it was read (someone replied, the customer wrote again). */
export class ConflictError extends ProviderError {
	constructor(message: string, hint?: string) {
		super(message, {kind: 'conflict', status: 409, hint});
	}
}

/** Local database trouble: exit 1. */
export class StoreError extends CsrError {
	constructor(message: string, options: {hint?: string; cause?: unknown} = {}) {
		super(message, ExitCode.failed, options);
	}
}

/** Not delivered now, safely kept in the outbox: exit 75. */
export class QueuedError extends CsrError {
	constructor(message: string, hint?: string) {
		super(message, ExitCode.queued, {hint});
	}
}

/** The operation failed (for bulk runs: at least one ticket failed) and was already reported: exit 1. */
export class FailedError extends CsrError {
	constructor(message: string, hint?: string) {
		super(message, ExitCode.failed, {hint});
	}
}

/** Ctrl-C: the journal makes the run resumable. */
export class InterruptedError extends CsrError {
	constructor(message = 'interrupted') {
		super(message, ExitCode.interrupted);
	}
}

/** A message for any thrown value, for places that must not crash on a non-Error. */
export function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** Ends the command with an exit code after it already reported everything (bulk runs with failures or queued items). */
export class SilentExit extends CsrError {
	constructor(exitCode: ExitCode) {
		super('', exitCode);
	}
}
