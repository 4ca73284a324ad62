import type {InteractionRecord} from '../domain/records.js';
import type {RecordStore} from '../store/record-store.js';

export const surveyKinds = ['csat', 'nps', 'ces'] as const;
export type SurveyKind = (typeof surveyKinds)[number];

/** The template a survey is sent with; its records mark a ticket as surveyed. */
export const surveyTemplate = 'survey-request';

/** The survey link for one ticket: `{ticket}`, `{kind}` and `{locale}` in the configured link are filled in. */
export function surveyLinkFor(template: string, values: {ticket: string; kind: SurveyKind; locale: string}): string {
	return template
		.replaceAll('{ticket}', encodeURIComponent(values.ticket))
		.replaceAll('{kind}', values.kind)
		.replaceAll('{locale}', encodeURIComponent(values.locale));
}

/** The survey csr sent to the ticket since `since`, if any (a survey of any kind counts). */
export async function lastSurveyOf(
	store: RecordStore,
	ticketId: string,
	profile: string,
	since: Date,
): Promise<InteractionRecord | null> {
	const records = await store.listRecords({ticketId, actions: ['reply'], since: since.toISOString()});
	return records.find((record) => record.template === surveyTemplate && record.profile === profile) ?? null;
}
