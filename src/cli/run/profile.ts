import {parseProfileUrl, resolveProfile, tokenVariableFor} from '../../config/profiles.js';
import {type Profile, ProviderName, profileNamePattern} from '../../config/schema.js';
import type {Context, GlobalOptions} from '../../context.js';
import {UsageError} from '../../errors.js';
import {readAll} from '../../io/streams.js';
import {normalizeLocale} from '../../templates/locale.js';
import {csvRow} from '../../text/csv.js';
import {toDisplayLine, toSafeJson} from '../../text/display-text.js';
import {formatOf} from '../options.js';
import {formatTable} from '../output/table.js';

export type ProfileAddFlags = {
	provider?: string;
	url?: string;
	email?: string;
	user?: string;
	locale?: string;
	agentName?: string;
	signature?: string;
	signatureFor?: string[];
	tokenStdin?: boolean;
	use?: boolean;
};

function checkName(name: string): void {
	if (!profileNamePattern.test(name)) {
		throw new UsageError(
			`invalid profile name "${name}"`,
			'Use letters, digits, - and _ (up to 40), starting with a letter or digit.',
		);
	}
}

/** `--signature-for da=Venlig hilsen…` (repeatable) → signatures by locale; `\n` in the text is a line break, as in --signature. */
function parseLocaleSignatures(raw: readonly string[]): Record<string, string> {
	const signatures: Record<string, string> = {};
	for (const entry of raw) {
		const equals = entry.indexOf('=');
		const locale = equals === -1 ? null : normalizeLocale(entry.slice(0, equals));
		if (locale === null || entry.slice(equals + 1).trim() === '') {
			throw new UsageError(
				`invalid --signature-for "${entry}": expected LOCALE=TEXT`,
				'For example --signature-for "da=Anna\\nKundeservice".',
			);
		}
		signatures[locale] = entry.slice(equals + 1).replaceAll('\\n', '\n');
	}
	return signatures;
}

export async function runProfileAdd(
	name: string,
	flags: ProfileAddFlags,
	_globals: GlobalOptions,
	context: Context,
): Promise<void> {
	checkName(name);
	const provider = ProviderName.safeParse(flags.provider);
	if (!provider.success) {
		throw new UsageError(`invalid --provider "${flags.provider}": expected one of ${ProviderName.options.join(', ')}`);
	}
	// Help Scout has one API host (https://api.helpscout.net); --url is there for proxies and tests.
	if (provider.data !== 'demo' && provider.data !== 'helpscout' && flags.url === undefined) {
		throw new UsageError(`a ${provider.data} profile needs --url`, 'For example --url https://yourcompany.zendesk.com');
	}
	const url = flags.url === undefined ? null : parseProfileUrl(flags.url);
	let token: string | null = null;
	if (flags.tokenStdin) {
		if (context.io.stdinIsTty) context.io.stderr.write('Paste the token, then press Enter and Ctrl-D:\n');
		token = (await readAll(context.io.stdin)).trim();
		if (token === '')
			throw new UsageError(
				'--token-stdin read an empty token',
				'Pipe the token in: printf %s "$TOKEN" | csr profile add …',
			);
	}
	await context.config().update((config) => {
		const existing = config.profiles[name];
		const profile: Profile = {
			provider: provider.data,
			url,
			email: flags.email ?? null,
			user: flags.user ?? null,
			defaultLocale: flags.locale ?? null,
			agent: {
				name: flags.agentName ?? null,
				signature: flags.signature === undefined ? null : flags.signature.replaceAll('\\n', '\n'),
				signatures: parseLocaleSignatures(flags.signatureFor ?? []),
			},
			token: token ?? (existing?.url === url ? (existing?.token ?? null) : null),
			oauth: existing?.url === url ? (existing?.oauth ?? null) : null,
			views: existing?.views ?? {},
		};
		return {
			...config,
			profiles: {...config.profiles, [name]: profile},
			// Only --use switches: adding a profile must not silently move a user off the desk they work on.
			currentProfile: flags.use ? name : config.currentProfile,
		};
	});
	const current = context.config().read().currentProfile === name;
	context.io.stderr.write(
		`profile ${name} saved (${provider.data}${url ? `, ${url}` : ''})${token ? ', token stored in the 0600 config' : ''}${current ? '; it is now the current profile' : ''}\n`,
	);
	if (!current) context.io.stderr.write(`Use it with --profile ${name}, or make it current: csr profile use ${name}\n`);
	if (!token && provider.data !== 'demo') {
		const what = provider.data === 'helpscout' ? 'your Help Scout app’s CLIENT_ID:CLIENT_SECRET' : 'a token';
		context.io.stderr.write(`Give it ${what} with $${tokenVariableFor(name)} or $CSR_TOKEN, or --token-stdin.\n`);
	}
}

