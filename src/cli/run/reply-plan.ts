import {readFileSync} from 'node:fs';
import type {ResolvedProfile} from '../../config/profiles.js';
import type {Context} from '../../context.js';
import type {Ticket} from '../../domain/ticket.js';
import {TicketStatus} from '../../domain/ticket.js';
import {UsageError} from '../../errors.js';
import {readAll} from '../../io/streams.js';
import {type HelpDesk, hasMacros, type TicketChanges} from '../../providers/help-desk.js';
import {checkAttachments, type PlannedAttachment, readTemplateFiles} from '../../services/attachments.js';
import {hashIntent} from '../../services/delivery.js';
import {extrasJsonOf, intentPartsOf} from '../../services/delivery-extras.js';
import {renderAgentText} from '../../templates/agent-text.js';
import {type TemplateDir, templateDirs} from '../../templates/lookup.js';
import {type LoadedTemplate, loadAndRender} from '../../templates/render.js';
import type {ReplyFlags} from './reply.js';
import {localeNoteFor, type PlannedItem} from './reply-dry-run.js';

// The read and plan steps of `csr reply`: what to send, rendered for every ticket before anything is sent.

/** `text` is the agent's own: `label` names where it came from in errors (`--body`, `--body-file PATH`, `--editor`). */
export type BodySource =
	| {kind: 'template'; name: string}
	| {kind: 'macro'; id: string}
	| {kind: 'text'; text: string; label: string};

