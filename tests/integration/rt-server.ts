import {execFile} from 'node:child_process';
import {existsSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

/** A throwaway RT 5 started by scripts/rt-start.sh (its JSON facts). */
export type RtServer = {
	readonly url: string;
	readonly rest2: string;
	readonly home: string;
	readonly port: number;
	readonly pid: number;
	readonly mboxDir: string;
	readonly root: {readonly user: string; readonly password: string; readonly token: string};
	readonly agent: {
		readonly user: string;
		readonly password: string;
		readonly token: string;
		readonly email: string;
		readonly name: string;
	};
	/** How long rt-start.sh took, in ms. */
	readonly startMs: number;
};

const scripts = fileURLToPath(new URL('../../scripts/', import.meta.url));

/** The Debian packages scripts/install-rt.sh installs. */
export function rtInstalled(): boolean {
	return (
		existsSync('/usr/share/request-tracker5/libexec/rt-server') &&
		existsSync('/usr/sbin/rt-setup-database-5') &&
		existsSync('/usr/share/perl5/Plack/Handler/Starlet.pm')
	);
}

function run(script: string, args: string[], env: Record<string, string>): Promise<{stdout: string; stderr: string}> {
	return new Promise((resolve, reject) => {
		execFile('bash', [join(scripts, script), ...args], {env: {...process.env, ...env}}, (error, stdout, stderr) => {
			if (error) reject(new Error(`${script} failed (${error.code ?? error.message}):\n${stderr}`));
			else resolve({stdout, stderr});
		});
	});
}

/** Starts RT on a free 127.0.0.1 port with a fresh SQLite database in a new temp directory. */
export async function startRt(): Promise<RtServer> {
	const home = mkdtempSync(join(tmpdir(), 'csr-rt-test-'));
	const started = performance.now();
	const {stdout} = await run('rt-start.sh', [], {RT_HOME: home});
	const startMs = Math.round(performance.now() - started);
	const line = stdout.trim().split('\n').at(-1) ?? '';
	return {...(JSON.parse(line) as Omit<RtServer, 'startMs'>), startMs};
}

export async function stopRt(home: string): Promise<void> {
	await run('rt-stop.sh', [home, '--wipe'], {});
}

type Json = unknown;

/**
 * A small REST2 client for setting up and checking RT from the outside (not csr's code): Node's fetch, token auth.
 * Throws on any status other than the expected ones, with RT's message.
 */
export function rest2Client(server: RtServer, token: string) {
	async function call(method: string, path: string, body?: Json, query?: Record<string, string>): Promise<Json> {
		const url = new URL(`${server.rest2}${path}`);
		for (const [key, value] of Object.entries(query ?? {})) url.searchParams.append(key, value);
		const response = await fetch(url, {
			method,
			headers: {
				authorization: `token ${token}`,
				...(body === undefined ? {} : {'content-type': 'application/json'}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 300)}`);
		return text.trim() === '' ? null : JSON.parse(text);
	}
	return {
		get: (path: string, query?: Record<string, string>) => call('GET', path, undefined, query),
		post: (path: string, body: Json, query?: Record<string, string>) => call('POST', path, body, query),
		put: (path: string, body: Json) => call('PUT', path, body),
		/** POST /ticket → the new id. */
		async createTicket(fields: Record<string, unknown>): Promise<string> {
			const created = (await call('POST', '/ticket', fields)) as {id: string};
			return String(created.id);
		},
		/** Ids of the tickets a TicketSQL query matches (every page). */
		async ticketIds(query: string): Promise<string[]> {
			const ids: string[] = [];
			for (let page = 1; ; page++) {
				const body = (await call('GET', '/tickets', undefined, {
					query,
					page: String(page),
					per_page: '100',
					orderby: 'id',
				})) as {items: {id: string}[]; count: number; per_page: number};
				ids.push(...body.items.map((item) => String(item.id)));
				if (body.count < body.per_page) return ids;
			}
		},
		/** How many transactions a TransactionSQL query matches (root sees `total`). */
		async countTransactions(query: string): Promise<number> {
			const body = (await call('GET', '/transactions', undefined, {query, per_page: '1'})) as {total: number | null};
			if (body.total === null) throw new Error('transaction counts need a SuperUser token');
			return body.total;
		},
		/** A ticket's transactions of the given types, oldest first, with their creator. */
		async transactions(ticketId: string, types: readonly string[]) {
			const body = (await call('GET', `/ticket/${ticketId}/history`, undefined, {
				per_page: '100',
				fields: 'Type,Creator,Created,OldValue,NewValue',
			})) as {items: {id: string; Type: string; Creator: {id: string}; OldValue: string; NewValue: string}[]};
			return body.items.filter((item) => types.includes(item.Type));
		},
		/** The text of one attachment (GET /attachment/:id gives base64). */
		async attachmentText(attachmentId: string): Promise<string> {
			const body = (await call('GET', `/attachment/${attachmentId}`)) as {Content: string | null};
			return Buffer.from(body.Content ?? '', 'base64').toString('utf8');
		},
	};
}

/**
 * Mail from a customer through RT's mail gateway (what rt-mailgate posts): a new ticket, or with `ticketId` a reply
 * on it. The sender becomes the requestor and the transaction's creator, as with real email.
 */
export async function mailIn(
	server: RtServer,
	mail: {from: string; subject: string; body: string; html?: boolean; ticketId?: string; queue?: string},
): Promise<void> {
	const subject = mail.ticketId === undefined ? mail.subject : `[csr-test #${mail.ticketId}] Re: ${mail.subject}`;
	const message = [
		`From: ${mail.from}`,
		'To: support@csr.test',
		`Subject: =?UTF-8?B?${Buffer.from(subject, 'utf8').toString('base64')}?=`,
		`Message-ID: <${Date.now()}.${Math.random().toString(36).slice(2)}@customer.example>`,
		'MIME-Version: 1.0',
		`Content-Type: ${mail.html ? 'text/html' : 'text/plain'}; charset=utf-8`,
		'Content-Transfer-Encoding: 8bit',
		'',
		mail.body,
		'',
	].join('\n');
	const form = new URLSearchParams({queue: mail.queue ?? 'Support', action: 'correspond', message});
	const response = await fetch(`${server.url}/REST/1.0/NoAuth/mail-gateway`, {method: 'POST', body: form});
	const text = await response.text();
	if (!response.ok || !/^ok/m.test(text)) throw new Error(`mail gateway refused the mail: ${response.status} ${text}`);
}
