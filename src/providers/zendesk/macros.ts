import type * as z from 'zod';
import type {Priority, TicketStatus} from '../../domain/ticket.js';
import {ProviderError, UsageError} from '../../errors.js';
import {htmlToText} from '../../text/html-to-text.js';
import type {KnowledgeArticle, KnowledgeArticleText, Macro, MacroPreview} from '../help-desk.js';
import {ticketNotFound, ticketNumber, type ZendeskApi} from './api.js';
import {statusFromZendesk} from './map.js';
import {articleSearchResponse, articleShowResponse, macroApplyResponse, macrosResponse} from './schemas.js';

const asText = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

function replyOf(actions: readonly {field: string; value: unknown}[]): string | null {
	const plain = actions.find((action) => action.field === 'comment_value');
	if (plain) {
		// Some accounts store ["channel:all", "text"] pairs.
		const value = Array.isArray(plain.value) ? plain.value[plain.value.length - 1] : plain.value;
		const text = asText(value);
		if (text !== null) return text;
	}
	const html = asText(actions.find((action) => action.field === 'comment_value_html')?.value);
	return html === null ? null : htmlToText(html);
}

/** The agent's usable macros (`/api/v2/macros/active`, every page). */
export async function listMacros(api: ZendeskApi, signal?: AbortSignal): Promise<Macro[]> {
	const macros: Macro[] = [];
	for (let page = 1; page <= 50; page++) {
		const body = await api.get('/api/v2/macros/active.json', {page, per_page: 100}, macrosResponse, signal);
		for (const macro of body.macros) {
			macros.push({
				id: String(macro.id),
				title: macro.title,
				description: macro.description ?? null,
				active: macro.active,
				reply: replyOf(macro.actions),
				actions: macro.actions,
			});
		}
		if (!body.next_page || body.macros.length === 0) break;
	}
	return macros;
}

/** What a macro would do to a ticket (`GET /tickets/{id}/macros/{macro}/apply`): changes nothing. */
export async function previewMacro(
	api: ZendeskApi,
	ticketId: string,
	macroId: string,
	signal?: AbortSignal,
): Promise<MacroPreview> {
	if (!/^\d{1,19}$/.test(macroId)) throw new UsageError(`invalid macro id "${macroId}"`, 'Macro ids are numbers.');
	let body: z.output<typeof macroApplyResponse>;
	try {
		body = await api.get(
			`/api/v2/tickets/${ticketNumber(ticketId)}/macros/${macroId}/apply.json`,
			{},
			macroApplyResponse,
			signal,
		);
	} catch (error) {
		throw ticketNotFound(ticketId, error);
	}
	const ticket = body.result.ticket;
	const comment = ticket.comment ?? null;
	const status = ticket.status == null ? null : (statusFromZendesk as Record<string, TicketStatus>)[ticket.status];
	const priority = ['low', 'normal', 'high', 'urgent'].includes(ticket.priority ?? '')
		? (ticket.priority as Priority)
		: null;
	return {
		macroId,
		ticketId,
		body:
			comment === null ? null : (asText(comment.body) ?? (comment.html_body ? htmlToText(comment.html_body) : null)),
		public: comment?.public ?? null,
		status: status ?? null,
		priority,
		assigneeId: ticket.assignee_id == null ? null : String(ticket.assignee_id),
		groupId: ticket.group_id == null ? null : String(ticket.group_id),
	};
}

const localePattern = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

/** Help Center article search (`/api/v2/help_center[/{locale}]/articles/search`), first 25 results. */
export async function searchArticles(
	api: ZendeskApi,
	query: string,
	locale: string | null | undefined,
	signal?: AbortSignal,
): Promise<KnowledgeArticle[]> {
	if (query.trim() === '')
		throw new UsageError('nothing to search for', 'Give some words: `csr kb search "refund policy"`.');
	if (locale && !localePattern.test(locale)) {
		throw new UsageError(`invalid locale "${locale}"`, 'Use a language code such as en-us, da or sv.');
	}
	const path = locale
		? `/api/v2/help_center/${locale.toLowerCase()}/articles/search.json`
		: '/api/v2/help_center/articles/search.json';
	const body = await api.get(path, {query: query.trim(), per_page: 25}, articleSearchResponse, signal);
	return body.results
		.filter((article) => article.draft !== true)
		.map((article) => ({
			id: String(article.id),
			title: article.title,
			url: article.html_url ?? null,
			snippet: article.snippet ? htmlToText(article.snippet) : null,
			locale: article.locale ?? null,
		}));
}

/** One Help Center article with its text (`/api/v2/help_center/articles/{id}`). */
export async function getArticle(
	api: ZendeskApi,
	articleId: string,
	signal?: AbortSignal,
): Promise<KnowledgeArticleText> {
	if (!/^\d{1,20}$/.test(articleId)) {
		throw new UsageError(
			`invalid article id "${articleId}"`,
			'Help Center article ids are numbers, as `csr kb search` lists them.',
		);
	}
	try {
		const {article} = await api.get(`/api/v2/help_center/articles/${articleId}.json`, {}, articleShowResponse, signal);
		return {
			id: String(article.id),
			title: article.title,
			url: article.html_url ?? null,
			snippet: null,
			locale: article.locale ?? null,
			body: htmlToText(article.body ?? ''),
		};
	} catch (error) {
		if (error instanceof ProviderError && error.kind === 'not-found') {
			throw new ProviderError(`Zendesk Help Center has no article ${articleId} (or you cannot see it)`, {
				kind: 'not-found',
				status: 404,
				cause: error,
			});
		}
		throw error;
	}
}
