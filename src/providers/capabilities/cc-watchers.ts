import type {HelpDesk} from '../help-desk.js';

/**
 * A desk without a one-message CC: `--cc` addresses are kept on the ticket and get its later public replies too
 * (Request Tracker 5: REST2's correspond, comment and create pass no one-time `CcMessageTo`; only the ticket's Cc
 * watchers are there).
 */
export interface CcKeptOnTicket {
	readonly ccKeptOnTicket: {
		/** The desk's name as agents know it: "Request Tracker". */
		readonly desk: string;
		/** What the desk calls the kept addresses: "Cc watchers". */
		readonly as: string;
	};
}

export function keepsCcOnTicket(desk: HelpDesk): desk is HelpDesk & CcKeptOnTicket {
	const kept = (desk as HelpDesk & Partial<CcKeptOnTicket>).ccKeptOnTicket;
	return typeof kept === 'object' && kept !== null && typeof kept.as === 'string';
}

/** The notice an agent gets when `--cc` goes to such a desk (null on desks whose CC is one message's). */
export function ccNotice(desk: HelpDesk, cc: readonly string[]): string | null {
	if (cc.length === 0 || !keepsCcOnTicket(desk)) return null;
	const {desk: name, as} = desk.ccKeptOnTicket;
	const one = cc.length === 1;
	return `note: ${name} has no one-time CC: ${cc.join(', ')} ${one ? 'becomes one of' : 'become'} the ticket's ${as} and ${one ? 'gets' : 'get'} its later replies too (remove ${one ? 'it' : 'them'} in ${name} to stop that)`;
}
