import {afterEach, describe, expect, it} from 'vitest';
import {ExitCode} from '../../src/errors.js';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';

const contexts: TestContext[] = [];
afterEach(() => {
	for (const context of contexts.splice(0)) context.cleanup();
});

function demo(): TestContext {
	const context = createTestContext();
	contexts.push(context);
	return context;
}

type Row = {id: string; title: string; locale: string; url: string; snippet: string | null};

describe('csr kb on the demo desk', () => {
	it('returns Danish articles first for "returnering --locale da", the returns article on top', async () => {
		const context = demo();
		const result = await runCsr(['kb', 'search', 'returnering', '--locale', 'da', '--json'], context);
		expect(result.exitCode, result.stderr).toBe(0);
		const rows = JSON.parse(result.stdout) as Row[];
		expect(rows[0]).toMatchObject({id: '202', locale: 'da', title: 'Hvordan returnerer jeg en vare?'});
		const danish = rows.filter((row) => row.locale === 'da');
		expect(danish.length).toBeGreaterThanOrEqual(2);
		expect(rows.slice(0, danish.length).every((row) => row.locale === 'da')).toBe(true);
		const table = await runCsr(['kb', 'search', 'Lieferzeit', '--locale', 'de-DE'], context);
		expect(table.stdout.split('\n')[1]).toMatch(/^215\s+de\s+Lieferzeiten und Sendungsverfolgung/);
	});

	it('shows an article as text, and exits 1 naming an unknown id', async () => {
		const context = demo();
		const shown = await runCsr(['kb', 'show', '232'], context);
		expect(shown.exitCode, shown.stderr).toBe(0);
		expect(shown.stdout).toMatch(
			/^Reklamation og garanti\nda · https:\/\/hjaelp\.nordlyshome\.dk\/da\/artikler\/232-reklamation\n\n/,
		);
		expect(shown.stdout).toContain('2 års reklamationsret');
		const link = await runCsr(['kb', 'show', '232', '--link'], context);
		expect(link.stdout).toBe('Reklamation og garanti: https://hjaelp.nordlyshome.dk/da/artikler/232-reklamation\n');
		const missing = await runCsr(['kb', 'show', '999'], context);
		expect(missing.exitCode).toBe(ExitCode.failed);
		expect(missing.stderr).toContain('the demo help center has no article 999');
	});
});
