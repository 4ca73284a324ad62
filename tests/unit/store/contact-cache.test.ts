import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {contactMaxAgeMs, deleteCachedCustomer, openContactCache} from '../../../src/store/contact-cache.js';
import {type Database, openDatabase} from '../../../src/store/database.js';

let dir: string;
let db: Database;
afterEach(() => {
	db.close();
	rmSync(dir, {recursive: true, force: true});
});

function open(): Database {
	dir = mkdtempSync(join(tmpdir(), 'csr-contact-cache-'));
	db = openDatabase(join(dir, 'csr.db'));
	return db;
}

const anna = {id: '7', name: 'Anna Berg', email: 'Anna@Example.com', locale: 'sv-SE'};

describe('contacts cache', () => {
	it('gives back what it was given, per profile', () => {
		open();
		let now = Date.parse('2026-12-01T10:00:00Z');
		const clock = () => new Date(now);
		const fd = openContactCache(db, 'fd', clock);
		fd.put([anna]);
		expect(fd.get(['7', '8'])).toEqual(new Map([['7', anna]]));
		expect(openContactCache(db, 'other', clock).get(['7']).size).toBe(0);
		now += 1000;
		fd.put([{...anna, locale: 'da'}]);
		expect(fd.get(['7']).get('7')?.locale).toBe('da');
	});

	it('forgets entries and the sync mark past the age bound', () => {
		open();
		let now = Date.parse('2026-12-01T10:00:00Z');
		const cache = openContactCache(db, 'fd', () => new Date(now));
		cache.put([anna]);
		cache.markSynced(new Date(now).toISOString());
		expect(cache.lastSync()).toBe('2026-12-01T10:00:00.000Z');
		now += contactMaxAgeMs + 1000;
		expect(cache.get(['7']).size).toBe(0);
		expect(cache.lastSync()).toBeNull();
		// The next write drops the stale rows for good (personal data does not linger).
		cache.put([{...anna, id: '8'}]);
		expect(Number(db.prepare("SELECT COUNT(*) AS n FROM contacts_cache WHERE contact_id = '7'").get()?.['n'])).toBe(0);
	});

	it('keeps directory lists only while they are young', () => {
		open();
		let now = Date.parse('2026-12-01T10:00:00Z');
		const cache = openContactCache(db, 'fd', () => new Date(now));
		cache.putList('agents', '[1]');
		expect(cache.getList('agents', 60_000)).toBe('[1]');
		now += 61_000;
		expect(cache.getList('agents', 60_000)).toBeNull();
	});

	it('erases a customer by email in any case, in every profile', () => {
		open();
		const clock = () => new Date('2026-12-01T10:00:00Z');
		openContactCache(db, 'fd', clock).put([anna, {id: '9', name: 'Ölof', email: 'ÖLOF@example.com', locale: null}]);
		openContactCache(db, 'rt', clock).put([anna]);
		expect(deleteCachedCustomer(db, 'anna@example.com')).toBe(2);
		expect(deleteCachedCustomer(db, 'ölof@example.com')).toBe(1);
		expect(Number(db.prepare('SELECT COUNT(*) AS n FROM contacts_cache').get()?.['n'])).toBe(0);
	});
});
