import type {DatabaseSync} from 'node:sqlite';
import {transaction} from '../../store/database.js';
import {createDemoIndexes, createDemoTables, demoSchemaVersion, dropDemoSchema} from './schema.js';
import {createGenerator} from './seed-generator.js';
import type {SeedOptions} from './seed-plan.js';
import {createWriter} from './seed-writer.js';

export type {SeedOptions} from './seed-plan.js';
export {toHtml, toPlain} from './seed-text.js';

export type SeedSummary = {
	readonly tickets: number;
	readonly messages: number;
	readonly customers: number;
	readonly seed: number;
};

/** What a fresh demo desk holds (PRODUCT.md, README). */
export const defaultDemoSeed = {tickets: 300, seed: 1} as const;
export const maxDemoTickets = 1_000_000;

/**
 * Regenerates the whole demo desk in one transaction: drops the demo tables, writes `tickets` tickets created over the
 * ~45 days before `now`, and indexes them. Deterministic: the same (tickets, seed, now) gives the same rows.
 */
export function seedDemoDesk(db: DatabaseSync, options: SeedOptions): SeedSummary {
	if (!Number.isInteger(options.tickets) || options.tickets < 1 || options.tickets > maxDemoTickets)
		throw new RangeError(`tickets must be a whole number from 1 to ${maxDemoTickets}`);
	if (!Number.isInteger(options.seed)) throw new RangeError('seed must be a whole number');
	// The demo data is not personal, and zeroing the pages of a dropped 100k-ticket desk would double the reset time.
	const secureDelete = db.prepare('PRAGMA secure_delete').get()?.['secure_delete'];
	db.exec('PRAGMA secure_delete = OFF');
	try {
		return transaction(db, () => writeDemoDesk(db, options));
	} finally {
		db.exec(`PRAGMA secure_delete = ${secureDelete === 1 ? 'ON' : 'OFF'}`);
	}
}

/** The work of seedDemoDesk, for callers that already hold the write transaction. */
export function writeDemoDesk(db: DatabaseSync, options: SeedOptions): SeedSummary {
	dropDemoSchema(db);
	createDemoTables(db);
	const writer = createWriter(db);
	const generator = createGenerator(options, writer);
	for (let id = 1; id <= options.tickets; id++) generator.ticket(id);
	createDemoIndexes(db);
	const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
	meta.run('seed', String(options.seed));
	meta.run('tickets', String(options.tickets));
	meta.run('seeded_at', options.now.toISOString());
	meta.run('outage', 'off');
	db.prepare('INSERT INTO demo_schema_version (version, applied_at) VALUES (?, ?)').run(
		demoSchemaVersion,
		options.now.toISOString(),
	);
	return {
		tickets: options.tickets,
		messages: writer.messageCount(),
		customers: generator.customerCount(),
		seed: options.seed,
	};
}
