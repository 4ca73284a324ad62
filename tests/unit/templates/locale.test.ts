import {describe, expect, it} from 'vitest';
import {UsageError} from '../../../src/errors.js';
import {chooseLocale, normalizeLocale} from '../../../src/templates/locale.js';

describe('normalizeLocale', () => {
	it.each([
		['sv-SE', 'sv'],
		['no', 'nb'],
		['nn', 'nb'],
		['nb-NO', 'nb'],
		['de-AT', 'de'],
		['en-GB', 'en'],
		['DA', 'da'],
		['pt_BR', 'pt'],
	])('maps %s to %s', (raw, expected) => {
		expect(normalizeLocale(raw)).toBe(expected);
	});

	it.each(['', '  ', 'x', 'not a locale', null, undefined])('gives null for %j', (raw) => {
		expect(normalizeLocale(raw)).toBeNull();
	});
});

describe('chooseLocale', () => {
	it('prefers --locale over the requester and the profile', () => {
		expect(chooseLocale({flag: 'de', requesterLocale: 'sv-SE', profileDefault: 'da'})).toBe('de');
	});

	it("uses the requester's locale when there is no flag", () => {
		expect(chooseLocale({requesterLocale: 'sv-SE', profileDefault: 'da'})).toBe('sv');
		expect(chooseLocale({requesterLocale: 'no', profileDefault: 'da'})).toBe('nb');
	});

	it("falls back to the profile's default, then English", () => {
		expect(chooseLocale({requesterLocale: null, profileDefault: 'da-DK'})).toBe('da');
		expect(chooseLocale({requesterLocale: 'garbage value', profileDefault: null})).toBe('en');
		expect(chooseLocale({})).toBe('en');
	});

	it('rejects a malformed --locale with a usage error naming the flag', () => {
		expect(() => chooseLocale({flag: 'sv SE!'})).toThrow(UsageError);
		expect(() => chooseLocale({flag: 'sv SE!'})).toThrow(/--locale "sv SE!"/);
	});
});
