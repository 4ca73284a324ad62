import {openDatabase, transaction} from '../../store/database.js';
import {demoDatabasePath} from './demo-help-desk.js';
import {demoSchemaVersion, readDemoSchemaVersion} from './schema.js';
import {defaultDemoSeed, maxDemoTickets, type SeedSummary, seedDemoDesk, writeDemoDesk} from './seed.js';

/**
 * What `csr demo` does to the demo desk: the one module of providers/demo the CLI calls directly (everything else
 * reaches the desk through the HelpDesk interface).
 */
export {defaultDemoSeed, maxDemoTickets};

/** Regenerates `<dataDir>/demo.db` in one transaction; other csr processes see either the old or the new desk. */
export function resetDemoDesk(
	dataDir: string,
	options: {tickets: number; seed: number; now: Date},
): SeedSummary & {path: string} {
	const path = demoDatabasePath(dataDir);
	const db = openDatabase(path, {migrate: false});
	try {
		const summary = seedDemoDesk(db, options);
		// Give back the disk space the bulk load's write-ahead log grew to.
		db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
		return {...summary, path};
	} finally {
		db.close();
	}
}

/** Turns the simulated outage on or off (seeding the default desk first when there is none yet). */
export function setDemoOutage(dataDir: string, on: boolean, now: Date): void {
	const db = openDatabase(demoDatabasePath(dataDir), {migrate: false});
	try {
		transaction(db, () => {
			if (readDemoSchemaVersion(db) !== demoSchemaVersion) writeDemoDesk(db, {...defaultDemoSeed, now});
			db.prepare(
				'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
			).run('outage', on ? 'on' : 'off');
		});
	} finally {
		db.close();
	}
}
