import type {ResolvedProfile} from '../../config/profiles.js';
import type {Context} from '../../context.js';
import type {Ticket} from '../../domain/ticket.js';
import type {HelpDesk} from '../../providers/help-desk.js';
import type {DeliveryEnv} from '../../services/delivery.js';
import {renderAgentText} from '../../templates/agent-text.js';
import {toDisplayLine} from '../../text/display-text.js';
import {agentOf} from './reply-plan.js';

/** Who is acting, as records and the journal name them: the profile's email, else its user. */
export function actingAgent(profile: ResolvedProfile): string | null {
	return profile.profile.email ?? profile.profile.user ?? null;
}

/** The one delivery path's seams for a command's run on `desk`. */
export function deliveryEnvOf(context: Context, profile: ResolvedProfile, desk: HelpDesk): DeliveryEnv {
	return {
		desk,
		db: context.store(),
		profile: profile.name,
		agent: actingAgent(profile),
		now: context.now,
		signal: context.signal,
		notice: noticeOf(context),
	};
}

/** Where a delivery says what it is waiting for: stderr, one sanitised line. */
export function noticeOf(context: Context): (text: string) => void {
	return (text) => context.io.stderr.write(`csr: ${toDisplayLine(text)}\n`);
}

/**
 * The agent's own text of a write (`--comment`, `--note`) gets the templates' placeholders and strict checks, as
 * `reply --body` does; undefined when there is no text or `--raw` asks for it as typed.
 */
export async function agentTextRenderer(
	context: Context,
	profile: ResolvedProfile,
	desk: HelpDesk,
	options: {readonly text: string | null; readonly raw: boolean | undefined; readonly source: string},
): Promise<((text: string, ticket: Ticket) => string) | undefined> {
	if (options.text === null || options.raw) return undefined;
	const agent = await agentOf(profile, desk, context.signal);
	return (text, ticket) => renderAgentText({text, source: options.source, ticket, agent, now: context.now()});
}
