import {describe, expect, it} from 'vitest';
import {TemplateError} from '../../../src/templates/errors.js';
import {parseTemplateSource} from '../../../src/templates/front-matter.js';

const where = {template: 'refund', file: 'templates/refund.md'};

function errorOf(text: string): TemplateError {
	try {
		parseTemplateSource(text, where);
	} catch (error) {
		if (error instanceof TemplateError) return error;
		throw error;
	}
	throw new Error('expected a TemplateError');
}

describe('parseTemplateSource', () => {
	it('reads title, description, internal, set and vars, and says where the body starts', () => {
		const source = parseTemplateSource(
			[
				'---',
				'title: Refund',
				'description: Money back',
				'internal: true',
				'keywords: [refund, money back, 30]',
				'channels: [email, chat]',
				'set:',
				'  status: solved',
				'  priority: high',
				'  group: Billing',
				'  tags: {add: [refund], remove: [waiting]}',
				'vars:',
				'  order_id: {required: true, description: The order}',
				'  days: {default: 5}',
				'---',
				'Hello',
			].join('\n'),
			where,
		);
		expect(source.meta).toEqual({
			title: 'Refund',
			description: 'Money back',
			internal: true,
			keywords: ['refund', 'money back', '30'],
			channels: ['email', 'chat'],
			set: {status: 'solved', priority: 'high', group: 'Billing', tags: {add: ['refund'], remove: ['waiting']}},
			vars: {order_id: {required: true, description: 'The order'}, days: {required: false, default: '5'}},
		});
		expect(source.body).toBe('Hello');
		expect(source.bodyLine).toBe(16);
	});

	it('treats a file without front matter as a plain public reply', () => {
		const source = parseTemplateSource('Hello {{ ticket.requester.first_name }}', where);
		expect(source.meta).toEqual({internal: false, keywords: [], set: {}, vars: {}});
		expect(source.bodyLine).toBe(1);
	});

	it('rejects a status that is not a ticket status, naming the key and its file line', () => {
		const error = errorOf(['---', 'title: x', 'set:', '  status: done', '---', 'Hi'].join('\n'));
		expect(error.message).toMatch(
			/^template "refund" has invalid front matter: set\.status: .*\(templates\/refund\.md:4\)$/,
		);
		expect(error.line).toBe(4);
		expect(error.exitCode).toBe(2);
	});

	it('rejects a priority outside the domain and unknown keys', () => {
		expect(errorOf('---\nset: {priority: critical}\n---\n').line).toBe(2);
		const unknown = errorOf('---\ntitle: x\n\nsubject: y\n---\n');
		expect(unknown.message).toContain('subject: unknown key');
		expect(unknown.line).toBe(4);
	});

	it('rejects bad var names and non-boolean internal', () => {
		expect(errorOf('---\nvars:\n  order-id: {required: true}\n---\n').message).toContain('vars.order-id');
		expect(errorOf('---\ninternal: sometimes\n---\n').message).toContain('internal');
	});

	it('reports YAML syntax errors with the file line', () => {
		const error = errorOf('---\ntitle: x\ndescription: a\ntitle: y\n---\nHi');
		expect(error.message).toMatch(/has invalid front matter: .*unique/i);
		expect(error.line).toBe(4);
	});

	it('reports front matter that is never closed', () => {
		expect(errorOf('---\ntitle: x\nHi').message).toContain('never closed');
	});
});
