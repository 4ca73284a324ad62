import type {HelpDesk} from '../help-desk.js';

/** A knowledge-base article csr proposes from a solved ticket; the desk keeps it as an unpublished draft. */
export type ArticleDraft = {
	readonly title: string;
	/** The article as HTML, already escaped: customer text stays text. */
	readonly html: string;
	/** The article's language, e.g. "da" or "en-us". */
	readonly locale: string;
	/** Where it goes: a Zendesk Help Center section id, a Freshdesk solution folder id. */
	readonly place: string;
	/** Who may edit it, where the desk asks (Zendesk: a Guide permission group id); null where it does not. */
	readonly editors: string | null;
};

export type CreatedArticleDraft = {
	readonly id: string;
	/** Where an agent reviews it, when the desk gives one. */
	readonly url: string | null;
	readonly place: string;
};

export interface ArticleDrafts {
	/** What the desk calls the place a draft goes ("Help Center section", "solution folder"), for messages. */
	readonly articleDraftPlace: string;
	/** True when the desk needs `editors` (Zendesk's permission group). */
	readonly articleDraftNeedsEditors: boolean;
	/** Creates the article as a draft (never published); one call, one draft. */
	createArticleDraft(draft: ArticleDraft, signal?: AbortSignal): Promise<CreatedArticleDraft>;
}

export function hasArticleDrafts(desk: HelpDesk): desk is HelpDesk & ArticleDrafts {
	const candidate = desk as HelpDesk & Partial<ArticleDrafts>;
	return typeof candidate.createArticleDraft === 'function' && typeof candidate.articleDraftPlace === 'string';
}
