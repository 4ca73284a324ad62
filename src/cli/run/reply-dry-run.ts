import type {Context, GlobalOptions} from '../../context.js';
import type {Ticket} from '../../domain/ticket.js';
import {ExitCode, SilentExit} from '../../errors.js';
import {formatBytes} from '../../services/attachments.js';
import type {DeliveryResult, PlannedWrite} from '../../services/delivery.js';
import {chooseLocale, normalizeLocale} from '../../templates/locale.js';
import {toDisplayText, toSafeJson} from '../../text/display-text.js';
import {formatOf} from '../options.js';

// `csr reply --dry-run`: what each ticket would get, and why a real run would fail where it would.

export type PlannedItem = PlannedWrite & {
	locale: string | null;
	/** Why the locale is not the customer's own (unknown language, no variant), shown in dry runs. */
	localeNote: string | null;
	requesterLocale: string | null;
};

/** Says, visibly, when a template's locale is a fallback rather than the customer's language (PRODUCT.md §4). */
export function localeNoteFor(
	used: string,
	requester: string | null,
	flag: string | undefined,
	profileDefault: string | null | undefined,
): string | null {
	if (flag !== undefined) return used === chooseLocale({flag}) ? null : `no ${chooseLocale({flag})} variant`;
	const wanted = normalizeLocale(requester);
	if (wanted === null) {
		const fallback = normalizeLocale(profileDefault) === null ? 'English' : "the profile's default";
		return `customer's language unknown: ${fallback}`;
	}
	return used === wanted ? null : `no ${wanted} variant for the customer's ${requester}`;
}

/** Tickets a real run would fail on before sending: closed ones take no replies or changes on any desk csr speaks. */
export function closedOf(tickets: readonly Ticket[]): DeliveryResult[] {
	return tickets
		.filter((ticket) => ticket.status === 'closed')
		.map((ticket) => ({
			ticketId: ticket.id,
			result: 'failed' as const,
			reason: `ticket ${ticket.id} is closed; the desk takes no replies or changes on closed tickets`,
		}));
}

/** Shows what a run would send; exits 1 (with a line per ticket saying why) when a real run would fail anywhere. */
export function printDryRun(
	planned: readonly PlannedItem[],
	notFound: readonly DeliveryResult[],
	globals: GlobalOptions,
	context: Context,
): void {
	const failing = new Set(notFound.map((result) => result.ticketId));
	const items = planned.filter((item) => !failing.has(item.ticketId));
	const format = formatOf(globals);
	if (format === 'json' || format === 'ndjson') {
		const rows = [
			...notFound,
			...items.map((item) => ({
				ticketId: item.ticketId,
				result: 'dry-run' as const,
				public: item.isPublic,
				locale: item.locale,
				requesterLocale: item.requesterLocale,
				body: item.body,
				changes: item.changes ?? null,
				...((item.extras?.cc ?? []).length > 0 ? {cc: item.extras?.cc} : {}),
				...((item.extras?.attachments ?? []).length > 0
					? {
							attachments: item.extras?.attachments?.map(({fileName, contentType, size}) => ({
								fileName,
								contentType,
								size,
							})),
						}
					: {}),
			})),
		];
		context.io.stdout.write(
			format === 'json' ? `${toSafeJson(rows, 2)}\n` : rows.map((row) => `${toSafeJson(row)}\n`).join(''),
		);
	} else {
		for (const item of items) {
			const details = [
				item.isPublic ? 'public reply' : 'internal note',
				item.locale ? `locale ${item.locale}${item.localeNote ? ` (${item.localeNote})` : ''}` : '',
				item.template ? `template ${item.template}` : '',
				item.changes?.status ? `sets status ${item.changes.status}` : '',
				(item.extras?.cc ?? []).length > 0 ? `cc ${item.extras?.cc?.join(', ')}` : '',
				...(item.extras?.attachments ?? []).map((file) => `📎 ${file.fileName} (${formatBytes(file.size)})`),
			].filter(Boolean);
			context.io.stdout.write(
				`── #${item.ticketId} · ${details.join(' · ')}\n${toDisplayText(item.body).trimEnd()}\n\n`,
			);
		}
		for (const result of notFound) context.io.stdout.write(`failed   #${result.ticketId}  ${result.reason}\n`);
	}
	context.io.stderr.write(`dry run: ${items.length} message${items.length === 1 ? '' : 's'} rendered, nothing sent\n`);
	if (notFound.length > 0) {
		context.io.stderr.write(
			`csr: a real run would fail for ${notFound.length} ticket${notFound.length === 1 ? '' : 's'} (see above)\n`,
		);
		throw new SilentExit(ExitCode.failed);
	}
}
