import * as z from 'zod';
import type {ticketFieldList} from './schemas.js';

// `GET /api/v2/ticket_fields` answers, besides the status labels csr needs for custom statuses, the names of every
// agent and group: the default `agent` and `group` fields carry `choices` as `{"Name": id}`. One request then names
// the assignees and groups of a whole listing, so a queue needs neither `/agents` nor `/groups`.

type Fields = z.output<typeof ticketFieldList>;

/** What csr keeps of the ticket fields: status labels, agent and group names, each as `[id, label]`. */
export const fieldFacts = z.object({
	statuses: z.array(z.tuple([z.number(), z.string()])),
	agents: z.array(z.tuple([z.number(), z.string()])),
	groups: z.array(z.tuple([z.number(), z.string()])),
});
export type FieldFacts = z.infer<typeof fieldFacts>;

export const noFieldFacts: FieldFacts = {statuses: [], agents: [], groups: []};

function fieldOf(fields: Fields, type: string, name: string) {
	return fields.find((candidate) => candidate.type === type || candidate.name === name);
}

const text = (value: unknown): string | null => {
	const label = Array.isArray(value) ? value[0] : value;
	return typeof label === 'string' && label.trim() !== '' ? label.trim() : null;
};

/** Statuses: `choices` is `{"2": ["Open", "Being Processed"], …}` (agent label first), or a list of `{value, label}`. */
function statusLabels(fields: Fields): [number, string][] {
	const labels: [number, string][] = [];
	const add = (code: unknown, label: unknown) => {
		const number = Number(code);
		const name = text(label);
		if (Number.isInteger(number) && name !== null) labels.push([number, name]);
	};
	const choices = fieldOf(fields, 'default_status', 'status')?.choices;
	if (Array.isArray(choices)) {
		for (const choice of choices) {
			if (choice !== null && typeof choice === 'object') {
				const entry = choice as Record<string, unknown>;
				add(entry['value'] ?? entry['id'], entry['label'] ?? entry['name']);
			}
		}
	} else if (choices !== null && typeof choices === 'object') {
		for (const [code, label] of Object.entries(choices as Record<string, unknown>)) add(code, label);
	}
	return labels;
}

/** Agents and groups: `choices` is `{"Anna Berg": 84007931837, …}` (name → id). */
function names(fields: Fields, type: string, name: string): [number, string][] {
	const choices = fieldOf(fields, type, name)?.choices;
	if (choices === null || typeof choices !== 'object' || Array.isArray(choices)) return [];
	const found: [number, string][] = [];
	for (const [label, id] of Object.entries(choices as Record<string, unknown>)) {
		const number = Number(id);
		const shown = text(label);
		if (Number.isSafeInteger(number) && number > 0 && shown !== null) found.push([number, shown]);
	}
	return found;
}

export function factsFromFields(fields: Fields): FieldFacts {
	return {
		statuses: statusLabels(fields),
		agents: names(fields, 'default_agent', 'agent'),
		groups: names(fields, 'default_group', 'group'),
	};
}
