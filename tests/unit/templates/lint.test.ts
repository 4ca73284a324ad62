import {describe, expect, it} from 'vitest';
import {lintTemplateDir} from '../../../src/templates/lint.js';
import {now, templateFolder} from './helpers.js';

const good = (greeting: string) =>
	`---\ntitle: T\nvars:\n  order_id: {required: true}\n---\n${greeting}{% if ticket.requester.first_name != blank %} {{ ticket.requester.first_name }}{% endif %},\n\n{{ vars.order_id }}\n\n{{ agent.signature }}\n`;

describe('lintTemplateDir', () => {
	it('passes a folder where every template has every locale and only known variables', () => {
		const dir = templateFolder({'t.md': good('Hi'), 't.da.md': good('Hej'), 'u.md': 'x', 'u.da.md': 'y'});
		expect(lintTemplateDir(dir, {now, locales: ['en', 'da']})).toEqual({
			dirs: ['my-templates'],
			templates: 2,
			files: 4,
			problems: [],
		});
	});

	it('by default wants every locale of the built-in library, and any other the folder uses', () => {
		const dir = templateFolder({
			't.md': 'x',
			't.da.md': 'x',
			'u.md': 'x',
			'u.da.md': 'x',
			'u.sv.md': 'x',
			'u.nb.md': 'x',
			'u.de.md': 'x',
			'u.fi.md': 'x',
		});
		const expected = 'expected en, da, de, fi, nb, sv';
		expect(lintTemplateDir(dir, {now}).problems).toEqual(
			['de', 'fi', 'nb', 'sv'].map((locale) => ({
				file: `my-templates/t.${locale}.md`,
				line: null,
				kind: 'missing-variant',
				message: `missing locale variant ${locale} (t has en, da; ${expected})`,
			})),
		);
	});

	it('checks against --locales when given, and wants NAME.md for every template', () => {
		const dir = templateFolder({'t.da.md': 'x'});
		const kinds = lintTemplateDir(dir, {now, locales: ['en', 'da', 'de']}).problems.map((problem) => [
			problem.file,
			problem.kind,
		]);
		expect(kinds).toEqual([
			['my-templates/t.de.md', 'missing-variant'],
			['my-templates/t.md', 'missing-base'],
		]);
	});

	it('finds unknown variables with their file line, and undeclared vars', () => {
		const dir = templateFolder({
			'u.md':
				'---\ntitle: U\nvars:\n  known: {default: "k"}\n---\nHi {{ ticket.requester.frist_name }}\n{{ vars.known }} {{ vars.order_nr }}\n{% assign n = ticket.tags.size %}{{ n }} {{ ticket.tags.first }}\n{{ shop.name }}',
		});
		expect(lintTemplateDir(dir, {now, locales: ['en']}).problems).toEqual([
			{
				file: 'my-templates/u.md',
				line: 6,
				kind: 'unknown-variable',
				message: 'unknown variable ticket.requester.frist_name',
			},
			{
				file: 'my-templates/u.md',
				line: 7,
				kind: 'unknown-variable',
				message: 'unknown variable vars.order_nr: declare order_nr under vars in the front matter',
			},
			{file: 'my-templates/u.md', line: 9, kind: 'unknown-variable', message: 'unknown variable shop.name'},
		]);
	});

	it('reports syntax errors, unknown filters, bad front matter and stray file names per file', () => {
		const dir = templateFolder({
			'a.md': '---\ntitle: A\n---\n{% if ticket.id %}\nno end',
			'b.md': '{{ ticket.subject | shout }}',
			'c.md': '---\nset: {status: done}\n---\nx',
			'Notes.EN.md': 'x',
		});
		const problems = lintTemplateDir(dir, {now, locales: ['en']}).problems;
		expect(problems.map((problem) => [problem.file, problem.line, problem.kind])).toEqual([
			['my-templates/a.md', 4, 'syntax'],
			['my-templates/b.md', 1, 'syntax'],
			['my-templates/c.md', 2, 'front-matter'],
			['my-templates/Notes.EN.md', null, 'file-name'],
		]);
		expect(problems[1]!.message).toBe('uses unknown filter shout');
	});

	it('finds an optional var without a default used unguarded, and variants that act differently', () => {
		const dir = templateFolder({
			'o.md': '---\nvars:\n  code: {description: A code}\n---\nCode: {{ vars.code }}',
			'p.md': '---\nset: {status: solved}\n---\nx',
			'p.da.md': '---\nset: {status: pending}\n---\nx',
		});
		const problems = lintTemplateDir(dir, {now, locales: ['en', 'da']}).problems;
		expect(problems.map((problem) => [problem.file, problem.kind])).toEqual([
			['my-templates/o.da.md', 'missing-variant'],
			['my-templates/o.md', 'render'],
			['my-templates/p.da.md', 'inconsistent'],
		]);
		expect(problems[1]!.message).toContain('give code a default or guard it with {% if vars.code %}');
	});

	it('reports a template that asks to reply by email while it can be used on chat, and not one limited to email', () => {
		const asking = '---\ntitle: T\n---\nHi,\n\nJust reply to this email.\n';
		const dir = templateFolder({
			'ask.md': asking,
			'ask.da.md': '---\ntitle: T\n---\nHej,\n\nSvar bare på denne mail.\n',
			'mail.md': '---\ntitle: M\nchannels: [email, web]\n---\nJust reply to this email.',
			'mail.da.md': '---\ntitle: M\nchannels: [email, web]\n---\nSvar bare på denne mail.',
			'switch.md':
				'---\ntitle: S\n---\n{% if ticket.by_email %}Reply to this email{% else %}Get back to us{% endif %}.',
			'switch.da.md':
				'---\ntitle: S\n---\n{% if ticket.by_email %}Svar på denne mail{% else %}Skriv til os{% endif %}.',
		});
		const problems = lintTemplateDir(dir, {now, locales: ['en', 'da']}).problems;
		expect(problems.map((problem) => [problem.file, problem.line, problem.kind])).toEqual([
			['my-templates/ask.da.md', 6, 'channel'],
			['my-templates/ask.md', 6, 'channel'],
		]);
		expect(problems[1]!.message).toContain('asks the customer to "reply to this email" on a chat ticket');
	});
});

describe('lintTemplateDir: files a template declares', () => {
	it('names a declared attachment that is not beside the template, and passes one that is', () => {
		const text = '---\ntitle: Label\nattachments: [return-label.pdf]\n---\nHi, your label is attached.\n';
		const missing = templateFolder({'label.md': text, 'label.da.md': text});
		expect(lintTemplateDir(missing, {now, locales: ['en', 'da']}).problems).toEqual(
			['label.da.md', 'label.md'].map((file) => ({
				file: `my-templates/${file}`,
				line: null,
				kind: 'front-matter',
				message: 'attachments: return-label.pdf is not a file beside the template',
			})),
		);
		const present = templateFolder({'label.md': text, 'label.da.md': text, 'return-label.pdf': '%PDF-1.4'});
		expect(lintTemplateDir(present, {now, locales: ['en', 'da']}).problems).toEqual([]);
	});

	it('refuses a path out of the template folder in the front matter', () => {
		const dir = templateFolder({'t.md': '---\nattachments: [../secret.pdf]\n---\nx\n', 't.da.md': 'x'});
		expect(lintTemplateDir(dir, {now, locales: ['en', 'da']}).problems[0]?.message).toContain('without ..');
	});
});
