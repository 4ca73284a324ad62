import type {Ticket} from '../domain/ticket.js';
import {isAnsweredByEmail, type ReviewScope, reviewOf} from './review.js';

/** The agent as templates see it (`agent.*`, `current_user.*`). */
export type TemplateAgent = {
	readonly name: string;
	readonly email: string | null;
	/** Defaults to the name. */
	readonly signature?: string | null | undefined;
	/** By template locale; wins over `signature` for that locale. */
	readonly signatures?: Readonly<Record<string, string>> | undefined;
};

type Person = {name: string; first_name: string; last_name: string; email: string | null; locale: string | null};
type AgentScope = {name: string; first_name: string; email: string | null; signature: string};

/** What a template can read. Customer text is data here, never template source. */
export type TemplateScope = {
	ticket: {
		id: string;
		subject: string;
		/** Zendesk's name for the subject. */
		title: string;
		status: string;
		priority: string | null;
		channel: string;
		/** true when the customer reads the reply as an email: only then may a template say "reply to this email". */
		by_email: boolean;
		/** The review's stars and sentiment (review tickets). */
		review: ReviewScope;
		tags: string[];
		url: string | null;
		/** Zendesk's name for the url. */
		link: string | null;
		requester: Person;
		assignee: {name: string | null; first_name: string | null; email: string | null};
		group: {name: string | null};
	};
	customer: Person;
	agent: AgentScope;
	current_user: AgentScope;
	vars: Record<string, string>;
	/** The agent's calendar date, YYYY-MM-DD. */
	today: string;
};

const leaf = 'leaf';
const list = 'list';
const declaredVars = 'vars';
type SchemaNode = typeof leaf | typeof list | typeof declaredVars | {readonly [key: string]: SchemaNode};

const personSchema = {name: leaf, first_name: leaf, last_name: leaf, email: leaf, locale: leaf} as const;
const agentSchema = {name: leaf, first_name: leaf, email: leaf, signature: leaf} as const;

/** Every variable path a template may use (PRODUCT.md §4, plus a few Zendesk aliases); lint checks against it. */
export const scopeSchema: {readonly [key: string]: SchemaNode} = {
	ticket: {
		id: leaf,
		subject: leaf,
		title: leaf,
		status: leaf,
		priority: leaf,
		channel: leaf,
		by_email: leaf,
		review: {rating: leaf, sentiment: leaf},
		tags: list,
		url: leaf,
		link: leaf,
		requester: personSchema,
		assignee: {name: leaf, first_name: leaf, email: leaf},
		group: {name: leaf},
	},
	customer: personSchema,
	agent: agentSchema,
	current_user: agentSchema,
	vars: declaredVars,
	today: leaf,
};

// Liquid reads these on any string or array.
const builtInProperties = new Set(['size', 'first', 'last']);

/**
 * Whether a variable path (`['ticket', 'requester', 'first_name']`) exists in the scope. `null` segments are dynamic
 * lookups (`ticket[key]`) and end the check.
 */
export function isKnownVariable(segments: readonly (string | number | null)[], declared: ReadonlySet<string>): boolean {
	let node: SchemaNode | undefined = {...scopeSchema};
	for (const segment of segments) {
		if (segment === null) return true;
		if (node === leaf || node === list) return builtInProperties.has(String(segment)) || typeof segment === 'number';
		if (node === declaredVars) {
			if (!declared.has(String(segment))) return false;
			node = leaf;
			continue;
		}
		if (node === undefined || !Object.hasOwn(node, segment)) return false;
		node = node[segment];
	}
	return true;
}

// Titles dropped before the first name: "Dr. Anna Berg" is greeted as Anna.
const honorifics = new Set([
	'dr',
	'prof',
	'mr',
	'mrs',
	'ms',
	'miss',
	'mx',
	'sir',
	'herr',
	'frau',
	'hr',
	'fr',
	'fru',
	'mme',
	'mlle',
]);
const suffixes = new Set(['jr', 'sr', 'phd', 'md', 'ii', 'iii']);
const bare = (word: string): string => word.replace(/\./g, '').toLowerCase();

/**
 * A name's first and last name. "Berg, Anna" is read as last, first. A name that is only a title and a surname
 * ("Dr. Berg") keeps the whole name as first name, so a greeting reads "Hi Dr. Berg". An empty name, or one that is
 * an email address, gives empty strings: templates greet without a name then.
 */
export function splitName(rawName: string): {firstName: string; lastName: string} {
	const name = rawName.trim().replace(/\s+/g, ' ');
	if (name === '' || name.includes('@')) return {firstName: '', lastName: ''};
	const commaParts = name.split(',').map((part) => part.trim());
	let words = name.split(' ');
	let lastFromComma: string | null = null;
	if (commaParts.length === 2 && commaParts[0] !== '' && commaParts[1] !== '' && !suffixes.has(bare(commaParts[1]!))) {
		words = commaParts[1]!.split(' ');
		lastFromComma = commaParts[0]!;
	}
	words = words.map((word) => word.replace(/,$/, '')).filter((word) => word !== '' && !suffixes.has(bare(word)));
	const titleCount = words.findIndex((word) => !honorifics.has(bare(word)));
	if (titleCount === -1) return {firstName: name, lastName: ''};
	const rest = words.slice(titleCount);
	if (titleCount > 0 && rest.length === 1 && lastFromComma === null) return {firstName: name, lastName: rest[0]!};
	return {firstName: rest[0]!, lastName: lastFromComma ?? rest.slice(1).join(' ')};
}

function toPerson(requester: Ticket['requester']): Person {
	const {firstName, lastName} = splitName(requester.name);
	return {
		name: requester.name,
		first_name: firstName,
		last_name: lastName,
		email: requester.email,
		locale: requester.locale,
	};
}

function toAgentScope(agent: TemplateAgent, locale: string | undefined): AgentScope {
	const localised = locale === undefined ? undefined : agent.signatures?.[locale];
	const signature = localised?.trim() ? localised : agent.signature?.trim() ? agent.signature : agent.name;
	return {name: agent.name, first_name: splitName(agent.name).firstName, email: agent.email, signature};
}

/** The agent's calendar date (local time of `now`), YYYY-MM-DD. */
export function formatToday(now: Date): string {
	const pad = (value: number): string => String(value).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The Liquid scope for one ticket. Values are copied, so a template cannot change the ticket. */
export function toTemplateScope(input: {
	ticket: Ticket;
	agent: TemplateAgent;
	vars: Readonly<Record<string, string>>;
	now: Date;
	/** The template file's locale: picks the agent's signature for it. */
	locale?: string | undefined;
}): TemplateScope {
	const {ticket} = input;
	const requester = toPerson(ticket.requester);
	const agent = toAgentScope(input.agent, input.locale);
	return {
		ticket: {
			id: ticket.id,
			subject: ticket.subject,
			title: ticket.subject,
			status: ticket.status,
			priority: ticket.priority,
			channel: ticket.channel,
			by_email: isAnsweredByEmail(ticket.channel),
			review: reviewOf(ticket),
			tags: [...ticket.tags],
			url: ticket.url,
			link: ticket.url,
			requester,
			assignee: {
				name: ticket.assignee?.name ?? null,
				first_name: ticket.assignee ? splitName(ticket.assignee.name).firstName : null,
				email: ticket.assignee?.email ?? null,
			},
			group: {name: ticket.group?.name ?? null},
		},
		customer: {...requester},
		agent,
		current_user: {...agent},
		vars: {...input.vars},
		today: formatToday(input.now),
	};
}
