import * as z from 'zod';
import {ProviderError} from '../../errors.js';
import type {CustomerKey, CustomerProfile} from '../help-desk.js';
import type {ZendeskApi} from './api.js';
import {zendeskOrganization} from './schemas.js';

const optionalText = z.string().nullable().optional();

/** A user as `users/{id}` and `users/search` give it, with the profile fields (Users API). */
const profileUser = z.object({
	id: z.number().int(),
	name: z.string().nullable().optional(),
	email: optionalText,
	phone: optionalText,
	locale: optionalText,
	// `time_zone` is Zendesk's own name ("Copenhagen"); `iana_time_zone` the IANA one where the account gives it.
	time_zone: optionalText,
	iana_time_zone: optionalText,
	organization_id: z.number().int().nullable().optional(),
});
type ProfileUser = z.infer<typeof profileUser>;

const organizations = z.array(zendeskOrganization).optional();
const userResponse = z.object({user: profileUser, organizations});
const searchResponse = z.object({users: z.array(profileUser), organizations});
const organizationResponse = z.object({organization: zendeskOrganization});

/**
 * Zendesk's customer directory: `GET /api/v2/users/search?query=email:…` or `GET /api/v2/users/{id}`, with the
 * organisation sideloaded (`include=organizations`), else read with `GET /api/v2/organizations/{id}`. An organisation
 * the agent may not read leaves the profile without one rather than failing it.
 */
export async function findZendeskCustomer(
	api: ZendeskApi,
	key: CustomerKey,
	signal?: AbortSignal,
): Promise<CustomerProfile | null> {
	let user: ProfileUser | undefined;
	let sideloaded: z.infer<typeof organizations>;
	if ('email' in key) {
		const wanted = key.email.trim().toLowerCase();
		const found = await api.get(
			'/api/v2/users/search.json',
			{query: `email:${wanted}`, include: 'organizations'},
			searchResponse,
			signal,
		);
		user = found.users.find((candidate) => candidate.email?.toLowerCase() === wanted);
		sideloaded = found.organizations;
	} else {
		try {
			const found = await api.get(
				`/api/v2/users/${encodeURIComponent(key.id)}.json`,
				{include: 'organizations'},
				userResponse,
				signal,
			);
			user = found.user;
			sideloaded = found.organizations;
		} catch (error) {
			if (error instanceof ProviderError && error.kind === 'not-found') return null;
			throw error;
		}
	}
	if (user === undefined) return null;
	const organizationId = user.organization_id ?? null;
	let organization = sideloaded?.find((entry) => entry.id === organizationId) ?? null;
	if (organization === null && organizationId !== null) {
		organization = await api
			.get(`/api/v2/organizations/${organizationId}.json`, {}, organizationResponse, signal)
			.then((body) => body.organization)
			.catch((error: unknown) => {
				if (signal?.aborted) throw error;
				return null;
			});
	}
	return {
		id: String(user.id),
		name: user.name ?? user.email ?? String(user.id),
		email: user.email ?? null,
		phone: user.phone ?? null,
		locale: user.locale ?? null,
		organization: organization === null ? null : {id: String(organization.id), name: organization.name},
		timeZone: user.iana_time_zone ?? user.time_zone ?? null,
	};
}
