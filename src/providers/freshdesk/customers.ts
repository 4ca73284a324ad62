import * as z from 'zod';
import type {CustomerKey, CustomerProfile} from '../help-desk.js';
import {type FreshdeskApi, toCachedContact} from './api.js';

const optionalText = z.string().nullish();

/** A contact with its profile fields (Contacts API: phone, mobile, language, time_zone, company_id). */
const profileContact = z.object({
	id: z.number().int(),
	name: optionalText,
	email: optionalText,
	phone: optionalText,
	mobile: optionalText,
	language: optionalText,
	time_zone: optionalText,
	company_id: z.number().int().nullish(),
});
type ProfileContact = z.infer<typeof profileContact>;

const company = z.object({id: z.number().int(), name: z.string()});

/**
 * Freshdesk's customer directory: `GET /api/v2/contacts?email=` or `GET /api/v2/contacts/{id}`, and the company with
 * `GET /api/v2/companies/{id}` (a company the agent may not read leaves the profile without one). The phone is the
 * contact's phone, else the mobile. What is read refreshes the contacts cache (name, email, language).
 */
export async function findFreshdeskCustomer(
	api: FreshdeskApi,
	key: CustomerKey,
	signal?: AbortSignal,
): Promise<CustomerProfile | null> {
	let contact: ProfileContact | null | undefined;
	if ('email' in key) {
		const wanted = key.email.trim().toLowerCase();
		const found = await api.get('/api/v2/contacts', {email: wanted}, z.array(profileContact), signal);
		contact = found.find((candidate) => candidate.email?.toLowerCase() === wanted);
	} else {
		contact = await api.getOrNull(`/api/v2/contacts/${encodeURIComponent(key.id)}`, {}, profileContact, signal, [404]);
	}
	if (contact === null || contact === undefined) return null;
	api.cache.put([
		toCachedContact({id: contact.id, name: contact.name, email: contact.email, language: contact.language}),
	]);
	const companyId = contact.company_id ?? null;
	const organization =
		companyId === null
			? null
			: await api
					.getOrNull(`/api/v2/companies/${companyId}`, {}, company, signal, [403, 404])
					.catch((error: unknown) => {
						if (signal?.aborted) throw error;
						return null;
					});
	return {
		id: String(contact.id),
		name: contact.name ?? contact.email ?? String(contact.id),
		email: contact.email ?? null,
		phone: contact.phone || contact.mobile || null,
		locale: contact.language ?? null,
		organization: organization === null ? null : {id: String(organization.id), name: organization.name},
		// Freshdesk's own zone names ("Copenhagen", "Eastern Time (US & Canada)"), as the account shows them.
		timeZone: contact.time_zone ?? null,
	};
}
