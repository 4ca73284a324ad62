import {createReadStream, readFileSync} from 'node:fs';
import type {Context, GlobalOptions} from '../../context.js';
import {type Channel, type Ticket, TicketStatus} from '../../domain/ticket.js';
import {UsageError} from '../../errors.js';
import {readAll} from '../../io/streams.js';
import {ccNotice, type NewTicket} from '../../providers/help-desk.js';
import {
	checkAttachments,
	formatBytes,
	type PlannedAttachment,
	readAttachmentFile,
	readTemplateFiles,
} from '../../services/attachments.js';
import {decodeText, readCsvRecords} from '../../services/csv-reader.js';
import {type DeliveryResult, hashIntent, type PlannedWrite} from '../../services/delivery.js';
import {intentPartsOf} from '../../services/delivery-extras.js';
import {assertCanCreate} from '../../services/logged-tickets.js';
import {executeRun, planRun} from '../../services/replies.js';
import {renderAgentText} from '../../templates/agent-text.js';
import {templateDirs} from '../../templates/lookup.js';
import {type LoadedTemplate, loadAndRender} from '../../templates/render.js';
import {toDisplayLine, toDisplayText, toSafeJson} from '../../text/display-text.js';
import {activeProfile, formatOf} from '../options.js';
import {createResultPrinter} from '../output/results.js';
import {noticeOf} from './agent-context.js';

export type NewFlags = {
	to?: string;
	name?: string;
	subject?: string;
	template?: string;
	body?: string;
	bodyFile?: string;
	/** --body / --body-file exactly as typed, no placeholders. */
	raw?: boolean;
	varFile?: string;
	channel?: string;
	status?: string;
	tag?: string[];
	cc?: string[];
	attach?: string[];
	group?: string;
	assignee?: string;
	locale?: string;
	dryRun?: boolean;
	yes?: boolean;
};

type Recipient = {email: string; name: string | null; vars: Record<string, string>};

const emailPattern = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

function checkEmail(raw: string, where: string): string {
	const email = raw.trim();
	if (!emailPattern.test(email))
		throw new UsageError(`invalid email "${email}" ${where}`, 'Give one address like ann@example.com.');
	return email;
}

