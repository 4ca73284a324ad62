import type {Ticket} from '../../domain/ticket.js';
import type {Flash} from '../components/hint-line.js';
import type {ListedView} from '../hooks/use-views.js';
import type {Mode} from '../mode.js';
import {AssignScreen} from './assign-screen.js';
import {BulkComposeScreen} from './bulk-compose-screen.js';
import {type ComposeOutcome, ComposeScreen} from './compose-screen.js';
import {CustomerScreen} from './customer-screen.js';
import {EscalateScreen} from './escalate-screen.js';
import {FeedbackScreen} from './feedback-screen.js';
import {FollowUpScreen} from './follow-up-screen.js';
import {FollowUpsScreen} from './follow-ups-screen.js';
import {ForwardScreen} from './forward-screen.js';
import {HelpScreen} from './help-screen.js';
import {MergeScreen} from './merge-screen.js';
import {NewTicketScreen} from './new-ticket-screen.js';
import {OutboxScreen} from './outbox-screen.js';
import {QuitScreen} from './quit-screen.js';
import {StatusScreen} from './status-screen.js';
import {TagsScreen} from './tags-screen.js';
import {ViewsScreen} from './views-screen.js';

type Props = {
	readonly mode: Mode;
	readonly width: number;
	readonly height: number;
	/** Handle time for an update of these tickets: known when it is the one open ticket. */
	readonly durationSec: (targets: readonly Ticket[]) => number | null;
	/** `ticket`: the one ticket acted on (the cursor moves on from it); `wasBulk`: many, the selection is done. */
	readonly onActionDone: (flash: Flash | null, ticket?: Ticket, wasBulk?: boolean) => void;
	readonly onComposeDone: (outcome: ComposeOutcome, ticket: Ticket) => void;
	readonly onQuit: () => void;
	/** `changed`: the screen sent or dropped something (the outbox), so the queue is read again. */
	readonly onClose: (changed?: boolean) => void;
	readonly onOpenTicket: (id: string) => void;
	/** Another screen in place of this one (the customer pane's `m` opens the merge). */
	readonly onSwitch: (mode: Mode) => void;
	/** For `V`: the views, the filter now, and what to do when one is applied or the list changes. */
	readonly views: {
		readonly list: readonly ListedView[];
		readonly filter: string;
		readonly onApply: (index: number) => void;
		readonly onChanged: () => void;
	};
};

/** The screen that covers the panes for the current mode (nothing in the main view). */
export function ModeView({
	mode,
	width,
	height,
	durationSec,
	onActionDone,
	onComposeDone,
	onQuit,
	onClose,
	onOpenTicket,
	onSwitch,
	views,
}: Props) {
	const actionDone = (targets: readonly Ticket[]) => (flash: Flash | null) =>
		onActionDone(flash, targets.length === 1 ? targets[0] : undefined, targets.length > 1);
	switch (mode.kind) {
		case 'main':
		case 'filter':
			return null;
		case 'help':
			return <HelpScreen onClose={onClose} width={width} height={height} />;
		case 'followUps':
			return <FollowUpsScreen onClose={onClose} onOpen={onOpenTicket} width={width} height={height} />;
		case 'feedback':
			return <FeedbackScreen onClose={onClose} onOpen={onOpenTicket} width={width} height={height} />;
		case 'customer':
			return (
				<CustomerScreen
					ticket={mode.ticket}
					onClose={onClose}
					onOpen={onOpenTicket}
					onMerge={(duplicate) => onSwitch({kind: 'merge', targets: [duplicate], into: mode.ticket.id})}
					width={width}
					height={height}
				/>
			);
		case 'outbox':
			return <OutboxScreen onClose={onClose} width={width} height={height} />;
		case 'newTicket':
			return (
				<NewTicketScreen
					onDone={(flash, ticketId) => {
						onActionDone(flash);
						if (ticketId !== undefined) onOpenTicket(ticketId);
					}}
					width={width}
					height={height}
				/>
			);
		case 'quit':
			return <QuitScreen drafts={mode.drafts} onQuit={onQuit} onStay={onClose} width={width} />;
		case 'compose':
			return (
				<ComposeScreen
					ticket={mode.ticket}
					isPublic={mode.isPublic}
					openedAtMs={mode.openedAtMs}
					onDone={(outcome) => onComposeDone(outcome, mode.ticket)}
					width={width}
					height={height}
				/>
			);
		case 'views':
			return (
				<ViewsScreen
					views={views.list}
					filter={views.filter}
					onApply={views.onApply}
					onChanged={views.onChanged}
					onClose={onClose}
					width={width}
					height={height}
				/>
			);
		case 'bulkCompose':
			return (
				<BulkComposeScreen
					targets={mode.targets}
					isPublic={mode.isPublic}
					onDone={actionDone(mode.targets)}
					width={width}
					height={height}
				/>
			);
		case 'escalate':
			return (
				<EscalateScreen
					targets={mode.targets}
					durationSec={() => durationSec(mode.targets)}
					onDone={actionDone(mode.targets)}
					width={width}
					height={height}
				/>
			);
		case 'followUp':
			return <FollowUpScreen targets={mode.targets} onDone={actionDone(mode.targets)} width={width} height={height} />;
		case 'merge':
			return (
				<MergeScreen
					targets={mode.targets}
					into={mode.into}
					// Merged into the open ticket: it stays open and is read again, the cursor does not move on.
					onDone={mode.into === undefined ? actionDone(mode.targets) : (flash) => onActionDone(flash)}
					width={width}
					height={height}
				/>
			);
		case 'forward': {
			const [ticket] = mode.targets;
			// After a forward the ticket stays where it was: the agent usually answers the customer next.
			const done = (flash: Flash | null) => onActionDone(flash, undefined, false);
			return ticket ? <ForwardScreen ticket={ticket} onDone={done} width={width} height={height} /> : null;
		}
		case 'status':
		case 'assign':
		case 'tags': {
			const Screen = mode.kind === 'status' ? StatusScreen : mode.kind === 'assign' ? AssignScreen : TagsScreen;
			return (
				<Screen
					targets={mode.targets}
					durationSec={() => durationSec(mode.targets)}
					onDone={(flash) => onActionDone(flash, mode.targets.length === 1 ? mode.targets[0] : undefined)}
					width={width}
					height={height}
				/>
			);
		}
	}
}
