import {describe, expect, it} from 'vitest';
import {pathOnly, redactQuery, redactSecrets} from '../../../src/providers/http/redact.js';

describe('redaction', () => {
	it('redacts secret query parameters and keeps the rest', () => {
		expect(redactQuery('/oauth/tokens?code=abc&state=xyz&access_token=t0k&page%5Bsize%5D=100')).toBe(
			'/oauth/tokens?code=[redacted]&state=xyz&access_token=[redacted]&page%5Bsize%5D=100',
		);
		expect(redactQuery('/api/v2/tickets.json')).toBe('/api/v2/tickets.json');
	});

	it('removes every form of a secret from a line', () => {
		const secret = 'p@ss/word+1';
		expect(redactSecrets(`a ${secret} b ${encodeURIComponent(secret)} c`, [secret, 'no'])).toBe(
			'a [redacted] b [redacted] c',
		);
	});

	it('keeps only the path for error messages', () => {
		expect(pathOnly('/api/v2/search.json?query=secret')).toBe('/api/v2/search.json');
	});
});
