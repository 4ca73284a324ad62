import {Text} from 'ink';
import type {Ticket} from '../../domain/ticket.js';
import {toDisplayLine} from '../../text/display-text.js';
import type {Flash} from '../components/hint-line.js';
import {useDraft} from '../hooks/use-draft.js';
import {theme} from '../theme.js';
import {Composer} from './composer.js';

/** How the composer ended: what to tell the agent, and whether the ticket should be read again. */
export type ComposeOutcome = {readonly flash: Flash | null; readonly sent: boolean; readonly reloadThread: boolean};

export type ComposeProps = {
	/** The ticket as the agent read it; its updatedAt is what the send checks against. */
	readonly ticket: Ticket;
	readonly isPublic: boolean;
	readonly openedAtMs: number;
	readonly onDone: (outcome: ComposeOutcome) => void;
	readonly width: number;
	readonly height: number;
};

/** `r`/`n`: looks for a kept draft for the ticket, then opens the composer with it (or fresh). */
export function ComposeScreen(props: ComposeProps) {
	const {state} = useDraft(props.ticket.id);
	if (state.kind === 'loading') return <Text color={theme.muted}>Opening the composer…</Text>;
	if (state.kind === 'failed')
		return <Text color={theme.danger}>Could not read your drafts: {toDisplayLine(state.message)}</Text>;
	return <Composer {...props} draft={state.value} />;
}
