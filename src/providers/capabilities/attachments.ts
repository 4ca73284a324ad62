import type {Attachment} from '../../domain/message.js';
import type {HelpDesk} from '../help-desk.js';

/** What a desk accepts with one message; csr checks a reply's files against it before anything is uploaded. */
export type AttachmentLimits = {
	/** The largest one file may be, in bytes. */
	readonly maxFileBytes: number;
	/** The most all files of one message may add up to, in bytes. */
	readonly maxTotalBytes: number;
	/** The csr setting that changes these limits, where the desk's server is configurable (RT: `rt.maxAttachmentSize`). */
	readonly setting?: string | undefined;
};

/** A desk that sends files with a message (`OutgoingMessage.attachments`) within these limits. */
export interface AttachmentSending {
	readonly attachmentLimits: AttachmentLimits;
}

/** A desk that gives back the bytes of a thread's attachments (`csr show --save-attachments`). */
export interface AttachmentDownload {
	/** The file's bytes; a ProviderError (not-found) when the desk no longer has them. */
	downloadAttachment(ticketId: string, attachment: Attachment, signal?: AbortSignal): Promise<Uint8Array>;
}

export function hasAttachmentSending(desk: HelpDesk): desk is HelpDesk & AttachmentSending {
	const limits = (desk as HelpDesk & Partial<AttachmentSending>).attachmentLimits;
	return typeof limits === 'object' && limits !== null && typeof limits.maxFileBytes === 'number';
}

export function hasAttachmentDownload(desk: HelpDesk): desk is HelpDesk & AttachmentDownload {
	return typeof (desk as HelpDesk & Partial<AttachmentDownload>).downloadAttachment === 'function';
}
