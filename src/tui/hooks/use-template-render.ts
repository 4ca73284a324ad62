import type {Ticket} from '../../domain/ticket.js';
import {type TemplateRender, useServices} from '../services.js';
import {type AsyncResult, useAsync} from './use-async.js';

/** A template rendered for the ticket, live: it renders again whenever the locale or a variable changes. */
export function useTemplateRender(
	name: string | null,
	ticket: Ticket,
	locale: string | null,
	vars: Readonly<Record<string, string>>,
): AsyncResult<TemplateRender> {
	const {renderTemplate} = useServices();
	return useAsync(name === null ? null : () => renderTemplate(name, ticket, {locale, vars}), [
		renderTemplate,
		name,
		ticket,
		locale,
		vars,
	]);
}
