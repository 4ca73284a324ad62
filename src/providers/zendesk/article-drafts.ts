import * as z from 'zod';
import {UsageError} from '../../errors.js';
import type {ArticleDraft, ArticleDrafts, CreatedArticleDraft} from '../help-desk.js';
import type {ZendeskApi} from './api.js';

const createdArticle = z.object({
	article: z.object({id: z.number().int(), html_url: z.string().nullable().optional(), draft: z.boolean().optional()}),
});

const numeric = (what: string, value: string | null): string => {
	if (value === null || !/^\d{1,20}$/.test(value)) {
		throw new UsageError(
			`invalid ${what} "${value ?? ''}"`,
			`A Zendesk ${what} is a number: pass it as a flag or set it with \`csr config set\`.`,
		);
	}
	return value;
};

/**
 * Help Center drafts: `POST /api/v2/help_center/{locale}/sections/{section_id}/articles` with `draft: true` (Help
 * Center OpenAPI, CreateArticle: title, locale, permission_group_id and user_segment_id are required; a null user
 * segment means everyone may read it once it is published). Subscribers are not notified of a draft.
 */
export function createZendeskArticleDrafts(api: ZendeskApi): ArticleDrafts {
	return {
		articleDraftPlace: 'Help Center section',
		articleDraftNeedsEditors: true,
		async createArticleDraft(draft: ArticleDraft, signal?: AbortSignal): Promise<CreatedArticleDraft> {
			const section = numeric('Help Center section', draft.place);
			const permissionGroup = numeric('permission group', draft.editors);
			const locale = draft.locale.toLowerCase();
			if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(locale)) {
				throw new UsageError(`invalid locale "${draft.locale}"`, 'Use a language code such as en-us, da or sv.');
			}
			const {article} = await api.request(
				{
					method: 'POST',
					path: `/api/v2/help_center/${locale}/sections/${section}/articles.json`,
					json: {
						article: {
							title: draft.title,
							body: draft.html,
							locale,
							draft: true,
							permission_group_id: Number(permissionGroup),
							user_segment_id: null,
						},
						notify_subscribers: false,
					},
					signal,
				},
				createdArticle,
			);
			return {id: String(article.id), url: article.html_url ?? null, place: section};
		},
	};
}
