import {describe, expect, it} from 'vitest';
import {parseProfileUrl, resolveProfile, tokenVariableFor} from '../../../src/config/profiles.js';
import {ConfigFile} from '../../../src/config/schema.js';
import {UsageError} from '../../../src/errors.js';

const config = ConfigFile.parse({
	currentProfile: 'acme',
	profiles: {
		acme: {provider: 'zendesk', url: 'https://acme.zendesk.com', token: 'stored'},
		'eu-desk': {provider: 'zendesk', url: 'https://eu.zendesk.com'},
	},
});

describe('resolveProfile', () => {
	it('prefers --profile, then $CSR_PROFILE, then the current profile, then demo', () => {
		expect(resolveProfile(config, 'eu-desk', {CSR_PROFILE: 'acme'}).name).toBe('eu-desk');
		expect(resolveProfile(config, undefined, {CSR_PROFILE: 'eu-desk'}).name).toBe('eu-desk');
		expect(resolveProfile(config, undefined, {}).name).toBe('acme');
		expect(resolveProfile(ConfigFile.parse({}), undefined, {}).name).toBe('demo');
	});

	it('takes the token from $CSR_TOKEN_<PROFILE>, then $CSR_TOKEN, then the config', () => {
		expect(resolveProfile(config, 'eu-desk', {CSR_TOKEN_EU_DESK: 'a', CSR_TOKEN: 'b'}).token).toBe('a');
		expect(resolveProfile(config, 'eu-desk', {CSR_TOKEN: 'b'}).token).toBe('b');
		expect(resolveProfile(config, 'acme', {}).token).toBe('stored');
		expect(tokenVariableFor('eu-desk')).toBe('CSR_TOKEN_EU_DESK');
	});

	it('names the known profiles when one is missing', () => {
		expect(() => resolveProfile(config, 'nope', {})).toThrow(UsageError);
		try {
			resolveProfile(config, 'nope', {});
		} catch (error) {
			expect((error as UsageError).hint).toContain('acme');
		}
	});
});

describe('parseProfileUrl', () => {
	it('accepts https and loopback http, refuses plain http elsewhere', () => {
		expect(parseProfileUrl('https://acme.zendesk.com/')).toBe('https://acme.zendesk.com');
		expect(parseProfileUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
		expect(parseProfileUrl('http://localhost:9000/rt')).toBe('http://localhost:9000/rt');
		expect(() => parseProfileUrl('http://acme.zendesk.com')).toThrow(/https/);
		expect(() => parseProfileUrl('not a url')).toThrow(UsageError);
		expect(() => parseProfileUrl('https://user:pw@acme.zendesk.com')).toThrow(/credentials/);
	});
});
