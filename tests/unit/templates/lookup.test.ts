import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {UsageError} from '../../../src/errors.js';
import {
	builtInTemplateDir,
	findTemplate,
	listTemplates,
	parseTemplateFileName,
	templateDirs,
} from '../../../src/templates/lookup.js';
import {tempDir, templateFolder} from './helpers.js';

describe('templateDirs', () => {
	it('orders ./.csr/templates, $CSR_CONFIG_DIR/templates, then the built-in library', () => {
		const dirs = templateDirs({cwd: '/work/shop', configDir: '/home/anna/.config/csr'});
		expect(dirs.map((dir) => [dir.origin, dir.path])).toEqual([
			['team', join('/work/shop', '.csr', 'templates')],
			['user', join('/home/anna/.config/csr', 'templates')],
			['built-in', builtInTemplateDir().path],
		]);
		expect(existsSync(join(builtInTemplateDir().path, 'order-status.md'))).toBe(true);
	});
});

describe('parseTemplateFileName', () => {
	it('reads NAME.md as English and NAME.LOCALE.md as that locale', () => {
		expect(parseTemplateFileName('refund.md')).toEqual({name: 'refund', locale: 'en', isBase: true});
		expect(parseTemplateFileName('refund.da.md')).toEqual({name: 'refund', locale: 'da', isBase: false});
		expect(parseTemplateFileName('notes.txt')).toBeNull();
		expect(parseTemplateFileName('a.b.c.md')).toBeNull();
	});
});

describe('findTemplate', () => {
	function threeFolders() {
		const root = tempDir();
		const team = templateFolder(
			{'refund.md': 'team en', 'refund.da.md': 'team da'},
			{origin: 'team', path: join(root, 'team')},
		);
		const user = templateFolder(
			{'refund.sv.md': 'user sv', 'greeting.md': 'user en', 'greeting.de.md': 'user de'},
			{origin: 'user', path: join(root, 'user')},
		);
		const builtIn = templateFolder(
			{'greeting.md': 'built-in en', 'greeting.sv.md': 'built-in sv', 'thanks.md': 'built-in'},
			{origin: 'built-in', path: join(root, 'built-in')},
		);
		return [team, user, builtIn];
	}

	it('takes the locale variant from the first folder that has the template', () => {
		const dirs = threeFolders();
		expect(findTemplate('refund', 'da', dirs).path).toBe(join(dirs[0]!.path, 'refund.da.md'));
		expect(findTemplate('greeting', 'de', dirs).path).toBe(join(dirs[1]!.path, 'greeting.de.md'));
		expect(findTemplate('thanks', 'en', dirs).path).toBe(join(dirs[2]!.path, 'thanks.md'));
	});

	it('falls back to NAME.md of the same folder when the locale is missing', () => {
		const dirs = threeFolders();
		const file = findTemplate('refund', 'sv', dirs);
		// The team owns "refund": its English text wins over the user's Swedish one, so wording never mixes.
		expect(file.path).toBe(join(dirs[0]!.path, 'refund.md'));
		expect(file.locale).toBe('en');
		const greeting = findTemplate('greeting', 'sv', dirs);
		expect(greeting.path).toBe(join(dirs[1]!.path, 'greeting.md'));
	});

	it('names the file the way messages show it', () => {
		const dirs = threeFolders();
		expect(findTemplate('refund', 'da', dirs).displayPath).toBe(join('my-templates', 'refund.da.md'));
	});

	it('rejects unknown names with the folders it looked in, and path-like names', () => {
		const dirs = threeFolders();
		expect(() => findTemplate('nope', 'en', dirs)).toThrow(UsageError);
		expect(() => findTemplate('nope', 'en', dirs)).toThrow(/no template named "nope"/);
		expect(() => findTemplate('../secret', 'en', dirs)).toThrow(/invalid template name/);
	});

	it('skips folders that do not exist', () => {
		const missing = {path: join(tempDir(), 'absent'), origin: 'team' as const, label: '.csr/templates'};
		const builtIn = templateFolder({'thanks.md': 'x'}, {origin: 'built-in'});
		expect(findTemplate('thanks', 'da', [missing, builtIn]).path).toBe(join(builtIn.path, 'thanks.md'));
	});
});

describe('listTemplates', () => {
	it('lists each name once, owned by the first folder, with its locales', () => {
		const team = templateFolder({'refund.md': 'x', 'refund.da.md': 'x'}, {origin: 'team'});
		const builtIn = templateFolder({'refund.md': 'x', 'refund.sv.md': 'x', 'thanks.md': 'x'}, {origin: 'built-in'});
		const entries = listTemplates([team, builtIn]);
		expect(entries.map((entry) => [entry.name, entry.dir.origin, [...entry.variants.keys()]])).toEqual([
			['refund', 'team', ['en', 'da']],
			['thanks', 'built-in', ['en']],
		]);
	});
});
