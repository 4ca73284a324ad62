import {FailedError, messageOf} from '../errors.js';
import type {OutgoingMessage} from '../providers/help-desk.js';
import {loadAttachments, type PlannedAttachment} from './attachments.js';

/** What a planned message carries besides its body: copies and files. Kept as JSON by the journal and the outbox. */
export type MessageExtras = {
	readonly cc?: readonly string[] | undefined;
	readonly attachments?: readonly PlannedAttachment[] | undefined;
};

const isEmpty = (extras: MessageExtras): boolean =>
	(extras.cc ?? []).length === 0 && (extras.attachments ?? []).length === 0;

export function extrasJsonOf(extras: MessageExtras): string | null {
	if (isEmpty(extras)) return null;
	return JSON.stringify({
		...((extras.cc ?? []).length > 0 ? {cc: extras.cc} : {}),
		...((extras.attachments ?? []).length > 0 ? {attachments: extras.attachments} : {}),
	});
}

export function extrasFromJson(json: string | null): MessageExtras {
	if (json === null) return {};
	const parsed = JSON.parse(json) as MessageExtras;
	return {
		...(parsed.cc === undefined ? {} : {cc: parsed.cc}),
		...(parsed.attachments === undefined ? {} : {attachments: parsed.attachments}),
	};
}

/** The intent parts extras add: nothing when there are none, so the hashes of plain replies stay as they were. */
export function intentPartsOf(extras: MessageExtras): unknown[] {
	if (isEmpty(extras)) return [];
	return [
		{
			cc: [...(extras.cc ?? [])].map((email) => email.toLowerCase()).sort(),
			attachments: (extras.attachments ?? []).map((file) => [file.fileName, file.sha256]),
		},
	];
}

/** Copies and files for the desk, read again from disk now; a file that changed or is gone is a FailedError. */
export function outgoingExtras(extras: MessageExtras): Pick<OutgoingMessage, 'cc' | 'attachments'> {
	const files = extras.attachments ?? [];
	return {
		...((extras.cc ?? []).length > 0 ? {cc: extras.cc} : {}),
		...(files.length > 0 ? {attachments: loadAttachments(files)} : {}),
	};
}

/** Whether a failure to read the extras is one that retrying will not fix (it never reached the desk). */
export const extrasFailure = (error: unknown): string | null =>
	error instanceof FailedError ? messageOf(error) : null;
