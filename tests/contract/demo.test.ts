import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {DatabaseSync} from 'node:sqlite';
import {describe} from 'vitest';
import {createDemoHelpDesk} from '../../src/providers/demo/demo-help-desk.js';
import type {ProviderSetup} from '../../src/providers/help-desk.js';
import {demoSetup} from '../support/desk-on-fake.js';
import {describeHelpDeskContract} from '../support/help-desk-contract.js';

describe('demo provider', () => {
	describeHelpDeskContract('demo', async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'csr-demo-contract-'));
		const setup: ProviderSetup = demoSetup(dataDir);
		const desk = createDemoHelpDesk(setup);
		return {
			desk,
			cleanup: async () => rmSync(dataDir, {recursive: true, force: true}),
			locales: async () => {
				await desk.listTickets({statuses: ['open'], assignee: 'any', sort: 'urgency', limit: 1});
				const db = new DatabaseSync(join(dataDir, 'demo.db'));
				try {
					const rows = db
						.prepare(
							`SELECT t.id AS id, u.id AS user_id, u.locale AS locale FROM tickets t JOIN users u ON u.id = t.requester_id
							WHERE t.status = 'open' ORDER BY t.id LIMIT 200`,
						)
						.all();
					const known = rows.find((row) => typeof row['locale'] === 'string' && row['locale'] !== 'en');
					const other = rows.find((row) => row['user_id'] !== known?.['user_id']);
					if (known === undefined || other === undefined) throw new Error('the demo needs two open tickets');
					// A customer the desk knows no language of.
					db.prepare('UPDATE users SET locale = NULL WHERE id = ?').run(other['user_id'] as number);
					return {known: {ticketId: String(known['id']), locale: String(known['locale'])}, none: String(other['id'])};
				} finally {
					db.close();
				}
			},
		};
	});
});
