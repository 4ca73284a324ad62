import {UsageError} from '../../errors.js';
import type {ArticleDraft, ArticleDrafts, CreatedArticleDraft} from '../help-desk.js';
import type {FreshdeskApi} from './api.js';
import {freshdeskSolutionArticle} from './schemas.js';

/** Freshdesk's solution article status for a draft (2 is published). */
const draftStatus = 1;

/**
 * Solution drafts: `POST /api/v2/solutions/folders/{folder_id}/articles` with `status: 1` (draft). The article is
 * created in the account's primary language; Freshdesk keeps translations as separate versions of it.
 */
export function createFreshdeskArticleDrafts(api: FreshdeskApi): ArticleDrafts {
	return {
		articleDraftPlace: 'solution folder',
		articleDraftNeedsEditors: false,
		async createArticleDraft(draft: ArticleDraft, signal?: AbortSignal): Promise<CreatedArticleDraft> {
			if (!/^\d{1,20}$/.test(draft.place)) {
				throw new UsageError(
					`invalid solution folder "${draft.place}"`,
					'A Freshdesk solution folder id is a number: pass it with --section or `csr config set kb.section ID`.',
				);
			}
			const article = await api.request(
				{
					method: 'POST',
					path: `/api/v2/solutions/folders/${draft.place}/articles`,
					json: {title: draft.title, description: draft.html, status: draftStatus},
					signal,
				},
				freshdeskSolutionArticle,
			);
			return {
				id: String(article.id),
				url: `${api.origin}/a/solutions/articles/${article.id}`,
				place: draft.place,
			};
		},
	};
}
