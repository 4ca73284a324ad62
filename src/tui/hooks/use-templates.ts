import type {Ticket} from '../../domain/ticket.js';
import {type TemplateSummary, useServices} from '../services.js';
import {type AsyncResult, useAsync} from './use-async.js';

/** The reply templates the agent can pick from (team, user and built-in). */
export function useTemplates(): AsyncResult<readonly TemplateSummary[]> {
	const {listTemplates} = useServices();
	return useAsync(() => listTemplates(), [listTemplates]);
}

/** How many suggested templates the picker lists first. */
const suggestedFirst = 3;

/**
 * The templates for a ticket's picker: the best-fitting ones for what the customer wrote first (marked suggested),
 * then the rest in name order. A failed suggestion only loses the order.
 */
export function useTemplatesFor(
	ticket: Ticket | undefined,
): AsyncResult<readonly (TemplateSummary & {readonly suggested: boolean})[]> {
	const {listTemplates, suggestTemplates} = useServices();
	return useAsync(
		async (signal) => {
			const [templates, ranked] = await Promise.all([
				listTemplates(),
				ticket === undefined || suggestTemplates === undefined
					? []
					: suggestTemplates(ticket, signal).catch((): readonly string[] => []),
			]);
			const top = ranked.slice(0, suggestedFirst);
			const rankOf = (name: string): number => (top.includes(name) ? top.indexOf(name) : top.length);
			return templates
				.map((template, index) => ({...template, suggested: top.includes(template.name), index}))
				.sort((a, b) => rankOf(a.name) - rankOf(b.name) || a.index - b.index)
				.map(({index: _index, ...template}) => template);
		},
		[listTemplates, suggestTemplates, ticket],
	);
}