/** `--var-file`: a CSV with a header row, an `email` column and one column per template variable. */
async function readVarFile(path: string): Promise<Map<string, Recipient>> {
	const rows = new Map<string, Recipient>();
	let header: string[] | undefined;
	try {
		for await (const {line, fields} of readCsvRecords(decodeText(createReadStream(path)))) {
			if (header === undefined) {
				header = fields.map((field) => field.trim());
				if (!header.includes('email'))
					throw new UsageError(
						`--var-file ${path} has no "email" column`,
						'The first row names the columns: email,name,…',
					);
				continue;
			}
			if (fields.every((field) => field.trim() === '')) continue;
			const vars: Record<string, string> = {};
			header.forEach((column, index) => {
				if (column !== '' && column !== 'email') vars[column] = fields[index] ?? '';
			});
			const email = checkEmail(fields[header.indexOf('email')] ?? '', `on line ${line} of ${path}`);
			rows.set(email.toLowerCase(), {email, name: vars['name']?.trim() || null, vars});
		}
	} catch (error) {
		if (error instanceof UsageError) throw error;
		throw new UsageError(`cannot read --var-file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
	}
	return rows;
}

async function recipientsOf(flags: NewFlags, context: Context): Promise<Recipient[]> {
	const fromFile = flags.varFile === undefined ? new Map<string, Recipient>() : await readVarFile(flags.varFile);
	let emails: string[];
	if (flags.to === undefined) {
		if (flags.varFile === undefined)
			throw new UsageError(
				'no recipient given',
				'Use --to EMAIL, --to - (one email a line on stdin) or --var-file CSV.',
			);
		emails = [...fromFile.values()].map((row) => row.email);
	} else if (flags.to.trim() === '-') {
		emails = (await readAll(context.io.stdin))
			.split('\n')
			.map((line) => line.trim())
			.filter((line) => line !== '' && !line.startsWith('#'))
			.map((line, index) => checkEmail(line, `on stdin line ${index + 1}`));
	} else emails = flags.to.split(',').map((email) => checkEmail(email, 'in --to'));
	const seen = new Set<string>();
	const recipients: Recipient[] = [];
	for (const email of emails) {
		if (seen.has(email.toLowerCase())) continue;
		seen.add(email.toLowerCase());
		const row = fromFile.get(email.toLowerCase());
		recipients.push({email, name: flags.name ?? row?.name ?? null, vars: row?.vars ?? {}});
	}
	if (recipients.length === 0) throw new UsageError('no recipients given', 'Give at least one email address.');
	return recipients;
}

function bodySourceOf(flags: NewFlags): {template: string} | {text: string; source: string} {
	const given = [flags.template, flags.body, flags.bodyFile].filter((flag) => flag !== undefined).length;
	if (given !== 1)
		throw new UsageError('give exactly one of --template, --body and --body-file', 'The first message of each ticket.');
	if (flags.template !== undefined) return {template: flags.template};
	if (flags.body !== undefined) return {text: flags.body, source: '--body'};
	try {
		return {text: readFileSync(flags.bodyFile as string, 'utf8'), source: `--body-file ${flags.bodyFile}`};
	} catch (error) {
		throw new UsageError(
			`cannot read --body-file ${flags.bodyFile}: ${(error as NodeJS.ErrnoException).code ?? error}`,
		);
	}
}

function parseChoice<T extends string>(flag: string, raw: string | undefined, allowed: readonly T[]): T | undefined {
	if (raw === undefined) return undefined;
	const value = raw.trim().toLowerCase() as T;
	if (!allowed.includes(value)) throw new UsageError(`invalid ${flag} "${raw}": expected one of ${allowed.join(', ')}`);
	return value;
}

/** The ticket a template sees before it exists: the requester, the subject, no id yet. */
function draftTicket(recipient: Recipient, subject: string, channel: Channel, at: string): Ticket {
	return {
		id: 'new',
		subject,
		status: 'new',
		priority: null,
		channel,
		requester: {id: '', name: recipient.name ?? '', email: recipient.email, locale: null},
		assignee: null,
		group: null,
		tags: [],
		createdAt: at,
		updatedAt: at,
		slaDueAt: null,
		url: null,
	};
}

export async function runNew(flags: NewFlags, globals: GlobalOptions, context: Context): Promise<void> {
	const profile = activeProfile(context, globals);
	const subject = flags.subject?.trim() ?? '';
	if (subject === '')
		throw new UsageError(
			'a new ticket needs --subject',
			'Example: csr new --to ann@example.com --subject "Your order" --body "Hi"',
		);
	const source = bodySourceOf(flags);
	const channel = parseChoice('--channel', flags.channel, ['email', 'phone', 'chat'] as const) ?? 'email';
	const status = parseChoice('--status', flags.status, TicketStatus.options);
	// `--attach` files are read and hashed now; at send they are read again and must hash the same.
	const attached = (flags.attach ?? []).map((path) => readAttachmentFile(path, '--attach').planned);
	const recipients = await recipientsOf(flags, context);
	if (recipients.length > 1 && !flags.yes && !flags.dryRun) {
		if (!context.io.stdinIsTty || flags.to?.trim() === '-')
			throw new UsageError(
				`refusing to open ${recipients.length} tickets without --yes`,
				'Check with --dry-run first, then add --yes.',
			);
		if (!(await context.confirm(`Open ${recipients.length} tickets on profile ${profile.name}?`)))
			throw new UsageError('cancelled; nothing was created');
	}
	const desk = await context.openHelpDesk(profile, {verbose: globals.verbose === true});
	try {
		assertCanCreate(desk, profile.name);
		const me = await desk.whoAmI(context.signal);
		const agent = {
			name: profile.profile.agent.name ?? me.name,
			email: profile.profile.email ?? me.email,
			signature: profile.profile.agent.signature,
		};
		const dirs = templateDirs({cwd: context.cwd, configDir: context.paths.configDir});
		const cache = new Map<string, LoadedTemplate>();
		const readFiles = new Map<string, PlannedAttachment>();
		const deskLabel = `${profile.name} (${profile.profile.provider})`;
		const at = context.now().toISOString();
		const spec = {
			subject,
			channel,
			status,
			tags: flags.tag,
			cc: flags.cc?.map((email) => checkEmail(email, 'in --cc')),
			group: flags.group,
			assignee:
				flags.assignee === undefined ? undefined : flags.assignee === 'me' ? ('me' as const) : {email: flags.assignee},
			locale: flags.locale,
		};
		const notice = ccNotice(desk, spec.cc ?? []);
		if (notice !== null) context.io.stderr.write(`${notice}\n`);
		// Render everything before creating anything: one bad row stops the run with nothing sent.
		const items: PlannedWrite[] = recipients.map((recipient) => {
			const rendered =
				'text' in source
					? undefined
					: loadAndRender({
							name: source.template,
							ticket: draftTicket(recipient, subject, channel, at),
							ticketId: `for ${recipient.email}`,
							agent,
							vars: recipient.vars,
							now: context.now(),
							localeFlag: flags.locale,
							profileLocale: profile.profile.defaultLocale,
							dirs,
							cache,
						});
			// The agent's own text gets the templates' placeholders and strict checks, as `reply --body` does.
			const body =
				rendered !== undefined
					? rendered.body
					: 'text' in source && flags.raw !== true
						? renderAgentText({
								text: source.text,
								source: source.source,
								ticket: draftTicket(recipient, subject, channel, at),
								agent,
								vars: recipient.vars,
								now: context.now(),
								target: recipient.email,
								varHint: (name) => `Give it a ${name} column in --var-file (or use --template).`,
							})
						: (source as {text: string}).text;
			// The template's own files, then `--attach`: checked against the desk's limits before anything is created.
			const attachments = [
				...(rendered === undefined ? [] : readTemplateFiles(rendered.attachments, rendered.name, readFiles)),
				...attached,
			];
			checkAttachments(desk, attachments, deskLabel);
			if (body.trim() === '') throw new UsageError(`the message for ${recipient.email} is empty; nothing was created`);
			// What the template sets (status, tags) applies to the new ticket unless a flag says otherwise.
			const create: NewTicket = {
				...spec,
				status: spec.status ?? rendered?.changes?.status,
				tags: [...(spec.tags ?? []), ...(rendered?.changes?.tags?.add ?? [])],
				requester: {email: recipient.email, name: recipient.name},
				body,
			};
			return {
				ticketId: `new:${recipient.email.toLowerCase()}`,
				isPublic: true,
				body,
				changes: undefined,
				template: 'template' in source ? source.template : null,
				intentHash: hashIntent([
					profile.name,
					'new',
					recipient.email.toLowerCase(),
					create,
					...intentPartsOf({attachments}),
				]),
				expectedUpdatedAt: null,
				customer: {email: recipient.email, name: recipient.name},
				channel,
				action: 'create',
				outcome: null,
				durationSec: null,
				create,
				...(attachments.length > 0 ? {extras: {attachments}} : {}),
			};
		});
		if (flags.dryRun) return printDryRun(items, globals, context);
		const db = context.store();
		const planned = planRun(db, {
			profile: profile.name,
			fingerprint: hashIntent([profile.name, 'new', items.map((item) => item.intentHash)]),
			kind: 'create',
			planJson: JSON.stringify({subject, source, recipients: recipients.length}),
			items,
			now: context.now(),
		});
		if (planned.resumed && globals.quiet !== true)
			context.io.stderr.write(`continuing run ${planned.runId}: tickets it already opened are not opened again\n`);
		// A resumed run reads its items back from the journal; the ticket details come from this (identical) plan.
		const byKey = new Map(items.map((item) => [item.ticketId, item]));
		const run = {
			...planned,
			items: planned.items.map((item) => byKey.get(item.ticketId) ?? item),
			settled: planned.settled.map((result) => ({...result, ticketId: result.messageId ?? result.ticketId})),
		};
		const printer = createResultPrinter(globals, context, items.length);
		const {results, interrupted} = await executeRun(
			{
				desk,
				db,
				profile: profile.name,
				agent: agent.email,
				now: context.now,
				signal: context.signal,
				notice: noticeOf(context),
			},
			run,
			{force: false, concurrency: 4, onResult: (result, done, total) => printer.onResult(result, done, total)},
		);
		printer.finish(results, {
			runId: items.length > 1 ? run.runId : null,
			interrupted,
			resumeHint: 'run the same command again',
		});
	} finally {
		await desk.close();
	}
}

function printDryRun(items: readonly PlannedWrite[], globals: GlobalOptions, context: Context): void {
	const format = formatOf(globals);
	if (format === 'json' || format === 'ndjson') {
		const rows: (DeliveryResult & Record<string, unknown>)[] = items.map((item) => ({
			ticketId: null as unknown as string,
			result: 'dry-run',
			to: item.customer.email,
			subject: item.create?.subject ?? null,
			body: item.body,
			...((item.extras?.attachments ?? []).length > 0
				? {
						attachments: (item.extras?.attachments ?? []).map(({fileName, contentType, size}) => ({
							fileName,
							contentType,
							size,
						})),
					}
				: {}),
		}));
		context.io.stdout.write(
			format === 'json' ? `${toSafeJson(rows, 2)}\n` : rows.map((row) => `${toSafeJson(row)}\n`).join(''),
		);
	} else {
		for (const item of items) {
			const files = (item.extras?.attachments ?? []).map(
				(file) => ` · 📎 ${toDisplayLine(file.fileName)} (${formatBytes(file.size)})`,
			);
			context.io.stdout.write(
				`── new ticket for ${toDisplayText(item.customer.email ?? '')} · ${toDisplayText(item.create?.subject ?? '')}${files.join('')}\n${toDisplayText(item.body).trimEnd()}\n\n`,
			);
		}
	}
	context.io.stderr.write(
		`dry run: ${items.length} ticket${items.length === 1 ? '' : 's'} rendered, nothing created\n`,
	);
}