export async function runProfileList(globals: GlobalOptions, context: Context): Promise<void> {
	const config = context.config().read();
	const active = resolveProfile(config, globals.profile, context.env).name;
	const names = ['demo', ...Object.keys(config.profiles).filter((name) => name !== 'demo')];
	const rows = names.map((name) => {
		const resolved = resolveProfile(config, name, context.env);
		return {
			name,
			provider: resolved.profile.provider,
			url: resolved.profile.url,
			email: resolved.profile.email,
			active: name === active,
			// Where the secret comes from, never the secret.
			token: resolved.tokenSource,
		};
	});
	const format = formatOf(globals);
	if (format === 'json') context.io.stdout.write(`${toSafeJson(rows, 2)}\n`);
	else if (format === 'ndjson') context.io.stdout.write(rows.map((row) => `${toSafeJson(row)}\n`).join(''));
	else if (format === 'csv') {
		context.io.stdout.write(
			csvRow(['name', 'provider', 'url', 'email', 'active', 'token']) +
				rows.map((row) => csvRow([row.name, row.provider, row.url, row.email, row.active, row.token])).join(''),
		);
	} else {
		context.io.stdout.write(
			formatTable(
				rows,
				[
					{header: '', width: 1, value: (row) => (row.active ? '*' : '')},
					{header: 'NAME', width: 16, value: (row) => toDisplayLine(row.name)},
					{header: 'PROVIDER', width: 9, value: (row) => row.provider},
					{header: 'TOKEN', width: 11, value: (row) => row.token ?? (row.provider === 'demo' ? '-' : 'missing')},
					{header: 'URL', value: (row) => toDisplayLine(row.url ?? '(embedded)')},
				],
				context.io.columns,
				false,
			),
		);
	}
}

export async function runProfileUse(name: string, _globals: GlobalOptions, context: Context): Promise<void> {
	const config = context.config().read();
	if (name !== 'demo' && config.profiles[name] === undefined) {
		throw new UsageError(
			`no profile named "${name}"`,
			`Known profiles: ${['demo', ...Object.keys(config.profiles)].join(', ')}.`,
		);
	}
	await context.config().update((current) => ({...current, currentProfile: name}));
	context.io.stderr.write(`now using profile ${name}\n`);
}

export async function runProfileRemove(name: string, _globals: GlobalOptions, context: Context): Promise<void> {
	const config = context.config().read();
	if (config.profiles[name] === undefined) {
		throw new UsageError(
			`no profile named "${name}"`,
			name === 'demo' ? 'The built-in demo profile cannot be removed.' : undefined,
		);
	}
	await context.config().update((current) => {
		const {[name]: _removed, ...profiles} = current.profiles;
		return {...current, profiles, currentProfile: current.currentProfile === name ? null : current.currentProfile};
	});
	context.io.stderr.write(`profile ${name} removed (with its stored token)\n`);
}

export async function runProfileTest(
	name: string | undefined,
	globals: GlobalOptions,
	context: Context,
): Promise<void> {
	const resolved = resolveProfile(context.config().read(), name ?? globals.profile, context.env);
	const desk = await context.openHelpDesk(resolved, {verbose: globals.verbose === true});
	try {
		const agent = await desk.whoAmI(context.signal);
		context.io.stdout.write(
			`ok: profile ${resolved.name} (${resolved.profile.provider}) signed in as ${toDisplayLine(agent.name)}${agent.email ? ` <${toDisplayLine(agent.email)}>` : ''}\n`,
		);
	} finally {
		await desk.close();
	}
}
