import type {Message, TicketThread} from '../domain/message.js';
import {type Replacements, scrubPersonalData} from '../text/personal-data.js';
import {plainToHtml} from '../text/plain-to-html.js';
import {splitName} from './scope.js';

/** A solved ticket's question and answer, ready to become a template or an article. */
export type TicketKnowledge = {
	readonly subject: string;
	/** The customer's public messages, oldest first. */
	readonly question: readonly string[];
	/** The agent's last public reply. */
	readonly answer: string;
};

/** The customer's public messages and the agent's last public reply; null when the agent never replied. */
export function knowledgeOf(thread: TicketThread): TicketKnowledge | null {
	const isPublic = (message: Message) => message.public;
	const answer = thread.messages.filter((message) => isPublic(message) && message.author.role === 'agent').at(-1);
	if (answer === undefined) return null;
	const question = thread.messages
		.filter((message) => isPublic(message) && message.author.role === 'customer')
		.map((message) => message.text.trim())
		.filter((text) => text !== '');
	return {subject: thread.ticket.subject, question, answer: answer.text.trim()};
}

/** Names that identify people on the ticket: the requester (full, first, last) and the agents who wrote. */
function peopleOf(thread: TicketThread): {customer: string[]; agents: string[]} {
	const {firstName, lastName} = splitName(thread.ticket.requester.name);
	const customer = [thread.ticket.requester.name, firstName, lastName].filter((name) => name.trim().length >= 2);
	const agents = [
		...new Set(
			thread.messages
				.filter((message) => message.author.role === 'agent')
				.flatMap((message) => {
					const split = splitName(message.author.name);
					return [message.author.name, split.firstName];
				}),
		),
	].filter((name) => name.trim().length >= 2 && !customer.includes(name));
	return {customer, agents};
}

// Liquid in the agent's or customer's text is text: `{{` and `{%` are written so Liquid prints them.
const quoteLiquid = (text: string): string => text.replace(/\{\{|\{%/g, (open) => `{{ '${open}' }}`);

export type TemplateDraft = {readonly text: string; readonly vars: readonly string[]};

/**
 * A template from the agent's last reply: the customer's name becomes `{{ ticket.requester.first_name }}`, order and
 * tracking numbers become required vars, emails, phone numbers and the agents' names are taken out.
 */
export function templateFromTicket(thread: TicketThread, knowledge: TicketKnowledge): TemplateDraft {
	const {customer, agents} = peopleOf(thread);
	const [fullName, firstName] = customer;
	const replacements: Replacements = {
		email: '[email]',
		phone: '[phone]',
		order: '{{ vars.order_id }}',
		tracking: '{{ vars.tracking_number }}',
		names: [
			...(fullName ? [{name: fullName, replacement: '{{ ticket.requester.name }}'}] : []),
			...customer.slice(1).map((name) => ({
				name,
				replacement: name === firstName ? '{{ ticket.requester.first_name }}' : '{{ ticket.requester.name }}',
			})),
			...agents.map((name) => ({name, replacement: '{{ agent.name }}'})),
		],
	};
	const body = scrubPersonalData(quoteLiquid(knowledge.answer), replacements);
	const subject = scrubPersonalData(knowledge.subject, {...replacements, order: '…', tracking: '…', names: []}).text;
	const vars = [
		...(body.counts.order > 0 ? ['order_id'] : []),
		...(body.counts.tracking > 0 ? ['tracking_number'] : []),
	];
	const varLines = vars.flatMap((name) => [
		`  ${name}:`,
		'    required: true',
		`    description: ${JSON.stringify(name === 'order_id' ? 'The order number' : 'The parcel tracking number')}`,
	]);
	const text = [
		'---',
		`title: ${JSON.stringify(subject.replace(/\s+/g, ' ').trim() || 'Drafted from a ticket')}`,
		`description: ${JSON.stringify(`Drafted from ticket ${thread.ticket.id}: check the wording before you use it.`)}`,
		...(vars.length > 0 ? ['vars:', ...varLines] : []),
		'---',
		body.text,
		'',
	].join('\n');
	return {text, vars};
}

/** An article's parts, personal data taken out: its title, the customer's question and the agent's answer. */
export type ArticleParts = {
	readonly title: string;
	readonly locale: string;
	readonly ticketId: string;
	readonly question: readonly string[];
	readonly answer: string;
};

/** The article's title, question and answer with every personal detail taken out. */
export function articlePartsOf(thread: TicketThread, knowledge: TicketKnowledge, locale: string): ArticleParts {
	const {customer, agents} = peopleOf(thread);
	const replacements: Replacements = {
		email: '[email]',
		phone: '[phone]',
		order: '[order number]',
		tracking: '[tracking number]',
		names: [...customer, ...agents].map((name) => ({name, replacement: '\u0000'})),
	};
	// A greeting or sign-off that only held a name loses the name and its space: "Hej Ida," → "Hej,".
	const clean = (text: string): string =>
		scrubPersonalData(text, replacements)
			.text.replace(/ ?\u0000/g, '')
			.replace(/[ \t]+$/gm, '')
			.replace(/\n{3,}/g, '\n\n')
			.trim();
	return {
		title: clean(knowledge.subject).replace(/\s+/g, ' ') || 'Question from a customer',
		locale,
		ticketId: thread.ticket.id,
		question: knowledge.question.map(clean).filter((text) => text !== ''),
		answer: clean(knowledge.answer),
	};
}

/** An article draft in Markdown: the question and the answer, with every personal detail taken out. */
export function articleFromTicket(thread: TicketThread, knowledge: TicketKnowledge, locale: string): string {
	const parts = articlePartsOf(thread, knowledge, locale);
	return [
		'---',
		`title: ${JSON.stringify(parts.title)}`,
		`locale: ${locale}`,
		'status: draft',
		`source: ${JSON.stringify(`ticket ${parts.ticketId}`)}`,
		'---',
		`# ${parts.title}`,
		'',
		'## Question',
		'',
		...parts.question.map((text) => `${text}\n`),
		'## Answer',
		'',
		parts.answer,
		'',
	].join('\n');
}

const questionHeading: Record<string, [string, string]> = {
	en: ['Question', 'Answer'],
	da: ['Spørgsmål', 'Svar'],
	sv: ['Fråga', 'Svar'],
	nb: ['Spørsmål', 'Svar'],
	de: ['Frage', 'Antwort'],
};

/** The article as the HTML body a desk stores: every text escaped, the headings in the article's language. */
export function articleHtml(parts: ArticleParts): string {
	const [question, answer] = questionHeading[parts.locale.slice(0, 2).toLowerCase()] ?? ['Question', 'Answer'];
	return [
		`<h2>${question}</h2>`,
		...parts.question.map((text) => plainToHtml(text)),
		`<h2>${answer}</h2>`,
		plainToHtml(parts.answer),
	].join('\n');
}
