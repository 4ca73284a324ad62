import type {DeskSurveyKind, DeskSurveyLinks} from '../help-desk.js';

/**
 * Zendesk's CSAT link is its own placeholder, `{{satisfaction.rating_url}}` (the satisfaction placeholders in
 * /work/shared/apis/zendesk.md §5.4: rating_section is a whole block with its own wording, rating_url the link that
 * fits csr's sentence). Zendesk fills it in per ticket when it renders the comment for the customer, so the rating lands
 * in Zendesk's own satisfaction_ratings. Zendesk's Support API has no NPS or CES survey: those use the profile's link.
 */
export function createZendeskSurveyLinks(): DeskSurveyLinks {
	return {
		deskSurveyLink: (kind: DeskSurveyKind) => (kind === 'csat' ? '{{satisfaction.rating_url}}' : null),
	};
}
