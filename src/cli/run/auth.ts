import type {ResolvedProfile} from '../../config/profiles.js';
import type {Context, GlobalOptions} from '../../context.js';
import {UsageError} from '../../errors.js';
import {type AuthInfo, hasSignIn, type OAuthTokens} from '../../providers/help-desk.js';
import {toDisplayLine, toSafeJson} from '../../text/display-text.js';
import {activeProfile, formatOf, parsePositiveInt} from '../options.js';

export type AuthLoginFlags = {clientId?: string; scopes?: string; port?: string; timeout?: string};

export type AuthLogoutFlags = {revoke?: boolean};

const sourceNames: Record<NonNullable<ResolvedProfile['tokenSource']>, string> = {
	'env-profile': 'the profile token variable ($CSR_TOKEN_<PROFILE>)',
	env: '$CSR_TOKEN',
	config: 'the token stored with --token-stdin',
	oauth: 'the stored sign-in',
};

function storedProfile(context: Context, profile: ResolvedProfile) {
	const stored = context.config().read().profiles[profile.name];
	if (stored === undefined) {
		throw new UsageError(
			`profile "${profile.name}" is built in and has nothing to sign in to`,
			'Add a Zendesk profile with `csr profile add`, then run `csr --profile NAME auth login`.',
		);
	}
	return stored;
}

/** `csr auth login`: OAuth in the browser; the tokens go to the profile in the 0600 config. */
export async function runAuthLogin(flags: AuthLoginFlags, globals: GlobalOptions, context: Context): Promise<void> {
	const profile = activeProfile(context, globals);
	if (profile.profile.provider !== 'zendesk') {
		throw new UsageError(
			`csr auth login signs in to Zendesk; profile "${profile.name}" uses ${profile.profile.provider}`,
			'Give other providers a token with `csr profile add --token-stdin` or $CSR_TOKEN.',
		);
	}
	if (!profile.profile.url)
		throw new UsageError(`profile "${profile.name}" has no URL`, 'Set it with `csr profile add`.');
	const stored = storedProfile(context, profile);
	const clientId = flags.clientId ?? context.env['CSR_OAUTH_CLIENT_ID'] ?? stored.oauth?.clientId;
	if (!clientId) {
		throw new UsageError(
			'csr auth login needs the OAuth client id',
			'Create an OAuth client in Zendesk Admin Center (Apps and integrations › APIs › OAuth clients) with the redirect URL http://127.0.0.1:PORT/callback, then run `csr auth login --client-id ID --port PORT`.',
		);
	}
	const port = flags.port === undefined ? 0 : parsePositiveInt('--port', flags.port);
	const timeoutSec = flags.timeout === undefined ? 300 : parsePositiveInt('--timeout', flags.timeout);
	const verbose = globals.verbose === true;
	const desk = await context.openHelpDesk(profile, {verbose});
	let tokens: OAuthTokens;
	try {
		if (!hasSignIn(desk)) throw new UsageError(`profile "${profile.name}" offers no browser sign-in`);
		tokens = await desk.signIn(
			{
				clientId,
				clientSecret: context.env['CSR_OAUTH_CLIENT_SECRET'],
				scopes: flags.scopes,
				port,
				timeoutMs: timeoutSec * 1000,
				announce: (url, redirectUri) =>
					context.io.stderr.write(
						`Open this address in your browser and approve csr:\n\n  ${url}\n\nWaiting for Zendesk to send the browser back to ${redirectUri} …\n`,
					),
			},
			context.signal,
		);
	} finally {
		await desk.close();
	}
	const saved = {...tokens};
	await context.config().update((config) => {
		const current = config.profiles[profile.name];
		if (current === undefined) return config;
		return {...config, profiles: {...config.profiles, [profile.name]: {...current, oauth: saved}}};
	});
	const resolved = activeProfile(context, globals);
	if (resolved.tokenSource !== 'oauth') {
		context.io.stderr.write(
			`Signed in; the tokens are stored in profile "${profile.name}". Note: ${sourceNames[resolved.tokenSource ?? 'oauth']} is set and is used before them.\n`,
		);
		return;
	}
	const check = await context.openHelpDesk(resolved, {verbose});
	try {
		const me = await check.whoAmI(context.signal);
		context.io.stderr.write(
			`Signed in to ${new URL(profile.profile.url).host} as ${toDisplayLine(me.name)}${me.email ? ` <${toDisplayLine(me.email)}>` : ''} (profile ${profile.name}).\n`,
		);
	} finally {
		await check.close();
	}
}

