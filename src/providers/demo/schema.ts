import type {DatabaseSync} from 'node:sqlite';
import type {Priority, TicketStatus} from '../../domain/ticket.js';
import {addOfficeTime} from './office-hours.js';

/**
 * The demo desk's own schema in demo.db (separate from csr.db's migrations). The data is disposable: when the
 * stored version differs from this one, the desk is regenerated rather than migrated (2: customers' phone and
 * time zone; 3: stored attachment files and message CC).
 */
export const demoSchemaVersion = 3;

/** Times are integer milliseconds since the epoch (sortable, cheap to index); ISO strings only at the boundary. */
const tablesSql = `
CREATE TABLE demo_schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE agent_groups (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE organizations (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE users (
	id INTEGER PRIMARY KEY,
	role TEXT NOT NULL,
	name TEXT NOT NULL,
	email TEXT,
	locale TEXT,
	phone TEXT,
	time_zone TEXT,
	organization_id INTEGER,
	default_group_id INTEGER
);
CREATE TABLE tickets (
	id INTEGER PRIMARY KEY,
	subject TEXT NOT NULL,
	status TEXT NOT NULL,
	priority TEXT,
	priority_rank REAL GENERATED ALWAYS AS (
		CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 WHEN 'low' THEN 3 ELSE 2.5 END
	) VIRTUAL,
	channel TEXT NOT NULL,
	requester_id INTEGER NOT NULL,
	assignee_id INTEGER,
	group_id INTEGER,
	created_ms INTEGER NOT NULL,
	updated_ms INTEGER NOT NULL,
	sla_due_ms INTEGER,
	first_reply_due_ms INTEGER
);
CREATE TABLE ticket_tags (ticket_id INTEGER NOT NULL, tag TEXT NOT NULL, PRIMARY KEY (ticket_id, tag)) WITHOUT ROWID;
CREATE TABLE messages (
	id INTEGER PRIMARY KEY,
	ticket_id INTEGER NOT NULL,
	author_id INTEGER NOT NULL,
	author_role TEXT NOT NULL,
	is_public INTEGER NOT NULL,
	channel TEXT NOT NULL,
	created_ms INTEGER NOT NULL,
	body TEXT NOT NULL,
	is_html INTEGER NOT NULL,
	attachments TEXT,
	cc TEXT
);
-- Files agents sent (messages.attachments points here with demo-file:ID); seeded samples are made in code.
CREATE TABLE files (
	id INTEGER PRIMARY KEY,
	ticket_id INTEGER NOT NULL,
	message_id INTEGER NOT NULL,
	name TEXT NOT NULL,
	content_type TEXT NOT NULL,
	bytes BLOB NOT NULL
);
CREATE TABLE events (
	id INTEGER PRIMARY KEY,
	ticket_id INTEGER NOT NULL,
	at_ms INTEGER NOT NULL,
	author_id INTEGER,
	field TEXT NOT NULL,
	old_value TEXT,
	new_value TEXT
);
CREATE TABLE satisfaction (
	id INTEGER PRIMARY KEY,
	ticket_id INTEGER,
	at_ms INTEGER NOT NULL,
	score TEXT NOT NULL,
	comment TEXT,
	channel TEXT
);
CREATE TABLE surveys (id INTEGER PRIMARY KEY, ticket_id INTEGER, at_ms INTEGER NOT NULL, kind TEXT NOT NULL, score INTEGER NOT NULL);
CREATE TABLE idempotency (
	ticket_id INTEGER NOT NULL,
	key TEXT NOT NULL,
	kind TEXT NOT NULL,
	message_id INTEGER,
	created_ms INTEGER NOT NULL,
	PRIMARY KEY (ticket_id, key)
) WITHOUT ROWID;
`;

/**
 * Created after the bulk load (faster than maintaining them row by row). The urgency and priority indexes match the
 * queue's ORDER BY terms exactly, so a listing can walk them instead of sorting.
 */
