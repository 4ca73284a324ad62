import type {Ticket} from '../domain/ticket.js';
import {slaMinutesLeft} from '../domain/urgency.js';

/** `45m`, `5h`, `3d`; a minus sign when the SLA is breached. Empty without an SLA. */
export function formatSla(ticket: Ticket, now: Date): string {
	const left = slaMinutesLeft(ticket, now);
	if (left === null) return '';
	const sign = left < 0 ? '-' : '';
	const minutes = Math.abs(left);
	if (minutes < 60) return `${sign}${minutes}m`;
	if (minutes < 48 * 60) return `${sign}${Math.floor(minutes / 60)}h`;
	return `${sign}${Math.floor(minutes / 1440)}d`;
}

export function isBreached(ticket: Ticket, now: Date): boolean {
	return (slaMinutesLeft(ticket, now) ?? 0) < 0;
}

/**
 * Intl formatters are slow to make (a new one per call costs more than the rest of a frame); these are made once per
 * time zone and kept.
 */
const whenFormats = new Map<string, Intl.DateTimeFormat>();
const clockFormats = new Map<string, Intl.DateTimeFormat>();

function formatterFor(
	cache: Map<string, Intl.DateTimeFormat>,
	timeZone: string,
	options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
	let format = cache.get(timeZone);
	if (format === undefined) {
		format = new Intl.DateTimeFormat('en-GB', {...options, timeZone});
		cache.set(timeZone, format);
	}
	return format;
}

/** `2026-11-01 10:00 UTC`, or in the agent's time zone: `2026-11-01 11:00 CET`. */
export function formatWhen(iso: string, timeZone = 'UTC'): string {
	if (timeZone === 'UTC') return iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
	const at = new Date(iso);
	if (Number.isNaN(at.getTime())) return iso;
	const parts = Object.fromEntries(
		formatterFor(whenFormats, timeZone, {
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23',
			timeZoneName: 'short',
		})
			.formatToParts(at)
			.map((part) => [part.type, part.value]),
	);
	return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']} ${parts['timeZoneName']}`;
}

/** `14:05` in the agent's time zone. */
export function formatClock(at: Date, timeZone: string): string {
	return formatterFor(clockFormats, timeZone, {hour: '2-digit', minute: '2-digit', hourCycle: 'h23'}).format(at);
}

export function formatBytes(size: number | null): string {
	if (size === null) return '';
	if (size < 1024) return `${size} B`;
	if (size < 1024 * 1024) return `${Math.round(size / 1024)} KB`;
	return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

/** Made when first used: an Intl formatter costs ms to make, and the first frame has no count to show. */
let thousands: Intl.NumberFormat | undefined;

/** `1 ticket`, `3 tickets` */
export function plural(count: number, noun: string): string {
	const many = /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`;
	thousands ??= new Intl.NumberFormat('en-US');
	return `${thousands.format(count)} ${count === 1 ? noun : many}`;
}

/** `#12`, `#12, #13 and 4 more` */
export function formatIds(ids: readonly string[]): string {
	const shown = ids.slice(0, 3).map((id) => `#${id}`);
	const rest = ids.length - shown.length;
	return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

/** Whole seconds since `openedAtMs`, never negative. */
export function handleTimeSec(openedAtMs: number, now: Date): number {
	return Math.max(0, Math.round((now.getTime() - openedAtMs) / 1000));
}
