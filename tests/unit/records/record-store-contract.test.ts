import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach} from 'vitest';
import {type Database, openDatabase} from '../../../src/store/database.js';
import {createSqliteRecordStore} from '../../../src/store/record-store.js';
import {describeRecordStoreContract} from '../../support/record-store-contract.js';

const opened: {db: Database; directory: string}[] = [];
afterEach(() => {
	for (const {db, directory} of opened.splice(0)) {
		db.close();
		rmSync(directory, {recursive: true, force: true});
	}
});

describeRecordStoreContract('SQLite', async () => {
	const directory = mkdtempSync(join(tmpdir(), 'csr-contract-'));
	const db = openDatabase(join(directory, 'csr.db'));
	opened.push({db, directory});
	return createSqliteRecordStore(db);
});
