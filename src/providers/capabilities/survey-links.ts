import type {HelpDesk} from '../help-desk.js';

/** The survey kinds csr sends (`csr survey send --kind`). */
export type DeskSurveyKind = 'csat' | 'nps' | 'ces';

export interface DeskSurveyLinks {
	/**
	 * The desk's own rating link for a survey of this kind, as text the desk fills in when it sends the message (a
	 * placeholder), or null when the desk has none for that kind and csr uses the profile's survey URL.
	 */
	deskSurveyLink(kind: DeskSurveyKind): string | null;
}

export function hasDeskSurveyLinks(desk: HelpDesk): desk is HelpDesk & DeskSurveyLinks {
	return typeof (desk as HelpDesk & Partial<DeskSurveyLinks>).deskSurveyLink === 'function';
}
