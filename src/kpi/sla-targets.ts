/**
 * SLA targets csr judges tickets against (config `profiles.NAME.slaTargets`, set with `csr config set sla.firstReply`
 * and `sla.resolution`), independent of any SLA policy on the desk. Pure: parsing, choosing a ticket's target, and
 * its outcome from elapsed minutes.
 *
 * A target list is entries separated by commas: `8h` (every ticket), `high=4h` (a priority), `@Billing=6h` (a group,
 * as the desk spells its name), `@Billing/urgent=2h` (a priority within a group). Durations: `30m`, `4h`, `1h30m`,
 * `1.5h`, `2d` (a day is 24 hours; in business time write hours: `16h` is two 8-hour days).
 */

export const slaPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type SlaPriority = (typeof slaPriorities)[number];

export type TargetLevel = {
	/** Minutes for every ticket of this level without a more specific entry. */
	readonly all: number | null;
	readonly byPriority: Readonly<Partial<Record<SlaPriority, number>>>;
};

export type TargetList = TargetLevel & {readonly groups: ReadonlyMap<string, TargetLevel>};

export const slaMetrics = ['firstReply', 'resolution'] as const;
export type SlaMetric = (typeof slaMetrics)[number];

export type SlaTargets = Readonly<Record<SlaMetric, TargetList | null>>;

const durationPattern = /^(?:(\d+(?:\.\d+)?)d)?(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?$/;

/** `4h` → 240, `1h30m` → 90, `2d` → 2880; null when malformed or zero. */
export function parseTargetMinutes(text: string): number | null {
	const compact = text.trim().toLowerCase().replace(/\s+/g, '');
	const match = durationPattern.exec(compact);
	if (match === null || compact === '') return null;
	const [days = '0', hours = '0', minutes = '0'] = match.slice(1).map((part) => part ?? '0');
	const total = Number(days) * 1440 + Number(hours) * 60 + Number(minutes);
	return Number.isFinite(total) && total > 0 ? Math.round(total * 1000) / 1000 : null;
}

export type ParsedTargets =
	| {readonly ok: true; readonly list: TargetList}
	| {readonly ok: false; readonly error: string};

/** Parses a target list; the error names the entry that is wrong and what it should look like. */
export function parseTargetList(text: string): ParsedTargets {
	const entries = text
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
	if (entries.length === 0) return {ok: false, error: 'no target given'};
	type Level = {all: number | null; byPriority: Partial<Record<SlaPriority, number>>};
	const top: Level = {all: null, byPriority: {}};
	const groups = new Map<string, Level>();
	for (const entry of entries) {
		const equals = entry.lastIndexOf('=');
		const key = equals < 0 ? '' : entry.slice(0, equals).trim();
		const minutes = parseTargetMinutes(equals < 0 ? entry : entry.slice(equals + 1));
		if (minutes === null) {
			return {ok: false, error: `"${entry}": the duration must be like 30m, 4h, 1h30m or 2d (more than zero)`};
		}
		let group: string | null = null;
		let priorityText = key;
		if (key.startsWith('@')) {
			const slash = key.lastIndexOf('/');
			const maybePriority = slash < 0 ? '' : key.slice(slash + 1).trim();
			const isPriority = (slaPriorities as readonly string[]).includes(maybePriority);
			group = (isPriority ? key.slice(1, slash) : key.slice(1)).trim();
			priorityText = isPriority ? maybePriority : '';
			if (group === '') return {ok: false, error: `"${entry}": name the group after @, like @Billing=6h`};
		}
		if (priorityText !== '' && !(slaPriorities as readonly string[]).includes(priorityText)) {
			return {
				ok: false,
				error: `"${entry}": "${priorityText}" is not a priority (${slaPriorities.join(', ')}); a group starts with @`,
			};
		}
		let target = top;
		if (group !== null) {
			target = groups.get(group) ?? {all: null, byPriority: {}};
			groups.set(group, target);
		}
		if (priorityText === '') {
			if (target.all !== null) return {ok: false, error: `"${entry}": a second target for the same tickets`};
			target.all = minutes;
		} else {
			const priority = priorityText as SlaPriority;
			if (target.byPriority[priority] !== undefined) {
				return {ok: false, error: `"${entry}": a second target for the same tickets`};
			}
			target.byPriority[priority] = minutes;
		}
	}
	return {ok: true, list: {all: top.all, byPriority: top.byPriority, groups}};
}

/**
 * The target of a ticket: its group's entry for its priority, else its group's entry for every priority, else the
 * entry for its priority, else the entry for every ticket; null when none applies (the ticket is not judged).
 */
export function targetFor(list: TargetList | null, priority: string | null, group: string | null): number | null {
	if (list === null) return null;
	const known = priority !== null && (slaPriorities as readonly string[]).includes(priority);
	const level = group === null ? undefined : list.groups.get(group);
	const ofPriority = (of: TargetLevel | undefined) =>
		known && of !== undefined ? (of.byPriority[priority as SlaPriority] ?? null) : null;
	return ofPriority(level) ?? level?.all ?? ofPriority(list) ?? list.all;
}

/**
 * One ticket against one target. `done`: minutes until the reply (resolution) when it came; otherwise `sofar`:
 * minutes from the creation until now. Breached when past the target; met when it came within it; running when it
 * has not come yet and the target has not passed (not counted in the rate).
 */
export type SlaOutcome = 'breached' | 'met' | 'running';

export function outcomeOf(target: number, elapsed: {done: number | null; sofar: number | null}): SlaOutcome | null {
	if (elapsed.done !== null) return elapsed.done > target ? 'breached' : 'met';
	if (elapsed.sofar === null) return null;
	return elapsed.sofar > target ? 'breached' : 'running';
}

/** A ticket's overall outcome from its metrics' outcomes: breached if any is, met when every one is met. */
export function combineOutcomes(outcomes: readonly (SlaOutcome | null)[]): SlaOutcome | null {
	const known = outcomes.filter((outcome): outcome is SlaOutcome => outcome !== null);
	if (known.length === 0) return null;
	if (known.includes('breached')) return 'breached';
	return known.includes('running') ? 'running' : 'met';
}
