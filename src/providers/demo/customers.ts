import type {CustomerKey, CustomerProfile} from '../help-desk.js';
import type {DeskBase} from './desk.js';

type CustomerRow = {
	id: number;
	name: string;
	email: string | null;
	locale: string | null;
	phone: string | null;
	time_zone: string | null;
	o_id: number | null;
	o_name: string | null;
};

const columns = `SELECT u.id, u.name, u.email, u.locale, u.phone, u.time_zone, o.id AS o_id, o.name AS o_name
	FROM users u LEFT JOIN organizations o ON o.id = u.organization_id WHERE u.role = 'customer'`;

/** The demo desk's customer directory: customers by email (the oldest of that address) or by user id. */
export function createDemoCustomers(desk: DeskBase) {
	const {get, assertReachable} = desk;

	function findCustomer(key: CustomerKey): CustomerProfile | null {
		assertReachable();
		let row: CustomerRow | undefined;
		if ('email' in key) {
			row = get<CustomerRow>(`${columns} AND u.email = ? COLLATE NOCASE ORDER BY u.id LIMIT 1`, key.email.trim());
		} else {
			const id = key.id.trim();
			row = /^\d{1,15}$/.test(id) ? get<CustomerRow>(`${columns} AND u.id = ?`, Number(id)) : undefined;
		}
		if (row === undefined) return null;
		return {
			id: String(row.id),
			name: row.name,
			email: row.email,
			phone: row.phone,
			locale: row.locale,
			organization: row.o_id === null ? null : {id: String(row.o_id), name: row.o_name ?? ''},
			timeZone: row.time_zone,
		};
	}

	return {findCustomer};
}
