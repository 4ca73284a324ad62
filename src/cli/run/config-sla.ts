import {resolveProfile} from '../../config/profiles.js';
import {demoProfile, type Profile} from '../../config/schema.js';
import type {Context, GlobalOptions} from '../../context.js';
import {UsageError} from '../../errors.js';
import {parseTargetList} from '../../kpi/sla-targets.js';
import {toDisplayLine} from '../../text/display-text.js';

// `csr config get|set sla.firstReply|sla.resolution`: csr's SLA targets, kept in the active profile (slaTargets).

export type SlaSetting = 'sla.firstReply' | 'sla.resolution';

export function isSlaSetting(name: string): name is SlaSetting {
	return name === 'sla.firstReply' || name === 'sla.resolution';
}

const fieldOf = (name: SlaSetting) => (name === 'sla.firstReply' ? 'firstReply' : 'resolution');

/** The profile's target list for the setting, as written; null when none. */
export function slaSettingValue(profile: Profile, name: SlaSetting): string | null {
	return profile.slaTargets?.[fieldOf(name)] ?? null;
}

/** Throws a usage error naming the wrong entry unless `text` is a target list csr stats can read (or "none"). */
export function checkSlaTargets(name: SlaSetting, text: string): void {
	if (text.trim().toLowerCase() === 'none') return;
	const parsed = parseTargetList(text);
	if (!parsed.ok) {
		throw new UsageError(
			`invalid value for ${name}: ${toDisplayLine(parsed.error)}`,
			`For example: csr config set ${name} "8h, high=4h, urgent=4h, @Billing=6h" (or "none" to remove them).`,
		);
	}
}

/** Stores (or, with null, removes) the active profile's targets after checking them as csr stats will read them. */
export async function setSlaTargets(
	name: SlaSetting,
	text: string | null,
	globals: GlobalOptions,
	context: Context,
): Promise<void> {
	if (text !== null) checkSlaTargets(name, text);
	const field = fieldOf(name);
	const target = resolveProfile(context.config().read(), globals.profile, context.env).name;
	await context.config().update((config) => {
		const profile = config.profiles[target] ?? (target === 'demo' ? demoProfile : undefined);
		if (profile === undefined) throw new UsageError(`no profile "${target}"`, 'See `csr profile list`.');
		const {[field]: _old, ...others} = profile.slaTargets ?? {};
		const slaTargets = text === null ? others : {...others, [field]: text};
		const empty = Object.keys(slaTargets).length === 0;
		return {...config, profiles: {...config.profiles, [target]: {...profile, slaTargets: empty ? null : slaTargets}}};
	});
	context.io.stderr.write(
		text === null
			? `${name} of profile ${target} removed\n`
			: `${name} of profile ${target} set to ${toDisplayLine(text)}\n`,
	);
}
