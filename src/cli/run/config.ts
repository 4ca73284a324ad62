import {resolveProfile} from '../../config/profiles.js';
import {type SettingName, settingDefinitions} from '../../config/schema.js';
import type {Context, GlobalOptions} from '../../context.js';
import {UsageError} from '../../errors.js';
import {redactStoreUrl} from '../../store/pg-config.js';
import {toDisplayLine, toSafeJson} from '../../text/display-text.js';
import {formatOf} from '../options.js';
import {checkSlaTargets, isSlaSetting, setSlaTargets, slaSettingValue} from './config-sla.js';

const settingNames = Object.keys(settingDefinitions) as SettingName[];

function checkKey(key: string): SettingName {
	if (!(settingNames as string[]).includes(key)) {
		throw new UsageError(`unknown setting "${key}"`, `Settings: ${settingNames.join(', ')}.`);
	}
	return key as SettingName;
}

/** A setting as csr prints it: a team store URL never with its password. */
function shown(name: SettingName, value: unknown): string {
	return name === 'store.url' ? redactStoreUrl(String(value)) : String(value);
}

/** A setting's value: what the config says, else its default. */
export function settingValue(settings: Record<string, unknown>, key: SettingName): unknown {
	return settings[key] ?? settingDefinitions[key].default;
}

export async function runConfigGet(key: string | undefined, globals: GlobalOptions, context: Context): Promise<void> {
	const config = context.config().read();
	const {settings} = config;
	// The SLA settings live in the active profile.
	const currentValue = (name: SettingName) =>
		isSlaSetting(name)
			? slaSettingValue(resolveProfile(config, globals.profile, context.env).profile, name)
			: settingValue(settings, name);
	if (key === undefined) {
		const all = Object.fromEntries(
			settingNames.map((name) => {
				const value = currentValue(name);
				return [name, value === null ? null : shown(name, value)];
			}),
		);
		if (formatOf(globals) === 'json') context.io.stdout.write(`${toSafeJson(all, 2)}\n`);
		else context.io.stdout.write(settingNames.map((name) => `${name}=${all[name] ?? ''}\n`).join(''));
		return;
	}
	const name = checkKey(key);
	let value = currentValue(name);
	if (name === 'store.url' && globals.profile !== undefined) {
		value = context.config().read().profiles[globals.profile]?.storeUrl ?? value;
	}
	if (name === 'rt.maxAttachmentSize' && globals.profile !== undefined) {
		value = context.config().read().profiles[globals.profile]?.rtMaxAttachmentBytes ?? value;
	}
	context.io.stdout.write(`${value === null ? '' : shown(name, value)}\n`);
}

export async function runConfigSet(key: string, raw: string, globals: GlobalOptions, context: Context): Promise<void> {
	const name = checkKey(key);
	const definition = settingDefinitions[name];
	// A malformed SLA list: the entry that is wrong and why, before the generic message.
	if (isSlaSetting(name)) checkSlaTargets(name, raw);
	const parsed = raw.trim() === '' ? undefined : definition.parse.safeParse(raw.trim());
	if (parsed === undefined || !parsed.success)
		throw new UsageError(
			`invalid value ${name === 'store.url' ? '' : `"${toDisplayLine(raw)}" `}for ${name}: expected ${definition.expects}`,
			`For example: csr config set ${name} ${isSlaSetting(name) ? '"8h, high=4h, urgent=4h"' : String(definition.default ?? 'VALUE')}`,
		);
	if (isSlaSetting(name)) {
		await setSlaTargets(name, parsed.data as string | null, globals, context);
		return;
	}
	const profileName = globals.profile;
	if (name === 'store.url' && profileName !== undefined) {
		// Per profile: this profile's agents use this team store, whatever the global one is.
		await context.config().update((config) => {
			const profile = config.profiles[profileName];
			if (profile === undefined) throw new UsageError(`no profile "${profileName}"`, 'See `csr profile list`.');
			return {
				...config,
				profiles: {...config.profiles, [profileName]: {...profile, storeUrl: parsed.data as string | null}},
			};
		});
		context.io.stderr.write(`${name} of profile ${profileName} set to ${shown(name, parsed.data ?? '')}\n`);
		return;
	}
	if (name === 'rt.maxAttachmentSize' && profileName !== undefined) {
		// Per profile: each RT server has its own $MaxAttachmentSize.
		await context.config().update((config) => {
			const profile = config.profiles[profileName];
			if (profile === undefined) throw new UsageError(`no profile "${profileName}"`, 'See `csr profile list`.');
			return {
				...config,
				profiles: {...config.profiles, [profileName]: {...profile, rtMaxAttachmentBytes: parsed.data as number}},
			};
		});
		context.io.stderr.write(`${name} of profile ${profileName} set to ${String(parsed.data)} bytes\n`);
		return;
	}
	await context.config().update((config) => ({...config, settings: {...config.settings, [name]: parsed.data}}));
	context.io.stderr.write(`${name} set to ${shown(name, parsed.data ?? '')}\n`);
}

export async function runConfigPath(globals: GlobalOptions, context: Context): Promise<void> {
	const paths = {config: context.config().path, configDir: context.paths.configDir, dataDir: context.paths.dataDir};
	if (formatOf(globals) === 'json') context.io.stdout.write(`${toSafeJson(paths, 2)}\n`);
	else context.io.stdout.write(`${paths.config}\n`);
}