function describeAuth(info: AuthInfo | null, profile: ResolvedProfile): string {
	if (info === null)
		return profile.tokenSource === null ? 'no credentials' : `token from ${sourceNames[profile.tokenSource]}`;
	switch (info.scheme) {
		case 'oauth':
			return `OAuth bearer token from \`csr auth login\`${info.expiresAt ? `, expires ${info.expiresAt} (refreshed automatically)` : ''}`;
		case 'basic':
			return `API token from ${info.from} (basic auth with the profile email)`;
		case 'bearer':
			return `bearer token from ${info.from}`;
		case 'none':
			return 'no credentials';
	}
}

/** `csr auth status`: checks real access (a 200 from Zendesk for an anonymous user does not count). */
export async function runAuthStatus(globals: GlobalOptions, context: Context): Promise<void> {
	const profile = activeProfile(context, globals);
	const desk = await context.openHelpDesk(profile, {verbose: globals.verbose === true});
	try {
		const info = hasSignIn(desk) ? desk.authInfo() : null;
		const me = await desk.whoAmI(context.signal);
		if (formatOf(globals) === 'json' || formatOf(globals) === 'ndjson') {
			const json = {
				profile: profile.name,
				provider: profile.profile.provider,
				url: profile.profile.url,
				agent: me,
				auth: info ?? {
					scheme: profile.tokenSource === null ? 'none' : 'token',
					from: profile.tokenSource,
					expiresAt: null,
				},
			};
			context.io.stdout.write(`${toSafeJson(json, formatOf(globals) === 'json' ? 2 : undefined)}\n`);
			return;
		}
		const lines = [
			`Profile:   ${profile.name} (${profile.profile.provider}${profile.profile.url ? `, ${profile.profile.url}` : ''})`,
			`Signed in: ${toDisplayLine(me.name)}${me.email ? ` <${toDisplayLine(me.email)}>` : ''}`,
			`Auth:      ${describeAuth(info, profile)}`,
		];
		context.io.stdout.write(`${lines.join('\n')}\n`);
	} finally {
		await desk.close();
	}
}

/** `csr auth logout`: forgets the stored OAuth tokens, revoking the access token at the help desk first. */
export async function runAuthLogout(flags: AuthLogoutFlags, globals: GlobalOptions, context: Context): Promise<void> {
	const profile = activeProfile(context, globals);
	const stored = storedProfile(context, profile);
	if (stored.oauth === null) {
		context.io.stderr.write(`Profile "${profile.name}" has no stored sign-in.\n`);
		return;
	}
	let revoked = false;
	if (flags.revoke !== false) {
		const withOAuth: ResolvedProfile = {...profile, token: stored.oauth.accessToken, tokenSource: 'oauth'};
		const desk = await context.openHelpDesk(withOAuth, {verbose: globals.verbose === true});
		try {
			revoked = hasSignIn(desk) ? await desk.revokeToken(context.signal) : false;
		} finally {
			await desk.close();
		}
	}
	await context.config().update((config) => {
		const current = config.profiles[profile.name];
		if (current === undefined) return config;
		return {...config, profiles: {...config.profiles, [profile.name]: {...current, oauth: null}}};
	});
	const how =
		flags.revoke === false
			? ''
			: revoked
				? ' and revoked the token'
				: ' (the help desk did not confirm the revocation)';
	context.io.stderr.write(`Signed out of profile "${profile.name}": removed the stored tokens${how}.\n`);
	if (profile.tokenSource === 'env' || profile.tokenSource === 'env-profile' || profile.tokenSource === 'config') {
		context.io.stderr.write(`Note: ${sourceNames[profile.tokenSource]} still gives csr access.\n`);
	}
}
