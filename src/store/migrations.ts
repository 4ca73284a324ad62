/**
 * What a team store (PostgreSQL) shares with the local database: the interaction log and the follow-ups. One text
 * for both dialects (TEXT/INTEGER only, ISO 8601 UTC text timestamps), so the two schemas cannot drift apart.
 */
const sharedTables = `
CREATE TABLE records (
	id TEXT PRIMARY KEY,
	at TEXT NOT NULL,
	agent TEXT,
	profile TEXT,
	provider TEXT,
	ticket_id TEXT,
	customer_email TEXT,
	customer_name TEXT,
	channel TEXT,
	action TEXT NOT NULL,
	template TEXT,
	status TEXT,
	outcome TEXT,
	duration_sec INTEGER,
	summary TEXT,
	follow_up_at TEXT,
	-- customer_email lower-cased by csr (not by SQL lower(), which is ASCII-only in SQLite): lookups and GDPR purges.
	customer_key TEXT
);
CREATE INDEX records_at ON records (at, id);
CREATE INDEX records_ticket ON records (ticket_id, at);
CREATE INDEX records_customer ON records (customer_key, at);

CREATE TABLE followups (
	id TEXT PRIMARY KEY,
	ticket_id TEXT,
	customer_email TEXT,
	due_at TEXT NOT NULL,
	note TEXT,
	created_at TEXT NOT NULL,
	done_at TEXT,
	profile TEXT,
	customer_key TEXT
);
CREATE INDEX followups_due ON followups (done_at, due_at);
CREATE INDEX followups_customer ON followups (customer_key);
`;

/** Who made a follow-up and whom it is for (`followup add --to`); both stores, both dialects. */
const followUpOwners = `
ALTER TABLE followups ADD COLUMN agent TEXT;
ALTER TABLE followups ADD COLUMN assignee TEXT;
CREATE INDEX followups_assignee ON followups (assignee, done_at, due_at);
`;

/**
 * The one schema of csr's local database (records, follow-ups, bulk-run journal, outbox, drafts, sync cache, what
 * waits for the team store). Append new versions; never edit an applied one.
 */
