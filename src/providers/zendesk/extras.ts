import type {HelpDesk, InteractiveSignIn, KnowledgeBase, MacroSource} from '../help-desk.js';

// The Zendesk desk's extras beyond HelpDesk are provider-neutral interfaces in ../help-desk.ts (MacroSource,
// KnowledgeBase, InteractiveSignIn, with hasMacros/hasKnowledgeBase/hasSignIn guards) so other layers can use them
// without importing a provider. This module adds the Zendesk-specific guard; it loads no HTTP code.

export type {AuthInfo, KnowledgeArticle, Macro as ZendeskMacro, MacroPreview} from '../help-desk.js';

export type ZendeskExtras = MacroSource & KnowledgeBase & InteractiveSignIn;

export type ZendeskHelpDesk = HelpDesk & ZendeskExtras;

/** The active desk is Zendesk and offers macros, Help Center search and OAuth sign-in. */
export function isZendeskHelpDesk(desk: HelpDesk): desk is ZendeskHelpDesk {
	const candidate = desk as HelpDesk & Partial<ZendeskExtras>;
	return (
		candidate.providerName === 'zendesk' &&
		typeof candidate.listMacros === 'function' &&
		typeof candidate.previewMacro === 'function' &&
		typeof candidate.searchArticles === 'function' &&
		typeof candidate.signIn === 'function'
	);
}
