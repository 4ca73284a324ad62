import {type Document, LineCounter, parseDocument} from 'yaml';
import * as z from 'zod';
import {Channel, Priority, TicketStatus} from '../domain/ticket.js';
import {TemplateError} from './errors.js';

/** Names usable as `vars.NAME` and `--var NAME=VALUE`. */
export const varNamePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

// YAML reads `default: 30` as a number; a var's value is always text.
const VarValue = z.union([z.string(), z.number(), z.boolean()]).transform(String);

export const VarSpec = z.strictObject({
	required: z.boolean().default(false),
	default: VarValue.optional(),
	description: z.string().optional(),
});
export type VarSpec = z.infer<typeof VarSpec>;

const Tag = z.string().regex(/^[^\s,]+$/, 'a tag is one word without spaces or commas');

/** Ticket changes a template applies along with its message. */
export const TemplateSet = z.strictObject({
	status: TicketStatus.optional(),
	priority: Priority.optional(),
	group: z.string().trim().min(1).optional(),
	tags: z.strictObject({add: z.array(Tag).default([]), remove: z.array(Tag).default([])}).optional(),
});
export type TemplateSet = z.infer<typeof TemplateSet>;

export const FrontMatter = z.strictObject({
	title: z.string().trim().min(1).optional(),
	description: z.string().optional(),
	/** An internal note instead of a public reply. */
	internal: z.boolean().default(false),
	/** Words customers use for this case, in the file's language; `csr templates suggest` weighs them above the text. */
	keywords: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
	/** The channels the template is for; absent: every channel. */
	channels: z.array(Channel).min(1).optional(),
	set: TemplateSet.default({}),
	/** Files kept beside the template, sent with every message made from it (a return label); relative to its folder. */
	attachments: z
		.array(
			z
				.string()
				.trim()
				.min(1)
				.refine(
					(path) => !/^([/\\]|[A-Za-z]:)/.test(path) && !path.split(/[/\\]/).includes('..'),
					'a file beside the template: a path inside its folder, without .. or a leading /',
				),
		)
		.optional(),
	vars: z
		.record(
			z.string().regex(varNamePattern, 'a var name is letters, digits and _ (not starting with a digit)'),
			VarSpec,
		)
		.default({}),
});
export type FrontMatter = z.infer<typeof FrontMatter>;

export type TemplateSource = {
	readonly meta: FrontMatter;
	/** The Liquid part, after the front matter. */
	readonly body: string;
	/** The file line of the body's first line: body line n is file line `bodyLine + n - 1`. */
	readonly bodyLine: number;
};

/** Splits a template file into validated front matter and its Liquid body. Errors name the file line. */
export function parseTemplateSource(text: string, where: {template: string; file: string}): TemplateSource {
	const lines = text
		.replace(/^\uFEFF/, '')
		.replace(/\r\n?/g, '\n')
		.split('\n');
	const fail = (reason: string, line: number | null, hint?: string): never => {
		throw new TemplateError({template: where.template, reason, file: where.file, line, hint});
	};
	if (lines[0]?.trimEnd() !== '---') return {meta: FrontMatter.parse({}), body: lines.join('\n'), bodyLine: 1};
	const closing = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
	if (closing === -1) fail('has front matter that is never closed', 1, 'End the front matter with a line `---`.');
	const yamlText = lines.slice(1, closing).join('\n');
	// The YAML starts on file line 2.
	const lineCounter = new LineCounter();
	const document = parseDocument(yamlText, {lineCounter, prettyErrors: false});
	const yamlError = document.errors[0];
	if (yamlError !== undefined) {
		const line = lineCounter.linePos(yamlError.pos[0]).line + 1;
		fail(`has invalid front matter: ${firstLine(yamlError.message)}`, line);
	}
	const raw: unknown = document.toJS() ?? {};
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
		fail('has invalid front matter: expected keys such as title, set and vars', 2);
	}
	const parsed = FrontMatter.safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
		const keyPath = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0] ?? ''] : path;
		const line = lineOf(document, keyPath, lineCounter);
		const field = keyPath.join('.');
		const message = issue.code === 'unrecognized_keys' ? 'unknown key' : issue.message;
		fail(
			`has invalid front matter: ${field === '' ? '' : `${field}: `}${message}`,
			line === null ? 2 : line + 1,
			'Known keys: title, description, internal, keywords, channels, set (status, priority, group, tags: {add, remove}), attachments (files beside the template), vars (NAME: {required, default, description}).',
		);
	}
	return {meta: parsed.data!, body: lines.slice(closing + 1).join('\n'), bodyLine: closing + 2};
}

/** The YAML line (1-based) of the deepest node on `path` that exists. */
function lineOf(document: Document, path: readonly (string | number)[], lineCounter: LineCounter): number | null {
	for (let length = path.length; length > 0; length--) {
		const node = document.getIn(path.slice(0, length), true) as {range?: [number, number, number]} | undefined;
		if (node?.range) return lineCounter.linePos(node.range[0]).line;
	}
	return null;
}

function firstLine(message: string): string {
	return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
