import type {Ticket} from '../domain/ticket.js';
import {UsageError} from '../errors.js';
import {liquidEngine, parseLiquid, toTemplateError} from './engine.js';
import {TemplateError} from './errors.js';
import {type TemplateAgent, toTemplateScope} from './scope.js';

export type AgentTextInput = {
	/** The text as the agent wrote it (`--body`, `--body-file`, the editor). */
	readonly text: string;
	/** Where it came from, named in errors: `--body`, `--body-file notes.md`, `--editor`. */
	readonly source: string;
	readonly ticket: Ticket;
	readonly agent: TemplateAgent;
	readonly vars?: Readonly<Record<string, string>> | undefined;
	readonly now: Date;
	/** Who it is for, in errors (default `ticket ID`): `ann@example.com` for a ticket not opened yet. */
	readonly target?: string | undefined;
	/** How to give a missing variable (default: the template hint, `--var NAME=VALUE`). */
	readonly varHint?: ((name: string) => string) | undefined;
};

const hasLiquid = (text: string): boolean => text.includes('{{') || text.includes('{%');

/**
 * The agent's own message text rendered with the same strict Liquid and the same variables as templates, so a bulk
 * `--body "Hi {{ ticket.requester.first_name }}"` greets each customer by name and a typo (`firstname`) stops the run
 * with exit 2 (a UsageError naming the source, the variable and the ticket) before anything is sent. Only the agent's text is a template: ticket and customer text go into the scope
 * as data. Text without `{{` or `{%` comes back exactly as written.
 */
export function renderAgentText(input: AgentTextInput): string {
	if (!hasLiquid(input.text)) return input.text;
	const place = {template: input.source, file: input.source, bodyLine: 1, ticketId: input.ticket.id};
	try {
		const parsed = parseLiquid(input.text, place);
		// As for a template's required vars: a var the text uses must have a value, not an empty one.
		for (const variable of liquidEngine().analyzeSync(parsed, {partials: false}).globals['vars'] ?? []) {
			const name = variable.segments[1];
			if (typeof name === 'string' && input.vars?.[name] !== undefined && input.vars[name].trim() === '') {
				throw new TemplateError({
					...place,
					reason: `needs variable ${name}, given empty`,
					variable: name,
					line: variable.location.row,
					hint: `Pass it with --var ${name}=VALUE.`,
				});
			}
		}
		const scope = toTemplateScope({
			ticket: input.ticket,
			agent: input.agent,
			vars: {...(input.vars ?? {})},
			now: input.now,
		});
		return String(liquidEngine().renderSync(parsed, scope));
	} catch (error) {
		// Said about the agent's text, not a template file: "--body uses undefined variable … (line 1) for ticket 12".
		const failure = toTemplateError(error, place);
		// A `vars.NAME` without a value (not a mistyped ticket field) is given the caller's way.
		const missingVar = failure.reason.startsWith('needs variable') ? failure.variable : null;
		const hint = missingVar !== null && input.varHint !== undefined ? input.varHint(missingVar) : failure.hint;
		throw new UsageError(
			`${input.source} ${failure.reason}${failure.line === null ? '' : ` (line ${failure.line})`} for ${input.target ?? `ticket ${input.ticket.id}`}`,
			`${hint ? `${hint} ` : ''}Or send the text exactly as typed with --raw.`,
		);
	}
}