export const migrations: readonly {readonly version: number; readonly sql: string}[] = [
	{
		version: 1,
		sql: `
${sharedTables}
CREATE TABLE runs (
	id TEXT PRIMARY KEY,
	profile TEXT NOT NULL,
	fingerprint TEXT NOT NULL,
	kind TEXT NOT NULL,
	plan_json TEXT NOT NULL,
	created_at TEXT NOT NULL,
	finished_at TEXT
);
CREATE INDEX runs_fingerprint ON runs (profile, fingerprint);

CREATE TABLE run_items (
	run_id TEXT NOT NULL REFERENCES runs (id),
	ticket_id TEXT NOT NULL,
	position INTEGER NOT NULL,
	intent_hash TEXT NOT NULL,
	is_public INTEGER NOT NULL,
	body TEXT NOT NULL,
	changes_json TEXT,
	template TEXT,
	expected_updated_at TEXT,
	customer_email TEXT,
	customer_name TEXT,
	channel TEXT,
	state TEXT NOT NULL,
	message_id TEXT,
	reason TEXT,
	updated_at TEXT NOT NULL,
	PRIMARY KEY (run_id, ticket_id)
);

-- One row per (profile, ticket, intent): 'sending' while a request is in flight or its fate is unknown
-- (crash, timeout), 'sent' once the desk confirmed. This is what makes a reply go out at most once.
CREATE TABLE deliveries (
	profile TEXT NOT NULL,
	ticket_id TEXT NOT NULL,
	intent_hash TEXT NOT NULL,
	state TEXT NOT NULL,
	body TEXT,
	attempt_started_at TEXT,
	message_id TEXT,
	run_id TEXT,
	sent_at TEXT,
	PRIMARY KEY (profile, ticket_id, intent_hash)
);

CREATE TABLE outbox (
	id TEXT PRIMARY KEY,
	profile TEXT NOT NULL,
	ticket_id TEXT NOT NULL,
	is_public INTEGER NOT NULL,
	body TEXT NOT NULL,
	changes_json TEXT,
	intent_hash TEXT NOT NULL,
	expected_updated_at TEXT,
	template TEXT,
	customer_email TEXT,
	customer_name TEXT,
	channel TEXT,
	action TEXT NOT NULL DEFAULT 'reply',
	run_id TEXT,
	created_at TEXT NOT NULL,
	attempts INTEGER NOT NULL DEFAULT 0,
	last_error TEXT,
	last_attempt_at TEXT
);
CREATE UNIQUE INDEX outbox_intent ON outbox (profile, ticket_id, intent_hash);

CREATE TABLE drafts (
	profile TEXT NOT NULL,
	ticket_id TEXT NOT NULL,
	is_public INTEGER NOT NULL,
	body TEXT NOT NULL,
	template TEXT,
	updated_at TEXT NOT NULL,
	PRIMARY KEY (profile, ticket_id)
);
`,
	},
	{
		// csr sync / csr stats: the KPI cache. Every row is keyed by profile; timestamps are toISOString() UTC so text
		// order is time order. sync_state holds one resume cursor per (profile, stream), written in the same
		// transaction as that page's rows. No index leads with profile or a date: over a wide window an index range
		// costs a table lookup per row, ten times a sequential scan. The percentile indexes lead with the value so
		// `ORDER BY value LIMIT 2 OFFSET k` walks one covering index.
		version: 2,
		sql: `
CREATE TABLE sync_tickets (
	profile TEXT NOT NULL,
	ticket_id TEXT NOT NULL,
	status TEXT NOT NULL,
	channel TEXT NOT NULL,
	agent_key TEXT,
	group_name TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	solved_at TEXT,
	first_reply_minutes REAL,
	first_reply_business_minutes REAL,
	resolution_minutes REAL,
	resolution_business_minutes REAL,
	reopens INTEGER NOT NULL,
	public_agent_replies INTEGER NOT NULL,
	sla_breached INTEGER,
	PRIMARY KEY (ticket_id, profile)
);
CREATE INDEX sync_tickets_first_reply ON sync_tickets (first_reply_minutes, profile, created_at);
CREATE INDEX sync_tickets_resolution ON sync_tickets (resolution_minutes, profile, solved_at, status);

CREATE TABLE sync_ratings (
	profile TEXT NOT NULL,
	rating_id TEXT NOT NULL,
	ticket_id TEXT,
	at TEXT NOT NULL,
	score TEXT NOT NULL,
	channel TEXT,
	PRIMARY KEY (rating_id, profile)
);

CREATE TABLE sync_surveys (
	profile TEXT NOT NULL,
	survey_id TEXT NOT NULL,
	ticket_id TEXT,
	at TEXT NOT NULL,
	kind TEXT NOT NULL,
	score REAL NOT NULL,
	PRIMARY KEY (survey_id, profile)
);

CREATE TABLE sync_state (
	profile TEXT NOT NULL,
	stream TEXT NOT NULL,
	provider TEXT NOT NULL,
	cursor TEXT,
	items INTEGER NOT NULL DEFAULT 0,
	updated_at TEXT NOT NULL,
	completed_at TEXT,
	PRIMARY KEY (profile, stream)
);
`,
	},
	{
		// The contacts cache (store/contact-cache.ts): a profile's customers as the desk's contact listing gives them, so a
		// queue page needs no request per requester. Personal data: bounded in age and erased by `csr log purge`.
		// desk_lists keeps small directory lists (agents, groups, status labels) and the contacts sync mark as JSON.
		version: 3,
		sql: `
CREATE TABLE contacts_cache (
	profile TEXT NOT NULL,
	contact_id TEXT NOT NULL,
	name TEXT,
	email TEXT,
	customer_key TEXT,
	locale TEXT,
	fetched_at TEXT NOT NULL,
	PRIMARY KEY (profile, contact_id)
);
CREATE INDEX contacts_cache_customer ON contacts_cache (customer_key);

CREATE TABLE desk_lists (
	profile TEXT NOT NULL,
	name TEXT NOT NULL,
	value TEXT NOT NULL,
	fetched_at TEXT NOT NULL,
	PRIMARY KEY (profile, name)
);
`,
	},
	{
		// Business-time KPIs on every desk: the first reply's time (to measure it on the profile's schedule) and where
		// a row's business minutes come from: 'desk' (Zendesk's own), csr's schedule fingerprint, or NULL (not yet
		// computed). Per-agent KPIs from the desk: who gave the first reply, who solved, the agent touches (a chat or
		// phone session is one), and every public agent reply (who, when). Cached tickets lack all of it, so the
		// tickets stream is read again from the start. desk_resets: when a desk's data was replaced wholesale (csr demo
		// reset); the local log's records from before it describe tickets that no longer exist.
		version: 4,
		sql: `
ALTER TABLE sync_tickets ADD COLUMN first_reply_at TEXT;
ALTER TABLE sync_tickets ADD COLUMN business_source TEXT;
ALTER TABLE sync_tickets ADD COLUMN first_reply_by TEXT;
ALTER TABLE sync_tickets ADD COLUMN solved_by TEXT;
ALTER TABLE sync_tickets ADD COLUMN agent_touches INTEGER;
CREATE TABLE sync_replies (
	profile TEXT NOT NULL,
	ticket_id TEXT NOT NULL,
	seq INTEGER NOT NULL,
	at TEXT NOT NULL,
	agent_key TEXT NOT NULL,
	PRIMARY KEY (profile, ticket_id, seq)
);
CREATE INDEX sync_replies_at ON sync_replies (profile, at);
CREATE TABLE desk_resets (provider TEXT PRIMARY KEY, at TEXT NOT NULL);
DELETE FROM sync_tickets;
DELETE FROM sync_state WHERE stream = 'tickets';
`,
	},
	{
		// An outbox item a retry could not deliver for good (its error is in last_error): `outbox list` says so.
		version: 5,
		sql: 'ALTER TABLE outbox ADD COLUMN failed_at TEXT;',
	},
	{
		// A team store (PostgreSQL) is configured: records and follow-up changes wait here until it has them, so an
		// unreachable database loses nothing. `store` names the team store (host, port, database; no credentials) so
		// a row is only ever pushed where it was meant to go. Rows are pushed in seq order and deleted once pushed.
		version: 6,
		sql: `${followUpOwners}
CREATE TABLE team_pending (
	seq INTEGER PRIMARY KEY,
	store TEXT NOT NULL,
	kind TEXT NOT NULL,
	ref_id TEXT NOT NULL,
	customer_key TEXT,
	payload TEXT NOT NULL,
	created_at TEXT NOT NULL,
	attempts INTEGER NOT NULL DEFAULT 0,
	last_error TEXT
);
CREATE INDEX team_pending_store ON team_pending (store, seq);
`,
	},
	{
		// csr dashboard: a ticket's running SLA target and since when its requester waits for an answer. The tickets
		// stream reads every ticket again at the next sync (its cursor is forgotten, its rows and completion kept), so
		// rows synced before have them too.
		version: 7,
		sql: `ALTER TABLE sync_tickets ADD COLUMN sla_due_at TEXT;
ALTER TABLE sync_tickets ADD COLUMN waiting_since TEXT;
CREATE INDEX sync_tickets_unsolved ON sync_tickets (profile, status, waiting_since)
	WHERE status IN ('new', 'open', 'pending', 'on-hold');
UPDATE sync_state SET cursor = NULL WHERE stream = 'tickets';
`,
	},
	{
		// csr stats at 100,000 tickets: the business-hours percentiles walk a value-first covering index like their
		// calendar twins (instead of sorting the table twice each), the team's per-agent percentiles walk an index in
		// the order of their window function (no sort), and the business pass finds "nothing to measure" in an index.
		// Replies per agent in a window read only the replies' index. No index leads with profile (but the partial one
		// of the dashboard's unsolved tickets): every profile's rows are most of the table, and SQLite (without ANALYZE) would
		// otherwise prefer such an index to the scans and value-first walks the aggregations are written for.
		version: 8,
		sql: `CREATE INDEX sync_tickets_first_reply_business ON sync_tickets (first_reply_business_minutes, profile, created_at);
CREATE INDEX sync_tickets_resolution_business ON sync_tickets (resolution_business_minutes, profile, solved_at, status);
CREATE INDEX sync_tickets_first_reply_by ON sync_tickets (first_reply_by, first_reply_minutes, profile, created_at);
CREATE INDEX sync_tickets_solved_by ON sync_tickets (solved_by, resolution_minutes, profile, solved_at, status, agent_touches,
	public_agent_replies);
CREATE INDEX sync_tickets_business_source ON sync_tickets (business_source, profile);
DROP INDEX sync_replies_at;
CREATE INDEX sync_replies_at ON sync_replies (profile, at, agent_key);
`,
	},
	{
		// What a planned message carries besides its body: CC addresses and attachments (path, name, type, size,
		// sha256), as JSON. The file is read again when the message is sent and must hash the same (issue 14).
		version: 9,
		sql: `
ALTER TABLE run_items ADD COLUMN extras_json TEXT;
ALTER TABLE outbox ADD COLUMN extras_json TEXT;
`,
	},
	{
		// Queue views the agent saved in the TUI (a filter line by name), per profile.
		version: 10,
		sql: `
CREATE TABLE saved_views (
	profile TEXT NOT NULL,
	name TEXT NOT NULL,
	filter TEXT NOT NULL,
	created_at TEXT NOT NULL,
	PRIMARY KEY (profile, name)
);
`,
	},
	{
		// Next reply and requester wait (calendar and business minutes): measured from the thread by csr, or the
		// desk's own (Zendesk's requester_wait_time_in_minutes); `waits` keeps the thread's waits for the business pass.
		// The tickets stream reads every ticket again at the next sync, and every row is measured again on the schedule.
		version: 11,
		sql: `ALTER TABLE sync_tickets ADD COLUMN next_reply_minutes REAL;
ALTER TABLE sync_tickets ADD COLUMN next_reply_business_minutes REAL;
ALTER TABLE sync_tickets ADD COLUMN requester_wait_minutes REAL;
ALTER TABLE sync_tickets ADD COLUMN requester_wait_business_minutes REAL;
ALTER TABLE sync_tickets ADD COLUMN waits TEXT;
CREATE INDEX sync_tickets_next_reply ON sync_tickets (next_reply_minutes, profile, created_at);
CREATE INDEX sync_tickets_next_reply_business ON sync_tickets (next_reply_business_minutes, profile, created_at);
CREATE INDEX sync_tickets_requester_wait ON sync_tickets (requester_wait_minutes, profile, solved_at, status);
CREATE INDEX sync_tickets_requester_wait_business ON sync_tickets (requester_wait_business_minutes, profile, solved_at,
	status);
UPDATE sync_state SET cursor = NULL WHERE stream = 'tickets';
UPDATE sync_tickets SET business_source = NULL WHERE business_source IS NOT NULL AND business_source <> 'desk';
`,
	},
	{
		// csr's own SLA targets (config slaTargets) depend on a ticket's priority: the cache keeps it. A row with the
		// desk's own business minutes (Zendesk) gets csr's next reply in business minutes from its thread: the schedule's
		// fingerprint it was measured on. The tickets stream reads every ticket again at the next sync.
		version: 12,
		sql: `ALTER TABLE sync_tickets ADD COLUMN priority TEXT;
ALTER TABLE sync_tickets ADD COLUMN next_reply_business_source TEXT;
UPDATE sync_state SET cursor = NULL WHERE stream = 'tickets';
`,
	},
	{
		// Public holidays per region and year from the date-holidays library (store/holiday-dates.ts): a business-time
		// figure does not pay for loading the library once its dates are known.
		version: 13,
		sql: `CREATE TABLE holiday_dates (
	source TEXT NOT NULL,
	year INTEGER NOT NULL,
	dates TEXT NOT NULL,
	PRIMARY KEY (source, year)
) WITHOUT ROWID;
`,
	},
	{
		// The backlog's ages (csr stats) read the unsolved tickets' creation times from the dashboard's partial index
		// instead of the table: 47,000 unsolved of 100,000 tickets took 25-36 ms, now 6-9 ms.
		version: 14,
		sql: `DROP INDEX sync_tickets_unsolved;
CREATE INDEX sync_tickets_unsolved ON sync_tickets (profile, status, waiting_since, created_at)
	WHERE status IN ('new', 'open', 'pending', 'on-hold');
`,
	},
];

/**
 * The team store's schema (PostgreSQL): the shared tables, the same text as the local database's. Applied by
 * `csr store migrate`, tracked in its own schema_version table. Append new versions; never edit an applied one.
 */
export const teamMigrations: readonly {readonly version: number; readonly sql: string}[] = [
	{version: 1, sql: sharedTables},
	{version: 2, sql: followUpOwners},
];
