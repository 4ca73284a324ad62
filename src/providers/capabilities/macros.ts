import type {Priority, TicketStatus} from '../../domain/ticket.js';
import type {HelpDesk} from '../help-desk.js';

/** A provider's saved reply (Zendesk macro). */
export type Macro = {
	readonly id: string;
	readonly title: string;
	readonly description: string | null;
	readonly active: boolean;
	/** The reply text the macro adds, null when it adds none. */
	readonly reply: string | null;
	/** Every action as the provider defines it (`{field: "status", value: "solved"}`). */
	readonly actions: readonly {readonly field: string; readonly value: unknown}[];
};

/** What applying a macro to a ticket would do, rendered by the provider; nothing is changed. */
export type MacroPreview = {
	readonly macroId: string;
	readonly ticketId: string;
	readonly body: string | null;
	/** Whether the comment would be public; null when the macro does not say. */
	readonly public: boolean | null;
	readonly status: TicketStatus | null;
	readonly priority: Priority | null;
	readonly assigneeId: string | null;
	readonly groupId: string | null;
};

export interface MacroSource {
	listMacros(signal?: AbortSignal): Promise<Macro[]>;
	previewMacro(ticketId: string, macroId: string, signal?: AbortSignal): Promise<MacroPreview>;
}

export function hasMacros(desk: HelpDesk): desk is HelpDesk & MacroSource {
	const candidate = desk as HelpDesk & Partial<MacroSource>;
	return typeof candidate.listMacros === 'function' && typeof candidate.previewMacro === 'function';
}
