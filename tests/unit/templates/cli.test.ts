import {existsSync, mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import type {Ticket} from '../../../src/domain/ticket.js';
import {builtInTemplateDir} from '../../../src/templates/lookup.js';
import {createTestContext, runCsr, type TestContext} from '../../support/context.js';
import {aTicket, createMemoryHelpDesk} from '../../support/memory-help-desk.js';

const contexts: TestContext[] = [];
afterEach(() => {
	for (const context of contexts.splice(0)) context.cleanup();
});

function setup(tickets: Ticket[] = [aTicket()]): TestContext {
	const context = createTestContext({helpDesk: createMemoryHelpDesk(tickets), now: new Date('2026-11-20T12:00:00Z')});
	contexts.push(context);
	return context;
}

function lineOf(text: string, needle: string): number {
	return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

describe('csr templates list', () => {
	it('lists the built-in library with locales, source and title', async () => {
		const result = await runCsr(['templates', 'list'], setup());
		expect(result.exitCode).toBe(0);
		const lines = result.stdout.trimEnd().split('\n');
		expect(lines[0]).toMatch(/^NAME\s+LOCALES\s+SOURCE\s+TITLE$/);
		expect(lines).toHaveLength(16);
		expect(lines.find((line) => line.startsWith('refund-confirmation'))).toMatch(
			/^refund-confirmation\s+en da de nb sv\s+built-in\s+Refund confirmed$/,
		);
		expect(lines.find((line) => line.startsWith('handover-note'))).toContain('(internal note)');
	});

	it('is what `csr templates` shows', async () => {
		const context = setup();
		expect((await runCsr(['templates'], context)).stdout).toBe((await runCsr(['templates', 'list'], context)).stdout);
	});

	it("prints JSON, with a team's template owning its name", async () => {
		const context = setup();
		mkdirSync(join(context.cwd, '.csr', 'templates'), {recursive: true});
		writeFileSync(join(context.cwd, '.csr', 'templates', 'order-status.md'), '---\ntitle: Our order status\n---\nHi');
		const result = await runCsr(['templates', 'list', '--json'], context);
		expect(result.exitCode).toBe(0);
		const rows = JSON.parse(result.stdout) as {name: string; source: string; locales: string[]; title: string}[];
		expect(rows).toHaveLength(15);
		expect(rows.find((row) => row.name === 'order-status')).toMatchObject({
			source: 'team',
			locales: ['en'],
			title: 'Our order status',
		});
		expect(rows.find((row) => row.name === 'exchange')).toMatchObject({source: 'built-in'});
	});
});

describe('csr templates show', () => {
	it('prints the file as written', async () => {
		const result = await runCsr(['templates', 'show', 'refund-confirmation', '--locale', 'da'], setup());
		expect(result.exitCode).toBe(0);
		expect(result.stdout).toBe(readFileSync(join(builtInTemplateDir().path, 'refund-confirmation.da.md'), 'utf8'));
	});

	it('prints a template even when it does not parse', async () => {
		const context = setup();
		mkdirSync(join(context.cwd, '.csr', 'templates'), {recursive: true});
		writeFileSync(join(context.cwd, '.csr', 'templates', 'broken.md'), 'Hi {% if x %}\n');
		const result = await runCsr(['templates', 'show', 'broken'], context);
		expect(result).toEqual({exitCode: 0, stdout: 'Hi {% if x %}\n', stderr: ''});
	});

	it('exits 2 for an unknown template', async () => {
		const result = await runCsr(['templates', 'show', 'refund'], setup());
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toMatch(/^csr: no template named "refund"\nDid you mean refund-confirmation\?/);
	});
});

describe('csr templates render', () => {
	it("renders for the ticket in the requester's locale and prints the body", async () => {
		const result = await runCsr(
			['templates', 'render', 'order-status', '--ticket', '1', '--var', 'order_id=A-1001'],
			setup(),
		);
		expect(result.exitCode).toBe(0);
		expect(result.stdout).toMatch(/^Hej Anna!\n\nTack för ditt meddelande om order A-1001\./);
		expect(result.stdout).toMatch(/Vänliga hälsningar\nDemo Agent\nKundtjänst\n$/);
		expect(result.stderr).toBe('');
	});

	it('takes --locale and prints JSON with the actions', async () => {
		const result = await runCsr(
			[
				'templates',
				'render',
				'refund-confirmation',
				'--ticket',
				'1',
				'--locale',
				'de-AT',
				'--json',
				'--var',
				'order_id=7',
				'--var',
				'amount=9 €',
			],
			setup(),
		);
		expect(result.exitCode).toBe(0);
		const json = JSON.parse(result.stdout);
		expect(json).toMatchObject({
			ticketId: '1',
			name: 'refund-confirmation',
			locale: 'de',
			file: 'templates/refund-confirmation.de.md',
			internal: false,
			changes: {status: 'solved'},
		});
		expect(json.body).toMatch(
			/^Hallo Anna,\n\nich habe gute Nachrichten für Sie: Wir haben Ihnen 9 € für Ihre Bestellung 7/,
		);
	});

	it('stops with exit 2 naming the variable, file line and ticket when a required var is missing', async () => {
		const result = await runCsr(
			['templates', 'render', 'refund-confirmation', '--ticket', '1', '--var', 'amount=5'],
			setup(),
		);
		expect(result.exitCode).toBe(2);
		const file = readFileSync(join(builtInTemplateDir().path, 'refund-confirmation.sv.md'), 'utf8');
		const line = lineOf(file, '{{ vars.order_id }}');
		expect(result.stdout).toBe('');
		expect(result.stderr).toBe(
			`csr: template "refund-confirmation" needs variable order_id (templates/refund-confirmation.sv.md:${line}) for ticket 1\nPass it with --var order_id=VALUE (Ordernumret).\n`,
		);
	});

	it('renders customer text as data', async () => {
		const hostile = aTicket({requester: {id: 'u1', name: '{{agent.email}}', email: null, locale: 'en'}});
		const result = await runCsr(['templates', 'render', 'review-response', '--ticket', '1'], setup([hostile]));
		expect(result.exitCode).toBe(0);
		expect(result.stdout).toMatch(/^Hi \{\{agent\.email\}\},\n/);
		expect(result.stdout).not.toContain('you@demo.csr');
	});

	it('rejects --var without KEY=VALUE with exit 2', async () => {
		const result = await runCsr(['templates', 'render', 'order-status', '--ticket', '1', '--var', 'order_id'], setup());
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toMatch(/^csr: invalid --var "order_id": expected KEY=VALUE\n/);
	});

	it('warns about a --var the template does not use', async () => {
		const result = await runCsr(
			['templates', 'render', 'delivery-delay', '--ticket', '1', '--var', 'new_dat=Friday'],
			setup(),
		);
		expect(result.exitCode).toBe(0);
		expect(result.stderr).toBe('csr: warning: template "delivery-delay" does not use --var new_dat\n');
	});
});

describe('csr templates new', () => {
	it('creates a skeleton in $CSR_CONFIG_DIR/templates that lints clean, and never overwrites', async () => {
		const context = setup();
		const created = await runCsr(['templates', 'new', 'shipping-cost'], context);
		const path = join(context.paths.configDir, 'templates', 'shipping-cost.md');
		expect(created).toMatchObject({exitCode: 0, stdout: `${path}\n`});
		expect(readFileSync(path, 'utf8')).toContain('title: Shipping cost');
		expect(statSync(context.paths.configDir).mode & 0o777).toBe(0o700);
		const lint = await runCsr(
			['templates', 'lint', join(context.paths.configDir, 'templates'), '--locales', 'en'],
			context,
		);
		expect(lint.exitCode).toBe(0);
		const again = await runCsr(['templates', 'new', 'shipping-cost'], context);
		expect(again.exitCode).toBe(2);
		expect(again.stderr).toContain('already exists');
		const rendered = await runCsr(['templates', 'render', 'shipping-cost', '--ticket', '1', '--locale', 'en'], context);
		expect(rendered.stdout).toBe(
			'Hi Anna,\n\nThank you for getting in touch.\n\nBest regards,\nDemo Agent\nCustomer Care\n',
		);
	});

	it('creates a locale variant in ./.csr/templates with --team', async () => {
		const context = setup();
		const result = await runCsr(['templates', 'new', 'shipping-cost', '--team', '--locale', 'da'], context);
		expect(result.exitCode).toBe(0);
		const path = join(context.cwd, '.csr', 'templates', 'shipping-cost.da.md');
		expect(existsSync(path)).toBe(true);
		expect(readFileSync(path, 'utf8')).toContain('Venlig hilsen');
	});

	it('rejects a name that is not a template name', async () => {
		const result = await runCsr(['templates', 'new', '../evil'], setup());
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toContain('invalid template name "../evil"');
	});
});

describe('csr templates lint', () => {
	it('passes on the built-in library', async () => {
		const result = await runCsr(['templates', 'lint'], setup());
		expect(result).toEqual({exitCode: 0, stdout: 'templates: 15 templates, 75 files, no problems\n', stderr: ''});
	});

	it('prints problems per file and exits 1', async () => {
		const context = setup();
		const dir = join(context.cwd, 'drafts');
		mkdirSync(dir);
		writeFileSync(
			join(dir, 'refund.md'),
			'---\ntitle: Refund\n---\nHi {{ ticket.requester.frist_name }}\n{{ vars.order_id }}',
		);
		writeFileSync(join(dir, 'refund.da.md'), '---\ntitle: Refusion\n---\nHej');
		writeFileSync(join(dir, 'thanks.md'), 'Thanks');
		const result = await runCsr(['templates', 'lint', 'drafts', '--locales', 'en,da'], context);
		expect(result.exitCode).toBe(1);
		expect(result.stdout).toBe(
			[
				'drafts/refund.md',
				'  line 4: unknown variable ticket.requester.frist_name',
				'  line 5: unknown variable vars.order_id: declare order_id under vars in the front matter',
				'drafts/thanks.da.md',
				'  missing locale variant da (thanks has en; expected en, da)',
				'drafts: 2 templates, 3 files, 3 problems in 2 files',
				'',
			].join('\n'),
		);
	});

	it('prints JSON', async () => {
		const result = await runCsr(['templates', 'lint', '--json'], setup());
		expect(JSON.parse(result.stdout)).toEqual({
			ok: true,
			folders: [{dir: 'templates', templates: 15, files: 75}],
			problems: [],
		});
	});
});
