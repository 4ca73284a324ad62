import {UsageError} from '../errors.js';
import type {Env} from './paths.js';
import type {ConfigFile, Profile} from './schema.js';
import {demoProfile} from './schema.js';

export type ResolvedProfile = {
	readonly name: string;
	readonly profile: Profile;
	/** From $CSR_TOKEN_<PROFILE>, $CSR_TOKEN or the config file; never printed. */
	readonly token: string | null;
	readonly tokenSource: 'env-profile' | 'env' | 'config' | 'oauth' | null;
};

/** $CSR_TOKEN_<PROFILE>: upper-case, non-alphanumerics as `_`. */
export function tokenVariableFor(profileName: string): string {
	return `CSR_TOKEN_${profileName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** Active profile: --profile, else $CSR_PROFILE, else the config's current profile, else the built-in demo. */
export function resolveProfile(config: ConfigFile, flag: string | undefined, env: Env): ResolvedProfile {
	const name = flag || env['CSR_PROFILE'] || config.currentProfile || 'demo';
	const profile = config.profiles[name] ?? (name === 'demo' ? demoProfile : undefined);
	if (profile === undefined) {
		const known = ['demo', ...Object.keys(config.profiles).filter((known) => known !== 'demo')];
		throw new UsageError(
			`no profile named "${name}"`,
			`Known profiles: ${known.join(', ')}. Add one with \`csr profile add\`.`,
		);
	}
	const fromProfileEnv = env[tokenVariableFor(name)];
	if (fromProfileEnv) return {name, profile, token: fromProfileEnv, tokenSource: 'env-profile'};
	const fromEnv = env['CSR_TOKEN'];
	if (fromEnv) return {name, profile, token: fromEnv, tokenSource: 'env'};
	if (profile.token) return {name, profile, token: profile.token, tokenSource: 'config'};
	if (profile.oauth) return {name, profile, token: profile.oauth.accessToken, tokenSource: 'oauth'};
	return {name, profile, token: null, tokenSource: null};
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** https only, except loopback hosts (PRODUCT.md §2). Returns the normalised URL without a trailing slash. */
export function parseProfileUrl(raw: string): string {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new UsageError(`invalid URL "${raw}"`, 'Use the form https://example.zendesk.com.');
	}
	const isLoopback = loopbackHosts.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback)) {
		throw new UsageError(
			`URL must use https:// (got ${url.protocol}//${url.host})`,
			'Only loopback hosts (127.0.0.1, ::1, localhost) may use http://.',
		);
	}
	if (url.username || url.password)
		throw new UsageError('the URL must not contain credentials', 'Give the token with $CSR_TOKEN or --token-stdin.');
	return url.origin + url.pathname.replace(/\/+$/, '');
}
