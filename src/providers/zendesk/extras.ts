import type {Priority, TicketStatus} from '../../domain/ticket.js';
import type {HelpDesk} from '../help-desk.js';

// What the Zendesk desk offers beyond HelpDesk. Types and the guard only: importing this module loads no HTTP code.

export type ZendeskMacro = {
	readonly id: string;
	readonly title: string;
	readonly description: string | null;
	readonly active: boolean;
	/** The reply text the macro adds (`comment_value`, or `comment_value_html` as text), null when it adds none. */
	readonly reply: string | null;
	/** Every action as Zendesk defines it (`{field: "status", value: "solved"}`). */
	readonly actions: readonly {readonly field: string; readonly value: unknown}[];
};

/** What applying a macro to a ticket would do; Zendesk renders the placeholders and changes nothing. */
export type MacroPreview = {
	readonly macroId: string;
	readonly ticketId: string;
	/** Rendered reply text, or null when the macro adds no comment. */
	readonly body: string | null;
	/** Whether the comment would be public; null when the macro does not say. */
	readonly public: boolean | null;
	readonly status: TicketStatus | null;
	readonly priority: Priority | null;
	readonly assigneeId: string | null;
	readonly groupId: string | null;
};

export type KnowledgeArticle = {
	readonly id: string;
	readonly title: string;
	readonly url: string | null;
	/** Plain text; Zendesk's `<em>` highlights removed. Untrusted: print via toDisplayText. */
	readonly snippet: string | null;
	readonly locale: string | null;
};

/** How the desk signs in, for `csr auth status`: never the secret itself. */
export type ZendeskAuthInfo = {readonly scheme: 'basic' | 'bearer' | 'oauth' | 'none'; readonly from: string};

export type ZendeskExtras = {
	listMacros(signal?: AbortSignal): Promise<ZendeskMacro[]>;
	previewMacro(ticketId: string, macroId: string, signal?: AbortSignal): Promise<MacroPreview>;
	/** Help Center articles; `locale` like "en-us" or "da" narrows the search to that language. */
	searchArticles(query: string, locale?: string | null, signal?: AbortSignal): Promise<KnowledgeArticle[]>;
	authInfo(): ZendeskAuthInfo;
};

export type ZendeskHelpDesk = HelpDesk & ZendeskExtras;

/** For templates, replies and `csr kb`: the Zendesk-only methods, when the active desk is Zendesk. */
export function isZendeskHelpDesk(desk: HelpDesk): desk is ZendeskHelpDesk {
	const candidate = desk as Partial<ZendeskExtras> & HelpDesk;
	return (
		candidate.providerName === 'zendesk' &&
		typeof candidate.listMacros === 'function' &&
		typeof candidate.previewMacro === 'function' &&
		typeof candidate.searchArticles === 'function'
	);
}