export async function readBodySource(flags: ReplyFlags, context: Context, idsFromStdin: boolean): Promise<BodySource> {
	const given = [flags.template, flags.macro, flags.body, flags.bodyFile].filter((flag) => flag !== undefined).length;
	if (given > 1) throw new UsageError('give only one of --template, --macro, --body and --body-file');
	if (given === 0 && !flags.editor)
		throw new UsageError(
			'no message given',
			'Use --template NAME, --macro ID, --body TEXT, --body-file PATH or --editor.',
		);
	if (flags.template !== undefined) return {kind: 'template', name: flags.template};
	if (flags.macro !== undefined) {
		const id = flags.macro.trim().replace(/^macro:/, '');
		if (!/^\d+$/.test(id))
			throw new UsageError(`invalid --macro "${flags.macro}"`, 'Macro ids are numbers: see csr templates list.');
		return {kind: 'macro', id};
	}
	if (flags.raw && (flags.template !== undefined || flags.macro !== undefined))
		throw new UsageError('--raw is for your own text (--body, --body-file, --editor), not --template or --macro');
	if (flags.body !== undefined) return {kind: 'text', text: flags.body, label: '--body'};
	if (flags.bodyFile !== undefined) {
		if (flags.bodyFile === '-') {
			if (idsFromStdin)
				throw new UsageError(
					'stdin cannot carry both the ids and the body',
					'Pass ids as arguments with --body-file -, or the body with --body-file PATH.',
				);
			return {kind: 'text', text: await readAll(context.io.stdin), label: '--body-file -'};
		}
		try {
			return {kind: 'text', text: readFileSync(flags.bodyFile, 'utf8'), label: `--body-file ${flags.bodyFile}`};
		} catch (error) {
			throw new UsageError(
				`cannot read --body-file ${flags.bodyFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
			);
		}
	}
	return {kind: 'text', text: '', label: '--editor'};
}

export function parseStatus(raw: string | undefined): TicketStatus | undefined {
	if (raw === undefined) return undefined;
	const parsed = TicketStatus.safeParse(raw.trim().toLowerCase());
	if (!parsed.success)
		throw new UsageError(`invalid --status "${raw}": expected one of ${TicketStatus.options.join(', ')}`);
	return parsed.data;
}

export async function agentOf(profile: ResolvedProfile, desk: HelpDesk, signal: AbortSignal) {
	const {agent, email} = profile.profile;
	const {signature, signatures} = agent;
	if (agent.name) return {name: agent.name, email, signature, signatures};
	const me = await desk.whoAmI(signal);
	return {name: me.name, email: email ?? me.email, signature, signatures};
}

/** Tickets in the order given; ids the desk does not know become failed results. */
export async function fetchTickets(
	desk: HelpDesk,
	ids: readonly string[],
	signal: AbortSignal,
): Promise<{tickets: Ticket[]; missing: string[]}> {
	const found = new Map<string, Ticket>();
	for (let start = 0; start < ids.length; start += 100) {
		for (const ticket of await desk.getTickets(ids.slice(start, start + 100), signal)) found.set(ticket.id, ticket);
	}
	return {
		tickets: ids.flatMap((id) => (found.has(id) ? [found.get(id) as Ticket] : [])),
		missing: ids.filter((id) => !found.has(id)),
	};
}

/** What every ticket's message is made from. */
export type PlanInput = {
	flags: ReplyFlags;
	profile: ResolvedProfile;
	desk: HelpDesk;
	source: BodySource;
	vars: Record<string, string>;
	status: TicketStatus | undefined;
	agent: Awaited<ReturnType<typeof agentOf>>;
	context: Context;
	/** `--attach` files and `--cc` addresses, the same for every ticket. */
	files: readonly PlannedAttachment[];
	cc: readonly string[];
};

/** Render everything before sending anything: one bad template stops the whole run with nothing sent. */
export async function planItems(input: PlanInput, tickets: readonly Ticket[]): Promise<PlannedItem[]> {
	const dirs = templateDirs({cwd: input.context.cwd, configDir: input.context.paths.configDir});
	const cache = new Map<string, LoadedTemplate>();
	const templateFiles = new Map<string, PlannedAttachment>();
	const items: PlannedItem[] = [];
	for (const ticket of tickets) {
		const item = await planItem(input, ticket, dirs, cache, templateFiles);
		// The desk's limits, checked before anything is uploaded to any ticket.
		checkAttachments(
			input.desk,
			item.extras?.attachments ?? [],
			`${input.profile.name} (${input.profile.profile.provider})`,
		);
		items.push(item);
	}
	return items;
}

async function planItem(
	{flags, profile, desk, source, vars, status, agent, context, files, cc}: PlanInput,
	ticket: Ticket,
	dirs: TemplateDir[],
	cache: Map<string, LoadedTemplate>,
	templateFiles: Map<string, PlannedAttachment>,
): Promise<PlannedItem> {
	const fill = (text: string, label: string): string =>
		flags.raw ? text : renderAgentText({text, source: label, ticket, agent, vars, now: context.now()});
	let body: string;
	let isPublic = !flags.internal;
	let changes: TicketChanges | undefined;
	let locale: string | null = null;
	let localeNote: string | null = null;
	let intent: unknown[];
	let attachments: PlannedAttachment[] = [...files];
	if (source.kind === 'template') {
		const rendered = loadAndRender({
			name: source.name,
			ticket,
			agent,
			vars,
			now: context.now(),
			localeFlag: flags.locale,
			profileLocale: profile.profile.defaultLocale,
			dirs,
			cache,
		});
		body = rendered.body;
		isPublic = isPublic && !rendered.internal;
		changes = rendered.changes;
		locale = rendered.locale;
		localeNote = localeNoteFor(rendered.locale, ticket.requester.locale, flags.locale, profile.profile.defaultLocale);
		intent = ['template', rendered.name, rendered.locale, vars];
		attachments = [...readTemplateFiles(rendered.attachments, rendered.name, templateFiles), ...files];
	} else if (source.kind === 'macro') {
		if (!hasMacros(desk)) {
			throw new UsageError(
				`profile ${profile.name} (${profile.profile.provider}) has no macros`,
				'Use --template NAME instead.',
			);
		}
		// The desk renders the macro for this ticket; csr sends the result like any reply (journal, drift, outbox).
		const preview = await desk.previewMacro(ticket.id, source.id, context.signal);
		if (preview.body === null || preview.body.trim() === '') {
			throw new UsageError(
				`macro ${source.id} adds no reply text; nothing was sent`,
				'Apply it with csr status/assign, or pick a macro with a reply.',
			);
		}
		body = preview.body;
		isPublic = isPublic && preview.public !== false;
		changes = {
			...(preview.status === null ? {} : {status: preview.status}),
			...(preview.priority === null ? {} : {priority: preview.priority}),
			...(preview.groupId === null ? {} : {group: preview.groupId}),
		};
		intent = ['macro', source.id, body];
	} else {
		// The agent's own text is a template too (the same variables and checks), unless --raw. With --editor
		// the agent edits their own text, which is filled after.
		const text = flags.editor ? await context.editText(source.text, `csr-reply-${ticket.id}.md`) : source.text;
		body = fill(text, flags.editor ? '--editor' : source.label);
		intent = ['body', body];
	}
	if (flags.editor && source.kind !== 'text') {
		// A rendered template or macro holds customer text: what the agent makes of it is sent as edited.
		body = await context.editText(body, `csr-reply-${ticket.id}.md`);
		intent = ['body', body];
	}
	if (body.trim() === '') throw new UsageError(`the message for ticket ${ticket.id} is empty; nothing was sent`);
	if (status !== undefined) changes = {...changes, status};
	const extras = {cc: isPublic ? cc : [], attachments};
	return {
		ticketId: ticket.id,
		isPublic,
		body,
		changes,
		template: source.kind === 'template' ? source.name : source.kind === 'macro' ? `macro:${source.id}` : null,
		intentHash: hashIntent([profile.name, ticket.id, isPublic, ...intent, changes ?? null, ...intentPartsOf(extras)]),
		expectedUpdatedAt: ticket.updatedAt,
		customer: {email: ticket.requester.email, name: ticket.requester.name},
		channel: ticket.channel,
		action: isPublic ? 'reply' : 'note',
		outcome: null,
		durationSec: null,
		locale,
		localeNote,
		requesterLocale: ticket.requester.locale,
		...(extrasJsonOf(extras) === null ? {} : {extras}),
	};
}
