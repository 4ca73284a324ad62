import {readFileSync} from 'node:fs';
import type {ResolvedProfile} from '../config/profiles.js';
import type {Context, GlobalOptions} from '../context.js';
import {parseStoreUrl, type TeamStoreTarget} from '../store/pg-config.js';
import {routeToTeamStore} from '../store/team-queue.js';
import {activeProfile} from './options.js';

/** Where the team store URL comes from: $CSR_STORE_URL, else the profile's store.url, else the global one. */
export function teamStoreUrlOf(
	context: Context,
	profile: ResolvedProfile,
): {url: string; source: 'CSR_STORE_URL' | 'profile' | 'config'} | null {
	const fromEnv = context.env['CSR_STORE_URL']?.trim();
	if (fromEnv) return {url: fromEnv, source: 'CSR_STORE_URL'};
	if (profile.profile.storeUrl) return {url: profile.profile.storeUrl, source: 'profile'};
	const global = context.config().read().settings['store.url'];
	return typeof global === 'string' && global.trim() !== '' ? {url: global, source: 'config'} : null;
}

/** The active profile's team store, parsed (a bad URL exits 2); undefined without one. */
export function teamStoreTargetOf(context: Context, profile: ResolvedProfile): TeamStoreTarget | undefined {
	const configured = teamStoreUrlOf(context, profile);
	if (configured === null) return undefined;
	return parseStoreUrl(configured.url, context.env, (path) => readFileSync(path, 'utf8'));
}

/**
 * Runs before every command action: with a team store configured for the active profile, the local database is
 * routed to it, so every record any command writes (log add, replies, updates, the TUI) waits in the local queue
 * and goes to the team store. `csr config` is left alone so a bad URL can be fixed; a profile that does not resolve
 * is left to the command to report.
 */
export function routeToConfiguredTeamStore(context: Context, globals: GlobalOptions, commandPath: string): void {
	if (commandPath === 'config' || commandPath.startsWith('config ')) return;
	let profile: ResolvedProfile;
	try {
		profile = activeProfile(context, globals);
	} catch {
		return;
	}
	const target = teamStoreTargetOf(context, profile);
	if (target !== undefined) routeToTeamStore(context.store(), target);
}
