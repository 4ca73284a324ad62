import type {Context, GlobalOptions} from '../../context.js';
import {UsageError} from '../../errors.js';
import {hasTicketForwarding} from '../../providers/help-desk.js';
import {formatBytes, readAttachmentFile} from '../../services/attachments.js';
import {executeForward, planForward} from '../../services/forward.js';
import {toDisplayText, toSafeJson} from '../../text/display-text.js';
import {activeProfile, formatOf} from '../options.js';
import {agentTextRenderer, deliveryEnvOf} from './agent-context.js';

export type ForwardFlags = {
	to: string[];
	note?: string;
	raw?: boolean;
	last?: boolean;
	dryRun?: boolean;
	attach?: string[];
};

const emailPattern = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

function recipients(raw: readonly string[]): string[] {
	const emails = raw
		.flatMap((value) => value.split(','))
		.map((value) => value.trim())
		.filter(Boolean);
	for (const email of emails)
		if (!emailPattern.test(email))
			throw new UsageError(`invalid email "${email}" in --to`, 'Give one address like claims@carrier.example.');
	if (emails.length === 0)
		throw new UsageError('no address in --to', 'Example: csr forward 4512 --to claims@carrier.example');
	return emails;
}

/** `csr forward ID --to EMAIL`: compose from the thread, send once through the desk, note and record it. */
export async function runForward(rawId: string, flags: ForwardFlags, globals: GlobalOptions, context: Context) {
	const profile = activeProfile(context, globals);
	const ticketId = rawId.trim().replace(/^#/, '');
	if (!/^\d{1,19}$/.test(ticketId))
		throw new UsageError(`invalid ticket id "${rawId}": ticket ids are numbers`, 'Example: csr forward 4512 --to …');
	const to = recipients(flags.to);
	const note = flags.note === undefined || flags.note.trim() === '' ? null : flags.note.trim();
	const json = formatOf(globals) === 'json';
	// Read (and hashed) before the desk is opened: a missing file is a usage error with nothing sent.
	const files = (flags.attach ?? []).map((path) => readAttachmentFile(path, '--attach').planned);
	const desk = await context.openHelpDesk(profile, {verbose: globals.verbose === true});
	try {
		if (!hasTicketForwarding(desk))
			throw new UsageError(
				`profile ${profile.name} (${desk.providerName}) cannot forward tickets from csr: the ${desk.providerName} desk has no forward csr can use`,
				'Forward it from the help desk itself.',
			);
		const env = deliveryEnvOf(context, profile, desk);
		const renderNote = await agentTextRenderer(context, profile, desk, {text: note, raw: flags.raw, source: '--note'});
		const plan = await planForward(env, {
			ticketId,
			to,
			note,
			lastOnly: flags.last === true,
			renderNote,
			attachments: files,
		});
		const fileNames = files.map((file) => file.fileName);
		if (flags.dryRun) {
			if (json)
				context.io.stdout.write(
					`${toSafeJson(
						{
							result: 'dry-run',
							ticketId,
							to: plan.request.to,
							subject: plan.request.subject,
							body: plan.request.body,
							attachments: files.map(({fileName, contentType, size, sha256}) => ({
								fileName,
								contentType,
								size,
								sha256,
							})),
						},
						2,
					)}\n`,
				);
			else
				context.io.stdout.write(
					`── to ${plan.request.to.join(', ')} · ${toDisplayText(plan.request.subject)}\n${toDisplayText(plan.request.body).trimEnd()}\n${files.map((file) => `📎 ${toDisplayText(file.fileName)} (${formatBytes(file.size)}, ${file.contentType})\n`).join('')}`,
				);
			context.io.stderr.write(
				`dry run: ${plan.messageCount} message${plan.messageCount === 1 ? '' : 's'} would go out${plan.alreadyDone ? ' (already forwarded: a real run does nothing)' : ''}; nothing sent\n`,
			);
			return;
		}
		const outcome = await executeForward(env, plan);
		if (json) context.io.stdout.write(`${toSafeJson({...outcome, attachments: fileNames}, 2)}\n`);
		else if (outcome.result === 'forwarded')
			context.io.stdout.write(
				`forwarded #${ticketId} (${plan.messageCount} message${plan.messageCount === 1 ? '' : 's'}${fileNames.length === 0 ? '' : `, ${fileNames.length} file${fileNames.length === 1 ? '' : 's'}`}) to ${outcome.to.join(', ')}${outcome.linkedTicketId === undefined ? '' : ` as ticket #${outcome.linkedTicketId}`}; noted on the ticket\n`,
			);
		else context.io.stdout.write(`#${ticketId} ${outcome.reason} to ${outcome.to.join(', ')}; nothing sent\n`);
	} finally {
		await desk.close();
	}
}
