import {Liquid, LiquidError, type Template} from 'liquidjs';
import {TemplateError} from './errors.js';

let engine: Liquid | undefined;

/**
 * The one Liquid engine: strict variables and filters, so a typo is an error rather than a blank in a customer's
 * reply. `lenientIf` keeps `{% if vars.x %}` and `| default:` usable for optional values.
 */
export function liquidEngine(): Liquid {
	if (engine === undefined) {
		engine = new Liquid({
			strictVariables: true,
			strictFilters: true,
			lenientIf: true,
			ownPropertyOnly: true,
			// `today` is the agent's date; format it as it is, not shifted by the machine's zone.
			timezoneOffset: 0,
			parseLimit: 1_000_000,
			renderLimit: 5_000,
			memoryLimit: 10_000_000,
		});
		// Partials would read files outside the template folders and lose line numbers; a template is one file.
		for (const tag of ['include', 'render', 'layout']) delete engine.tags[tag];
	}
	return engine;
}

export type ErrorPlace = {
	readonly template: string;
	readonly file: string;
	/** The file line of the Liquid body's first line. */
	readonly bodyLine: number;
	readonly ticketId?: string | undefined;
};

/** Parses a template body; syntax errors and unknown filters become a TemplateError naming the file line. */
export function parseLiquid(body: string, place: ErrorPlace): Template[] {
	try {
		return liquidEngine().parse(body);
	} catch (error) {
		throw toTemplateError(error, place);
	}
}

/** A liquidjs error → TemplateError with the variable, the file line (front matter counted) and the ticket. */
export function toTemplateError(error: unknown, place: ErrorPlace): TemplateError {
	if (error instanceof TemplateError) return place.ticketId ? error.forTicket(place.ticketId) : error;
	if (!(error instanceof LiquidError)) {
		return new TemplateError({
			template: place.template,
			reason: `failed: ${error instanceof Error ? error.message : String(error)}`,
			file: place.file,
			ticketId: place.ticketId,
		});
	}
	const row = error.token?.getPosition?.()[0];
	const line = row === undefined ? null : row + place.bodyLine - 1;
	const detail = error.message.replace(/, line:\d+, col:\d+$/, '');
	const base = {template: place.template, file: place.file, line, ticketId: place.ticketId};
	const variable = undefinedVariableOf(error, detail);
	if (variable !== null) {
		const varName = /^vars\.([A-Za-z0-9_]+)$/.exec(variable)?.[1];
		if (varName !== undefined) {
			return new TemplateError({
				...base,
				reason: `needs variable ${varName}`,
				variable: varName,
				hint: `Pass it with --var ${varName}=VALUE, or give it a default in the template's front matter.`,
			});
		}
		return new TemplateError({
			...base,
			reason: `uses undefined variable ${variable}`,
			variable,
			hint: 'Templates can use ticket.*, ticket.requester.*, customer.*, agent.*, current_user.*, vars.* and today. Check with `csr templates lint`.',
		});
	}
	const filter = /^undefined filter: (\S+)/.exec(detail)?.[1];
	if (filter !== undefined) return new TemplateError({...base, reason: `uses unknown filter ${filter}`});
	if (error.name === 'ParseError' || error.name === 'TokenizationError') {
		return new TemplateError({...base, reason: `has a syntax error: ${detail}`});
	}
	return new TemplateError({...base, reason: `failed: ${detail}`});
}

function undefinedVariableOf(error: LiquidError, detail: string): string | null {
	const original = error.originalError as {variableName?: unknown} | undefined;
	if (typeof original?.variableName === 'string') return original.variableName;
	return /^undefined variable: (.+)$/.exec(detail)?.[1] ?? null;
}
