import type {Database} from './database.js';
import {customerKeyOf} from './records.js';

// The shapes of `CachedContact` and `ContactCache` in providers/help-desk.ts, repeated here because the store does not
// import provider files; production.ts hands this cache to the desks, so the compiler checks that they still agree.
export type CachedContact = {
	readonly id: string;
	readonly name: string | null;
	readonly email: string | null;
	readonly locale: string | null;
};

export type ContactCache = {
	get(ids: readonly string[]): Map<string, CachedContact>;
	put(contacts: readonly CachedContact[]): void;
	lastSync(): string | null;
	markSynced(startedAt: string): void;
	getList(name: string, maxAgeMs: number): string | null;
	putList(name: string, json: string): void;
};

/**
 * How long a cached contact counts: older entries are neither used nor kept (they are personal data), and a sync mark
 * older than this starts a fresh (bounded) listing instead of an incremental one.
 */
export const contactMaxAgeMs = 30 * 86_400_000;

const syncMark = 'contacts-sync';

const textOrNull = (value: unknown): string | null =>
	value === null || value === undefined || value === '' ? null : String(value);

/** Cache writes are best effort: a busy or read-only database must not fail a read of the desk. */
function quietly(write: () => void): void {
	try {
		write();
	} catch {
		// The next run reads what it misses again.
	}
}

/** The contacts cache of one profile in csr.db (tables contacts_cache and desk_lists, migration 3). */
export function openContactCache(db: Database, profile: string, now: () => Date): ContactCache {
	const cutoff = () => new Date(now().getTime() - contactMaxAgeMs).toISOString();
	const select = db.prepare(
		'SELECT contact_id, name, email, locale FROM contacts_cache WHERE profile = ? AND contact_id = ? AND fetched_at >= ?',
	);
	const upsert = db.prepare(
		`INSERT INTO contacts_cache (profile, contact_id, name, email, customer_key, locale, fetched_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (profile, contact_id) DO UPDATE SET name = excluded.name, email = excluded.email,
			customer_key = excluded.customer_key, locale = excluded.locale, fetched_at = excluded.fetched_at`,
	);
	const getList = db.prepare('SELECT value, fetched_at FROM desk_lists WHERE profile = ? AND name = ?');
	const putList = db.prepare(
		`INSERT INTO desk_lists (profile, name, value, fetched_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (profile, name) DO UPDATE SET value = excluded.value, fetched_at = excluded.fetched_at`,
	);
	const prune = db.prepare('DELETE FROM contacts_cache WHERE profile = ? AND fetched_at < ?');
	return {
		get(ids) {
			const found = new Map<string, CachedContact>();
			const since = cutoff();
			for (const id of new Set(ids)) {
				const row = select.get(profile, id, since);
				if (row === undefined) continue;
				found.set(id, {
					id,
					name: textOrNull(row['name']),
					email: textOrNull(row['email']),
					locale: textOrNull(row['locale']),
				});
			}
			return found;
		},
		put(contacts) {
			if (contacts.length === 0) return;
			const at = now().toISOString();
			quietly(() => {
				db.exec('BEGIN IMMEDIATE');
				try {
					// Entries past the age bound go: nobody refreshed them, so they may be stale, and they are personal data.
					prune.run(profile, cutoff());
					for (const contact of contacts) {
						upsert.run(
							profile,
							contact.id,
							contact.name,
							contact.email,
							customerKeyOf(contact.email),
							contact.locale,
							at,
						);
					}
					db.exec('COMMIT');
				} catch (error) {
					if (db.isTransaction) db.exec('ROLLBACK');
					throw error;
				}
			});
		},
		lastSync() {
			const row = getList.get(profile, syncMark);
			const at = textOrNull(row?.['value']);
			return at !== null && at >= cutoff() ? at : null;
		},
		markSynced(startedAt) {
			quietly(() => putList.run(profile, syncMark, startedAt, now().toISOString()));
		},
		getList(name, maxAgeMs) {
			const row = getList.get(profile, `list:${name}`);
			if (row === undefined) return null;
			const age = now().getTime() - Date.parse(String(row['fetched_at']));
			return age >= 0 && age <= maxAgeMs ? String(row['value']) : null;
		},
		putList(name, json) {
			quietly(() => putList.run(profile, `list:${name}`, json, now().toISOString()));
		},
	};
}

/** A cache that lives as long as the desk object (no store given: tests, one-off tools). */
export function memoryContactCache(now: () => Date): ContactCache {
	const contacts = new Map<string, CachedContact>();
	const lists = new Map<string, {value: string; at: number}>();
	let synced: string | null = null;
	return {
		get: (ids) => new Map(ids.flatMap((id) => (contacts.has(id) ? [[id, contacts.get(id) as CachedContact]] : []))),
		put: (list) => {
			for (const contact of list) contacts.set(contact.id, contact);
		},
		lastSync: () => synced,
		markSynced: (startedAt) => {
			synced = startedAt;
		},
		getList: (name, maxAgeMs) => {
			const entry = lists.get(name);
			return entry !== undefined && now().getTime() - entry.at <= maxAgeMs ? entry.value : null;
		},
		putList: (name, value) => {
			lists.set(name, {value, at: now().getTime()});
		},
	};
}

/** Erases a customer (lower-cased email) from every profile's contacts cache; returns how many rows went. */
export function deleteCachedCustomer(db: Database, key: string): number {
	let removed = Number(db.prepare('DELETE FROM contacts_cache WHERE customer_key = ?').run(key).changes);
	// customer_key is computed in JavaScript; rows whose email differs only in non-ASCII case are caught here.
	const rows = db.prepare('SELECT rowid AS row_id, email FROM contacts_cache WHERE email IS NOT NULL').all();
	const remove = db.prepare('DELETE FROM contacts_cache WHERE rowid = ?');
	for (const row of rows) {
		if (customerKeyOf(String(row['email'])) === key) removed += Number(remove.run(row['row_id'] as number).changes);
	}
	return removed;
}
