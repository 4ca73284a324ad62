import type {DatabaseSync, SQLInputValue, StatementSync} from 'node:sqlite';
import type {AgentRef} from '../../domain/ticket.js';
import {ProviderError} from '../../errors.js';
import type {Capabilities, ProviderSetup} from '../help-desk.js';
import {type AgentRow, type GroupRow, invalid, notFound, type TicketRow, ticketColumns, ticketJoins} from './map.js';
import {demoAgentEmail} from './schema.js';

export const capabilities: Capabilities = {
	supportsSafeUpdate: true,
	supportsBulk: false,
	supportsIdempotencyKey: true,
	supportsViews: true,
	supportsSatisfaction: true,
	supportsSurveys: true,
	maxPageSize: 1000,
};

/** The demo desk's database handle and the lookups its queue, thread, writes and export share. */
export function createDeskBase(db: DatabaseSync, setup: ProviderSetup) {
	const statements = new Map<string, StatementSync>();
	const statement = (sql: string): StatementSync => {
		let prepared = statements.get(sql);
		if (prepared === undefined) {
			prepared = db.prepare(sql);
			statements.set(sql, prepared);
		}
		return prepared;
	};
	const all = <T>(sql: string, ...params: SQLInputValue[]): T[] => statement(sql).all(...params) as T[];
	const get = <T>(sql: string, ...params: SQLInputValue[]): T | undefined =>
		statement(sql).get(...params) as T | undefined;
	const nowMs = () => setup.now().getTime();

	const agentByEmail = (email: string) =>
		get<AgentRow>(
			"SELECT id, name, email, default_group_id FROM users WHERE role = 'agent' AND email = ? COLLATE NOCASE",
			email,
		);
	const meRow = agentByEmail(setup.email ?? demoAgentEmail) ?? agentByEmail(demoAgentEmail);
	if (meRow === undefined) throw new ProviderError('the demo desk has no agents; run `csr demo reset`');
	const me: AgentRef = {id: String(meRow.id), name: meRow.name, email: meRow.email};

	/** One consistent snapshot for multi-statement reads (WAL readers never block writers). */
	function read<T>(work: () => T): T {
		db.exec('BEGIN');
		try {
			return work();
		} finally {
			db.exec('COMMIT');
		}
	}

	function assertReachable(): void {
		const outage = get<{value: string}>("SELECT value FROM meta WHERE key = 'outage'");
		if (outage?.value === 'on')
			throw new ProviderError('demo desk unreachable (simulated outage)', {
				kind: 'temporary',
				status: 503,
				hint: 'End the simulation with `csr demo outage off`.',
			});
	}

	function ticketRow(id: number): TicketRow | undefined {
		return get<TicketRow>(`SELECT ${ticketColumns} ${ticketJoins} WHERE t.id = ?`, id);
	}

	function parseId(ticketId: string): number | null {
		return /^\d{1,15}$/.test(ticketId.trim()) ? Number(ticketId.trim()) : null;
	}

	function requireTicket(ticketId: string): TicketRow {
		const id = parseId(ticketId);
		const row = id === null ? undefined : ticketRow(id);
		if (row === undefined) throw notFound(ticketId);
		return row;
	}

	function groups(): GroupRow[] {
		return all<GroupRow>('SELECT id, name FROM agent_groups ORDER BY name');
	}

	function agents(): AgentRow[] {
		return all<AgentRow>("SELECT id, name, email, default_group_id FROM users WHERE role = 'agent' ORDER BY name");
	}

	function resolveGroup(nameOrId: string): GroupRow {
		const wanted = nameOrId.trim().toLowerCase();
		const found = groups().find((group) => group.name.toLowerCase() === wanted || String(group.id) === wanted);
		if (found === undefined)
			throw invalid(
				`unknown group "${nameOrId}"; valid groups: ${groups()
					.map((group) => group.name)
					.join(', ')}`,
			);
		return found;
	}

	function resolveAgent(email: string): AgentRow {
		const found = agentByEmail(email.trim());
		if (found === undefined)
			throw invalid(
				`unknown agent "${email}"; agents: ${agents()
					.map((agent) => agent.email)
					.join(', ')}`,
			);
		return found;
	}

	return {
		db,
		statement,
		all,
		get,
		nowMs,
		meRow,
		me,
		read,
		assertReachable,
		ticketRow,
		parseId,
		requireTicket,
		groups,
		agents,
		resolveGroup,
		resolveAgent,
	};
}

export type DeskBase = ReturnType<typeof createDeskBase>;
