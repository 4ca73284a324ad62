import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {AuthError, ConflictError, type ProviderError} from '../../../src/errors.js';
import {describeErrorBody, type ErrorDescription, errorForStatus} from '../../../src/providers/http/errors.js';

const zendeskErrors = JSON.parse(
	readFileSync(new URL('../../fixtures/zendesk/errors.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const body = (prefix: string): unknown =>
	zendeskErrors[Object.keys(zendeskErrors).find((key) => key.startsWith(prefix)) ?? ''];

describe('describeErrorBody', () => {
	it('reads every Zendesk envelope in the fixtures', () => {
		expect(describeErrorBody(body('401'))).toEqual({summary: "Couldn't authenticate you", details: []});
		expect(describeErrorBody(body('404'))).toEqual({summary: 'RecordNotFound: Not found', details: []});
		expect(describeErrorBody(body('422_closed'))).toEqual({
			summary: 'RecordInvalid: Record validation errors',
			details: ['status: closed prevents ticket update'],
		});
		expect(describeErrorBody(body('422_duplicate')).details).toEqual([
			'email: Email: bob@example.com is already being used by another user',
		]);
		expect(describeErrorBody(body('429_view')).summary).toBe('Too many requests to update');
		expect(describeErrorBody({error: {title: 'Forbidden', message: 'contact the owner'}}).summary).toBe(
			'Forbidden: contact the owner',
		);
	});

	it('reads OAuth and Freshdesk-style envelopes, and text', () => {
		expect(describeErrorBody({error: 'invalid_grant', error_description: 'expired'}).summary).toBe(
			'invalid_grant: expired',
		);
		expect(
			describeErrorBody({
				description: 'Validation failed',
				errors: [{field: 'email', message: 'is invalid', code: 'invalid_value'}],
			}),
		).toEqual({summary: 'Validation failed', details: ['email: is invalid']});
		expect(describeErrorBody('Bad Gateway').summary).toBe('Bad Gateway');
		expect(describeErrorBody(null)).toEqual({summary: null, details: []});
	});
});

describe('errorForStatus', () => {
	const input = {provider: 'Zendesk', method: 'PUT', path: '/api/v2/tickets/1.json', authHint: 'Run csr auth login.'};
	const of = (status: number, description: ErrorDescription = {summary: null, details: []}) =>
		errorForStatus({...input, status, description});

	it('maps statuses to typed errors', () => {
		expect(of(401)).toBeInstanceOf(AuthError);
		expect(of(403)).toBeInstanceOf(AuthError);
		expect((of(404) as ProviderError).kind).toBe('not-found');
		expect(of(409)).toBeInstanceOf(ConflictError);
		expect((of(422) as ProviderError).kind).toBe('invalid');
		expect((of(400) as ProviderError).kind).toBe('invalid');
		expect((of(429) as ProviderError).kind).toBe('temporary');
		expect((of(502) as ProviderError).kind).toBe('temporary');
		expect((of(418) as ProviderError).kind).toBe('permanent');
	});

	it('cites the method and path, and lists field details', () => {
		const error = of(422, {summary: 'RecordInvalid', details: ['status: closed prevents ticket update']});
		expect(error.message).toBe(
			'Zendesk rejected PUT /api/v2/tickets/1.json (422): RecordInvalid\n  status: closed prevents ticket update',
		);
	});
});
