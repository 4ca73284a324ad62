import type {Context, GlobalOptions} from '../../context.js';
import {FailedError, QueuedError, UsageError} from '../../errors.js';
import {countLocalOnly, type HistoryCounts, pushLocalHistory} from '../../store/local-history.js';
import {poolFor, teamStoreError} from '../../store/pg-client.js';
import type {TeamStoreTarget} from '../../store/pg-config.js';
import {summarisePending} from '../../store/team-queue.js';
import {createTeamRecordStore} from '../../store/team-record-store.js';
import {migrateTeamStore, requiredTeamVersion, teamSchemaVersion} from '../../store/team-schema.js';
import {toSafeJson} from '../../text/display-text.js';
import {activeProfile, formatOf} from '../options.js';
import {teamStoreTargetOf, teamStoreUrlOf} from '../team-routing.js';

function targetOf(context: Context, globals: GlobalOptions): {target: TeamStoreTarget; source: string} {
	const profile = activeProfile(context, globals);
	const configured = teamStoreUrlOf(context, profile);
	const target = teamStoreTargetOf(context, profile);
	if (configured === null || target === undefined) {
		throw new UsageError(
			`no team store is configured for profile ${profile.name}: records and follow-ups stay in this machine's database`,
			'Set one with `csr config set store.url postgres://USER@HOST:PORT/DATABASE` (or $CSR_STORE_URL).',
		);
	}
	return {target, source: configured.source};
}

export async function runStoreTest(globals: GlobalOptions, context: Context): Promise<void> {
	const {target, source} = targetOf(context, globals);
	const pool = await poolFor(target);
	let facts: {user: string; server: string; version: number; ssl: boolean};
	try {
		const row = (
			await pool.query<{user: string; server: string; ssl: boolean | null}>(
				"SELECT current_user AS user, current_setting('server_version') AS server, (SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()) AS ssl",
			)
		).rows[0];
		facts = {
			user: row?.user ?? '',
			server: row?.server ?? '',
			version: await teamSchemaVersion(pool),
			ssl: row?.ssl === true,
		};
	} catch (error) {
		throw teamStoreError(target, error, 'connecting');
	}
	const isCurrent = facts.version >= requiredTeamVersion;
	if (formatOf(globals) === 'json') {
		context.io.stdout.write(
			`${toSafeJson({store: target.key, url: target.redactedUrl, source, user: facts.user, serverVersion: facts.server, tls: facts.ssl, schemaVersion: facts.version, requiredSchemaVersion: requiredTeamVersion}, 2)}\n`,
		);
	} else {
		context.io.stdout.write(
			`team store ${target.redactedUrl} (from ${source}): connected as ${facts.user}, PostgreSQL ${facts.server}, ${facts.ssl ? 'TLS' : 'no TLS'}, schema version ${facts.version} (csr needs ${requiredTeamVersion})\n`,
		);
	}
	if (!isCurrent) {
		throw new FailedError(
			`the team store's schema is at version ${facts.version}; csr needs ${requiredTeamVersion}`,
			'Run `csr store migrate` as the database owner.',
		);
	}
}

export async function runStoreMigrate(globals: GlobalOptions, context: Context): Promise<void> {
	const {target} = targetOf(context, globals);
	let result: Awaited<ReturnType<typeof migrateTeamStore>>;
	try {
		result = await migrateTeamStore(await poolFor(target));
	} catch (error) {
		throw teamStoreError(target, error, 'the migration');
	}
	if (formatOf(globals) === 'json') {
		context.io.stdout.write(`${toSafeJson({store: target.key, ...result}, 2)}\n`);
	} else if (result.applied.length === 0) {
		context.io.stdout.write(`team store ${target.key}: schema version ${result.to}, nothing to do\n`);
	} else {
		context.io.stdout.write(`team store ${target.key}: schema version ${result.from} → ${result.to}\n`);
	}
}

export async function runStoreStatus(globals: GlobalOptions, context: Context): Promise<void> {
	const {target} = targetOf(context, globals);
	const db = context.store();
	const store = createTeamRecordStore(db, target, {now: context.now});
	const push = await store.push();
	// Older records of this machine (from before the team store) that `csr store push` would share; null when the
	// team store cannot be asked.
	let localOnly: HistoryCounts | null = null;
	try {
		localOnly = await countLocalOnly(db, await store.ready());
	} catch {
		localOnly = null;
	}
	const waiting = summarisePending(db);
	const here = waiting.find((entry) => entry.store === target.key);
	const others = waiting.filter((entry) => entry.store !== target.key);
	if (formatOf(globals) === 'json') {
		context.io.stdout.write(
			`${toSafeJson({store: target.key, pushed: push.pushed, waiting: {records: here?.records ?? 0, followUps: here?.followUps ?? 0}, oldest: here?.oldest ?? null, problem: push.problem, otherStores: others, localOnly}, 2)}\n`,
		);
	} else {
		const line =
			here === undefined
				? 'nothing waits'
				: `${here.records} record${here.records === 1 ? '' : 's'} and ${here.followUps} follow-up${here.followUps === 1 ? '' : 's'} wait (oldest ${here.oldest ?? '?'}): ${push.problem ?? here.lastError ?? 'not pushed yet'}`;
		context.io.stdout.write(`team store ${target.key}: pushed ${push.pushed}, ${line}\n`);
		if (localOnly !== null && localOnly.records + localOnly.followUps > 0) {
			context.io.stdout.write(
				`  older on this machine, not on the team store: ${plural(localOnly.records, 'record')} and ${plural(localOnly.followUps, 'follow-up')} (csr store push shares them)\n`,
			);
		}
		for (const other of others) {
			context.io.stdout.write(
				`  for ${other.store} (not the current store): ${other.records} records, ${other.followUps} follow-ups\n`,
			);
		}
	}
	if (push.waiting > 0) {
		throw new QueuedError(
			`${push.waiting === 1 ? '1 write still waits' : `${push.waiting} writes still wait`} for the team store${push.problem ? ` (${push.problem})` : ''}`,
			'They are safe on this machine; run `csr store status` again when the team store is back.',
		);
	}
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export type StorePushFlags = {dryRun?: boolean};

/**
 * `csr store push [--dry-run]`: shares this machine's records and follow-ups from before it used the team store.
 * Idempotent by id: run again, nothing is sent twice. --dry-run only counts what would go.
 */
export async function runStorePush(flags: StorePushFlags, globals: GlobalOptions, context: Context): Promise<void> {
	const {target} = targetOf(context, globals);
	const db = context.store();
	const store = createTeamRecordStore(db, target, {now: context.now});
	const json = formatOf(globals) === 'json';
	try {
		const pool = await store.ready();
		if (flags.dryRun === true) {
			const missing = await countLocalOnly(db, pool);
			context.io.stdout.write(
				json
					? `${toSafeJson({store: target.key, dryRun: true, wouldPush: missing}, 2)}\n`
					: `team store ${target.key}: would push ${plural(missing.records, 'record')} and ${plural(missing.followUps, 'follow-up')} from this machine (dry run: nothing sent)\n`,
			);
			return;
		}
		await store.push();
		const result = await pushLocalHistory(db, pool);
		context.io.stdout.write(
			json
				? `${toSafeJson({store: target.key, ...result}, 2)}\n`
				: `team store ${target.key}: pushed ${plural(result.pushed.records, 'record')} and ${plural(result.pushed.followUps, 'follow-up')} from this machine; ${result.present.records + result.present.followUps} already there\n`,
		);
	} catch (error) {
		throw error instanceof Error && error.name === 'StoreError'
			? error
			: teamStoreError(target, error, "pushing this machine's records");
	}
}
