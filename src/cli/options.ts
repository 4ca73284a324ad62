import * as z from 'zod';
import {type ResolvedProfile, resolveProfile} from '../config/profiles.js';
import type {Context, GlobalOptions} from '../context.js';
import {UsageError} from '../errors.js';
import type {HelpDesk} from '../providers/help-desk.js';

export type OutputFormat = 'table' | 'json' | 'ndjson' | 'csv';

export {globalsOf} from './globals.js';

export function formatOf(globals: GlobalOptions, fallback: OutputFormat = 'table'): OutputFormat {
	if (globals.json) return 'json';
	return globals.format ?? fallback;
}

/** Colour only when the terminal wants it and neither --no-color nor NO_COLOR said no. */
export function colorOf(globals: GlobalOptions, context: Context): boolean {
	return context.io.colorEnabled && globals.color !== false;
}

/** Progress and hints go to stderr only on a TTY and without --quiet. */
export function canShowProgress(globals: GlobalOptions, context: Context): boolean {
	return context.io.stderrIsTty && globals.quiet !== true;
}

export function activeProfile(context: Context, globals: GlobalOptions): ResolvedProfile {
	return resolveProfile(context.config().read(), globals.profile, context.env);
}

/** Opens the active profile's help desk. */
export async function openDesk(
	context: Context,
	globals: GlobalOptions,
): Promise<{desk: HelpDesk; profile: ResolvedProfile}> {
	const profile = activeProfile(context, globals);
	const desk = await context.openHelpDesk(profile, {verbose: globals.verbose === true});
	return {desk, profile};
}

/** Parses a comma-separated list against allowed values; a typo exits 2 naming the flag and the accepted values. */
export function parseList<T extends string>(flag: string, raw: string, allowed: readonly T[]): T[] {
	const values = raw
		.split(',')
		.map((value) => value.trim().toLowerCase())
		.filter((value) => value !== '');
	const parsed = z.array(z.enum(allowed as [T, ...T[]])).safeParse(values);
	if (!parsed.success || values.length === 0) {
		const bad = values.find((value) => !(allowed as readonly string[]).includes(value)) ?? raw;
		throw new UsageError(`invalid ${flag} "${bad}": expected one of ${allowed.join(', ')}`);
	}
	return parsed.data;
}

export function parsePositiveInt(flag: string, raw: string, max = Number.MAX_SAFE_INTEGER): number {
	if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1) {
		throw new UsageError(`invalid ${flag} "${raw}": expected a whole number of 1 or more`);
	}
	if (Number(raw) > max)
		throw new UsageError(`invalid ${flag} "${raw}": at most ${max}`, 'Use --all to get everything.');
	return Number(raw);
}

/** The most a --limit may ask for; more is what --all is for. */
export const maxLimit = 10_000;

/**
 * One ticket id as the user typed it (`12`, `#12`). Every desk csr speaks to numbers its tickets 1, 2, 3…, so anything
 * else (`abc`, `-5`, `0`) cannot be a ticket there: a usage error (exit 2) before any request or journal entry.
 */
export function parseTicketId(what: string, raw: string): string {
	const id = raw.trim().replace(/^#/, '');
	if (!/^[1-9][0-9]{0,17}$/.test(id))
		throw new UsageError(
			`invalid ${what} "${raw}"`,
			'Ticket ids are whole numbers like 12, as your help desk shows them.',
		);
	return id;
}

/** Ticket ids from arguments, or from stdin when the only argument is `-` (one id per line, blank lines ignored). */
export async function readTicketIds(args: readonly string[], context: Context): Promise<string[]> {
	let ids = [...args];
	if (ids.length === 1 && ids[0] === '-') {
		const {readAll} = await import('../io/streams.js');
		ids = (await readAll(context.io.stdin)).split(/\s+/);
	}
	ids = ids
		.map((id) => id.trim())
		.filter((id) => id !== '')
		.map((id) => parseTicketId('ticket id', id));
	if (ids.length === 0)
		throw new UsageError('no ticket ids given', 'Pass ids as arguments, or `-` to read them from stdin.');
	return [...new Set(ids)];
}
