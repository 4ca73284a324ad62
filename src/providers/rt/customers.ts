import * as z from 'zod';
import type {CustomerKey, CustomerProfile} from '../help-desk.js';
import {type RtApi, rest2} from './api.js';

/** "" and null both mean "not set". */
const text = z
	.union([z.string(), z.number(), z.null()])
	.optional()
	.transform((value) => (value === null || value === undefined || value === '' ? null : String(value)));

/**
 * `GET /user/<id, login or email>`: the full record for an admin (or with the right to see users), a summary (Name,
 * EmailAddress, RealName, Privileged, and the self link with the id) for a plain agent looking at someone else.
 */
const rtProfile = z.object({
	id: z.union([z.string(), z.number()]).optional(),
	Name: z.string(),
	RealName: text,
	EmailAddress: text,
	WorkPhone: text,
	MobilePhone: text,
	HomePhone: text,
	Lang: text,
	Timezone: text,
	Organization: text,
	_hyperlinks: z
		.array(z.object({ref: z.string().optional(), id: z.union([z.string(), z.number()]).optional()}))
		.optional(),
});

/**
 * Request Tracker's customer directory: one `GET /user/…` by email, login or id. RT keeps the organisation as a text
 * field on the user (no id of its own: the name stands for it). A plain agent sees only a summary of other users, so
 * phone, language, time zone and organisation are then null: RT does not show them to that agent.
 */
export async function findRtCustomer(
	api: RtApi,
	key: CustomerKey,
	signal?: AbortSignal,
): Promise<CustomerProfile | null> {
	const wanted = 'email' in key ? key.email.trim() : key.id.trim();
	const response = await api.http.send({
		method: 'GET',
		path: `${rest2}/user/${encodeURIComponent(wanted)}`,
		allowStatuses: [404],
		signal,
	});
	if (response.status === 404) return null;
	const user = rtProfile.parse(response.body);
	// RT finds a user by email through its login too; an address must be the user's own address.
	if ('email' in key && user.EmailAddress?.toLowerCase() !== wanted.toLowerCase()) return null;
	const self = user._hyperlinks?.find((link) => link.ref === 'self')?.id;
	const id = String(user.id ?? self ?? user.Name);
	return {
		id,
		name: user.RealName ?? user.EmailAddress ?? user.Name,
		email: user.EmailAddress,
		phone: user.WorkPhone ?? user.MobilePhone ?? user.HomePhone,
		locale: user.Lang,
		organization: user.Organization === null ? null : {id: user.Organization, name: user.Organization},
		timeZone: user.Timezone,
	};
}
