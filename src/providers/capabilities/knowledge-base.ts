import type {HelpDesk} from '../help-desk.js';

/** A knowledge-base article found by search. Title and snippet are untrusted text. */
export type KnowledgeArticle = {
	readonly id: string;
	readonly title: string;
	readonly url: string | null;
	readonly snippet: string | null;
	readonly locale: string | null;
};

/** An article with its text (plain, HTML already rendered). */
export type KnowledgeArticleText = KnowledgeArticle & {readonly body: string};

export interface KnowledgeBase {
	/** `locale` like "en-us" or "da": that language (Zendesk narrows to it; the demo desk lists it first). */
	searchArticles(query: string, locale?: string | null, signal?: AbortSignal): Promise<KnowledgeArticle[]>;
	/** One article with its text; a ProviderError of kind not-found when there is none. Absent: the desk cannot show one. */
	getArticle?(id: string, signal?: AbortSignal): Promise<KnowledgeArticleText>;
}

export function hasKnowledgeBase(desk: HelpDesk): desk is HelpDesk & KnowledgeBase {
	return typeof (desk as HelpDesk & Partial<KnowledgeBase>).searchArticles === 'function';
}
