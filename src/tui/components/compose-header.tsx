import {Box, Text} from 'ink';
import type {Ticket} from '../../domain/ticket.js';
import {toDisplayLine} from '../../text/display-text.js';
import type {ComposeText, StatusChoice} from '../compose-model.js';
import {theme} from '../theme.js';

type Props = {
	readonly ticket: Ticket;
	readonly isPublic: boolean;
	readonly template: string | null;
	/** The template file's language, once rendered. */
	readonly locale: string | null;
	readonly statusChoice: StatusChoice;
	/** The status the send will set, after the agent's choice. */
	readonly status: string | null;
	readonly vars: Readonly<Record<string, string>>;
	readonly text: ComposeText;
	readonly isEdited: boolean;
	readonly width: number;
};

/** Who it goes to, how, in which language, what it changes, and what still blocks it. */
export function ComposeHeader({
	ticket,
	isPublic,
	template,
	locale,
	statusChoice,
	status,
	vars,
	text,
	isEdited,
	width,
}: Props) {
	const requester = ticket.requester;
	const varText = Object.entries(vars)
		.map(([name, value]) => `${name}=${toDisplayLine(value)}`)
		.join(' ');
	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate-end">
				<Text bold color={isPublic ? theme.agent : theme.note}>
					{isPublic ? 'Reply' : 'Internal note'}
				</Text>
				<Text>
					{' '}
					to #{ticket.id} · {toDisplayLine(requester.name)}
				</Text>
				{requester.email ? <Text color={theme.muted}> &lt;{toDisplayLine(requester.email)}&gt;</Text> : null}
			</Text>
			<Text wrap="truncate-end" color={theme.muted}>
				{'status on send: '}
				<Text color={status ? theme.accent : theme.muted}>
					{status ?? 'unchanged'}
					{statusChoice === 'template' && status ? ' (template)' : ''}
				</Text>
				{` · template ${template ?? 'none'}`}
				{locale ? ` · language ${locale}` : ''}
				{requester.locale ? ` (requester ${toDisplayLine(requester.locale)})` : ' (requester language unknown)'}
			</Text>
			<Text wrap="truncate-end">
				{isEdited ? <Text color={theme.accent}>edited · </Text> : null}
				{varText === '' ? <Text color={theme.muted}>no vars</Text> : <Text>vars {varText}</Text>}
				{text.kind === 'blocked' ? (
					<Text color={theme.danger}> · cannot send: {toDisplayLine(text.reason)}</Text>
				) : null}
			</Text>
		</Box>
	);
}