const indexesSql = `
CREATE INDEX users_email ON users (email COLLATE NOCASE);
CREATE INDEX tickets_urgency ON tickets (sla_due_ms IS NULL, sla_due_ms, priority_rank, created_ms, id);
CREATE INDEX tickets_priority ON tickets (priority_rank, sla_due_ms IS NULL, sla_due_ms, created_ms, id);
CREATE INDEX tickets_status ON tickets (status);
CREATE INDEX tickets_assignee ON tickets (assignee_id);
CREATE INDEX tickets_group ON tickets (group_id);
CREATE INDEX tickets_requester ON tickets (requester_id, created_ms);
CREATE INDEX tickets_updated ON tickets (updated_ms, id);
CREATE INDEX tickets_created ON tickets (created_ms, id);
CREATE INDEX ticket_tags_tag ON ticket_tags (tag, ticket_id);
CREATE INDEX messages_ticket ON messages (ticket_id, created_ms);
CREATE INDEX events_ticket ON events (ticket_id, at_ms);
CREATE INDEX satisfaction_at ON satisfaction (at_ms, id);
CREATE INDEX satisfaction_ticket ON satisfaction (ticket_id);
CREATE INDEX surveys_at ON surveys (at_ms, id);
`;

const demoTables = [
	'demo_schema_version',
	'meta',
	'agent_groups',
	'organizations',
	'users',
	'tickets',
	'ticket_tags',
	'messages',
	'events',
	'satisfaction',
	'surveys',
	'idempotency',
	// Made on first use by forward.ts (additive, no version change); dropped with the rest on a reset.
	'outbound',
	'files',
] as const;

/** Drops every demo table (indexes go with them). Call inside a transaction. */
export function dropDemoSchema(db: DatabaseSync): void {
	for (const table of demoTables) db.exec(`DROP TABLE IF EXISTS ${table}`);
}

export function createDemoTables(db: DatabaseSync): void {
	db.exec(tablesSql);
}

export function createDemoIndexes(db: DatabaseSync): void {
	db.exec(indexesSql);
}

/** The stored schema version, or null when demo.db has never been seeded (or is from before versioning). */
export function readDemoSchemaVersion(db: DatabaseSync): number | null {
	const table = db
		.prepare("SELECT 1 AS present FROM sqlite_master WHERE type = 'table' AND name = 'demo_schema_version'")
		.get();
	if (table === undefined) return null;
	const row = db.prepare('SELECT MAX(version) AS version FROM demo_schema_version').get();
	const version = row?.['version'];
	return typeof version === 'number' ? version : null;
}

const minute = 60_000;
const hour = 60 * minute;

/** First-reply targets by priority, in office hours (`office-hours.ts`: the default business-hours schedule). No priority, no SLA. */
export const firstReplyTargetMs: Record<Priority, number> = {
	urgent: hour,
	high: 4 * hour,
	normal: 8 * hour,
	low: 24 * hour,
};

/** Next-reply targets, in office hours: how soon a customer's new message must be answered. */
export const nextReplyTargetMs: Record<Priority, number> = {
	urgent: 2 * hour,
	high: 8 * hour,
	normal: 24 * hour,
	low: 48 * hour,
};

export type SlaInput = {
	readonly status: TicketStatus;
	readonly priority: Priority | null;
	readonly createdMs: number;
	/** Latest public agent reply, null when the agents have not answered yet. */
	readonly lastAgentReplyMs: number | null;
	/** Latest public customer message. */
	readonly lastCustomerMessageMs: number | null;
};

/**
 * When the ticket's running SLA target is due, as help desks with SLA policies show it: the first reply while nobody
 * has answered, then the next reply whenever the customer wrote last. Pending and on-hold pause the clock, solved and
 * closed tickets have none, and tickets without a priority have no policy.
 */
export function slaDueMs(input: SlaInput): number | null {
	const {status, priority} = input;
	if (priority === null || status === 'pending' || status === 'on-hold' || status === 'solved' || status === 'closed')
		return null;
	if (input.lastAgentReplyMs === null) return addOfficeTime(input.createdMs, firstReplyTargetMs[priority]);
	if (input.lastCustomerMessageMs !== null && input.lastCustomerMessageMs > input.lastAgentReplyMs)
		return addOfficeTime(input.lastCustomerMessageMs, nextReplyTargetMs[priority]);
	return null;
}

export function firstReplyDueMs(priority: Priority | null, createdMs: number): number | null {
	return priority === null ? null : addOfficeTime(createdMs, firstReplyTargetMs[priority]);
}

export const demoDomain = 'nordlyshome.dk';
export const demoAgentEmail = 'you@demo.csr';
