import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import type {Message} from '../../../src/domain/message.js';
import {lintTemplateDir} from '../../../src/templates/lint.js';
import {scrubPersonalData} from '../../../src/text/personal-data.js';
import {createTestContext, runCsr, type TestContext} from '../../support/context.js';
import {aTicket, createMemoryHelpDesk} from '../../support/memory-help-desk.js';
import {now} from './helpers.js';

const message = (id: string, role: 'customer' | 'agent', name: string, text: string, isPublic = true): Message => ({
	id,
	author: {id: role, name, email: null, role},
	public: isPublic,
	channel: 'email',
	createdAt: `2026-11-0${id}T10:00:00.000Z`,
	text,
	attachments: [],
});

const contexts: TestContext[] = [];
afterEach(() => {
	for (const context of contexts.splice(0)) context.cleanup();
});

function setup(): TestContext {
	const ticket = aTicket({
		id: '44',
		subject: 'Pakke til ordre 1066122 er ikke kommet',
		status: 'solved',
		requester: {id: 'u1', name: 'Ida Sørensen', email: 'ida.s@example.dk', locale: 'da-DK'},
	});
	const desk = createMemoryHelpDesk([ticket]);
	desk.threads
		.get('44')!
		.push(
			message(
				'1',
				'customer',
				'Ida Sørensen',
				'Hej,\n\nMin ordre 1066122 er ikke kommet. Ring på +45 20 30 40 50.\n\nMvh Ida',
			),
			message('2', 'agent', 'Jonas Bakke', 'Claim CLM-171029 filed {{ agent.email }}', false),
			message(
				'3',
				'agent',
				'Jonas Bakke',
				'Hej Ida,\n\nDin ordre nr. 1066122 er fundet og sendt igen med trackingnummer 00340434. Skriv til ida.s@example.dk-kopien {{ agent.email }} hvis noget.\n\nVenlig hilsen\nJonas Bakke',
			),
		);
	const context = createTestContext({helpDesk: desk, now});
	contexts.push(context);
	return context;
}

describe('scrubPersonalData', () => {
	it('takes out emails, phone numbers, order and tracking numbers and known names', () => {
		const scrubbed = scrubPersonalData(
			'Hi Anna Berg, order #A-1001 (tracking JJD67760162567294360) – call +46 70 123 45 67 or mail anna@example.se. Ref 55812.',
			{email: 'E', phone: 'P', order: 'O', tracking: 'T', names: [{name: 'Anna Berg', replacement: 'N'}]},
		);
		expect(scrubbed.text).toBe('Hi N, order #O (tracking T) – call P or mail E. Ref O.');
		expect(scrubbed.counts).toEqual({email: 1, phone: 1, order: 2, tracking: 1, name: 1});
	});
});

describe('drafting from a solved ticket', () => {
	it('makes a template in the ticket language with placeholders where the customer details were, that lints clean', async () => {
		const context = setup();
		const result = await runCsr(['templates', 'new', 'parcel-found', '--from-ticket', '44'], context);
		expect(result.exitCode, result.stderr).toBe(0);
		const path = result.stdout.trim();
		expect(path.endsWith(join('templates', 'parcel-found.da.md'))).toBe(true);
		const text = readFileSync(path, 'utf8');
		expect(text).toContain('Hej {{ ticket.requester.first_name }},');
		expect(text).toContain(
			'Din ordre nr. {{ vars.order_id }} er fundet og sendt igen med trackingnummer {{ vars.tracking_number }}.',
		);
		expect(text).toContain("{{ '{{' }} agent.email }}");
		expect(text).toMatch(/vars:\n {2}order_id:\n {4}required: true/);
		for (const secret of ['1066122', '00340434', 'ida.s@example.dk', 'Ida', 'Jonas', 'Bakke', 'CLM-171029']) {
			expect(text).not.toContain(secret);
		}
		const report = lintTemplateDir({path: join(path, '..'), origin: 'user', label: 'mine'}, {now, locales: ['da']});
		expect(report.problems.filter((problem) => problem.kind !== 'missing-base')).toEqual([]);
		const rendered = await runCsr(
			[
				'templates',
				'render',
				'parcel-found',
				'--ticket',
				'44',
				'--var',
				'order_id=A-7',
				'--var',
				'tracking_number=T-9',
			],
			context,
		);
		expect(rendered.exitCode, rendered.stderr).toBe(0);
		expect(rendered.stdout).toContain('Hej Ida,');
		expect(rendered.stdout).toContain('{{ agent.email }}');
	});

	it('makes a Markdown article draft in ./.csr/kb with the question and the answer, personal data removed', async () => {
		const context = setup();
		const result = await runCsr(['kb', 'new', '--from-ticket', '44'], context);
		expect(result.exitCode, result.stderr).toBe(0);
		const files = readdirSync(join(context.cwd, '.csr', 'kb'));
		expect(files).toEqual(['ticket-44-pakke-til-ordre-order-number-er-ikke-kommet.da.md']);
		const text = readFileSync(join(context.cwd, '.csr', 'kb', files[0]!), 'utf8');
		expect(text).toMatch(/^---\ntitle: "Pakke til ordre \[order number\] er ikke kommet"\nlocale: da\nstatus: draft\n/);
		expect(text).toContain('## Question\n\nHej,\n\nMin ordre [order number] er ikke kommet. Ring på [phone].');
		expect(text).toContain('## Answer\n\nHej,\n\nDin ordre nr. [order number]');
		for (const secret of ['1066122', '00340434', 'ida.s@example.dk', 'Ida', 'Sørensen', 'Jonas', 'CLM-171029', '+45']) {
			expect(text).not.toContain(secret);
		}
		expect((await runCsr(['kb', 'new', '--from-ticket', '44'], context)).exitCode).toBe(2);
	});
});
