import {UsageError} from '../errors.js';

export type TemplateErrorDetails = {
	/** The template's name, as the agent asked for it. */
	readonly template: string;
	/** What went wrong, phrased to follow `template "NAME" `: `needs variable order_id`. */
	readonly reason: string;
	/** The file as the agent knows it: `templates/refund-confirmation.da.md`, `.csr/templates/x.md`. */
	readonly file: string;
	/** 1-based line in the file (front matter included); null when the problem has no single line. */
	readonly line?: number | null | undefined;
	readonly variable?: string | null | undefined;
	readonly ticketId?: string | null | undefined;
	readonly hint?: string | undefined;
};

/**
 * A template that cannot be used as it is (syntax, front matter, an undefined variable, a required var without a value).
 * Exit 2 like any usage error; nothing is sent to the ticket it names.
 */
export class TemplateError extends UsageError {
	readonly template: string;
	readonly reason: string;
	readonly file: string;
	readonly line: number | null;
	readonly variable: string | null;
	readonly ticketId: string | null;
	constructor(details: TemplateErrorDetails) {
		const line = details.line ?? null;
		const ticketId = details.ticketId ?? null;
		const where = `${details.file}${line === null ? '' : `:${line}`}`;
		super(
			`template "${details.template}" ${details.reason} (${where})${ticketId === null ? '' : ` for ticket ${ticketId}`}`,
			details.hint,
		);
		this.template = details.template;
		this.reason = details.reason;
		this.file = details.file;
		this.line = line;
		this.variable = details.variable ?? null;
		this.ticketId = ticketId;
	}

	/** The same error, naming the ticket it stopped. */
	forTicket(ticketId: string): TemplateError {
		return new TemplateError({
			template: this.template,
			reason: this.reason,
			file: this.file,
			line: this.line,
			variable: this.variable,
			ticketId,
			hint: this.hint,
		});
	}
}
