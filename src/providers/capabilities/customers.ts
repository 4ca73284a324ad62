import type {HelpDesk} from '../help-desk.js';

/** A customer's profile as the desk keeps it. Every text field is untrusted (sanitise before showing). */
export type CustomerProfile = {
	/** The desk's own id of the customer (Zendesk user, Freshdesk contact, RT user). */
	readonly id: string;
	readonly name: string;
	readonly email: string | null;
	readonly phone: string | null;
	/** The desk's own value (`sv-SE`, `da`, `pt_BR`), or null when the desk keeps none. */
	readonly locale: string | null;
	readonly organization: {readonly id: string; readonly name: string} | null;
	/** IANA name where the desk gives one (`Europe/Copenhagen`), else the desk's own label; null when none. */
	readonly timeZone: string | null;
};

/** Which customer: by email address (case-insensitive) or by the desk's id of the customer. */
export type CustomerKey = {readonly email: string} | {readonly id: string};

export interface CustomerDirectory {
	/** The customer, or null when the desk has none by that email or id. Other failures throw as usual. */
	findCustomer(key: CustomerKey, signal?: AbortSignal): Promise<CustomerProfile | null>;
}

export function hasCustomerDirectory(desk: HelpDesk): desk is HelpDesk & CustomerDirectory {
	return typeof (desk as HelpDesk & Partial<CustomerDirectory>).findCustomer === 'function';
}
