import {type SettingName, settingDefinitions} from '../../config/schema.js';
import type {Context, GlobalOptions} from '../../context.js';
import {UsageError} from '../../errors.js';
import {toDisplayLine, toSafeJson} from '../../text/display-text.js';
import {formatOf} from '../options.js';

const settingNames = Object.keys(settingDefinitions) as SettingName[];

function checkKey(key: string): SettingName {
	if (!(settingNames as string[]).includes(key)) {
		throw new UsageError(`unknown setting "${key}"`, `Settings: ${settingNames.join(', ')}.`);
	}
	return key as SettingName;
}

/** A setting's value: what the config says, else its default. */
export function settingValue(settings: Record<string, unknown>, key: SettingName): unknown {
	return settings[key] ?? settingDefinitions[key].default;
}

export async function runConfigGet(key: string | undefined, globals: GlobalOptions, context: Context): Promise<void> {
	const {settings} = context.config().read();
	if (key === undefined) {
		const all = Object.fromEntries(settingNames.map((name) => [name, settingValue(settings, name)]));
		if (formatOf(globals) === 'json') context.io.stdout.write(`${toSafeJson(all, 2)}\n`);
		else context.io.stdout.write(settingNames.map((name) => `${name}=${all[name] ?? ''}\n`).join(''));
		return;
	}
	const value = settingValue(settings, checkKey(key));
	context.io.stdout.write(`${value === null ? '' : String(value)}\n`);
}

export async function runConfigSet(key: string, raw: string, _globals: GlobalOptions, context: Context): Promise<void> {
	const name = checkKey(key);
	const definition = settingDefinitions[name];
	const parsed = raw.trim() === '' ? undefined : definition.parse.safeParse(raw.trim());
	if (parsed === undefined || !parsed.success)
		throw new UsageError(
			`invalid value "${toDisplayLine(raw)}" for ${name}: expected ${definition.expects}`,
			`For example: csr config set ${name} ${String(definition.default ?? 'VALUE')}`,
		);
	await context.config().update((config) => ({...config, settings: {...config.settings, [name]: parsed.data}}));
	context.io.stderr.write(`${name} set to ${String(parsed.data)}\n`);
}

export async function runConfigPath(globals: GlobalOptions, context: Context): Promise<void> {
	const paths = {config: context.config().path, configDir: context.paths.configDir, dataDir: context.paths.dataDir};
	if (formatOf(globals) === 'json') context.io.stdout.write(`${toSafeJson(paths, 2)}\n`);
	else context.io.stdout.write(`${paths.config}\n`);
}
