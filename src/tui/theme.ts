import type {TicketStatus} from '../domain/ticket.js';

/** Semantic colours; components never name a raw colour. Without colour support Ink prints plain text. */
export const theme = {
	accent: 'cyan',
	selection: 'cyan',
	muted: 'gray',
	danger: 'red',
	warning: 'yellow',
	ok: 'green',
	note: 'yellow',
	customer: 'cyan',
	agent: 'green',
	border: 'gray',
	status: {
		new: 'magenta',
		open: 'red',
		pending: 'blue',
		'on-hold': 'gray',
		solved: 'green',
		closed: 'gray',
	} satisfies Record<TicketStatus, string>,
} as const;

export type Tone = 'plain' | 'muted' | 'danger' | 'warning' | 'ok' | 'accent' | 'note' | 'customer' | 'agent';

/** The colour of a tone, for components that take a tone prop. */
export function colorOf(tone: Tone): string | undefined {
	return tone === 'plain' ? undefined : theme[tone];
}
