import {Chalk} from 'chalk';
import type {TicketStatus} from '../../domain/ticket.js';

/** Semantic colours for CLI output; identity functions when colour is off. */
export type Paint = {
	status(text: string, status: TicketStatus): string;
	warn(text: string): string;
	error(text: string): string;
	ok(text: string): string;
	muted(text: string): string;
	bold(text: string): string;
	accent(text: string): string;
};

export function createPaint(enabled: boolean): Paint {
	const chalk = new Chalk({level: enabled ? 1 : 0});
	const statusColor: Record<TicketStatus, (text: string) => string> = {
		new: chalk.yellow,
		open: chalk.red,
		pending: chalk.blue,
		'on-hold': chalk.gray,
		solved: chalk.green,
		closed: chalk.dim,
	};
	return {
		status: (text, status) => statusColor[status](text),
		warn: chalk.yellow,
		error: chalk.red,
		ok: chalk.green,
		muted: chalk.dim,
		bold: chalk.bold,
		accent: chalk.cyan,
	};
}
