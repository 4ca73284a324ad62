import {describe, expect, it} from 'vitest';
import {ConfigFile} from '../../../src/config/schema.js';
import {parseTargetList, parseTargetMinutes, targetFor} from '../../../src/kpi/sla-targets.js';

function list(text: string) {
	const parsed = parseTargetList(text);
	if (!parsed.ok) throw new Error(parsed.error);
	return parsed.list;
}

describe('SLA target lists', () => {
	it('reads durations in minutes', () => {
		expect(parseTargetMinutes('4h')).toBe(240);
		expect(parseTargetMinutes('1h30m')).toBe(90);
		expect(parseTargetMinutes('1.5h')).toBe(90);
		expect(parseTargetMinutes('2d')).toBe(2880);
		expect(parseTargetMinutes('45m')).toBe(45);
		expect(parseTargetMinutes('0h')).toBeNull();
		expect(parseTargetMinutes('4')).toBeNull();
		expect(parseTargetMinutes('')).toBeNull();
	});

	it('picks the most specific target: group and priority, group, priority, everything', () => {
		const targets = list('8h, high=4h, urgent=2h, @Billing=6h, @Billing/urgent=1h, @VIP/high=30m');
		expect(targetFor(targets, 'urgent', 'Billing')).toBe(60);
		expect(targetFor(targets, 'high', 'Billing')).toBe(360);
		expect(targetFor(targets, 'high', 'VIP')).toBe(30);
		// VIP has no entry for urgent and none for all its tickets: the priority's target.
		expect(targetFor(targets, 'urgent', 'VIP')).toBe(120);
		expect(targetFor(targets, 'low', null)).toBe(480);
		expect(targetFor(targets, null, 'Sales')).toBe(480);
		expect(targetFor(list('high=4h'), 'normal', null)).toBeNull();
		expect(targetFor(null, 'high', null)).toBeNull();
	});

	it('keeps group names as the desk spells them, spaces and slashes included', () => {
		const targets = list('@Tier 2 / Nordics=3h, @Tier 2 / Nordics/high=1h');
		expect(targetFor(targets, 'normal', 'Tier 2 / Nordics')).toBe(180);
		expect(targetFor(targets, 'high', 'Tier 2 / Nordics')).toBe(60);
	});

	it('accepts in the config file what csr stats can read, and refuses the rest', () => {
		const profile = (slaTargets: unknown) => ({profiles: {p: {provider: 'demo', slaTargets}}});
		expect(ConfigFile.safeParse(profile({firstReply: '8h, high=4h, @Billing/urgent=1h30m'})).success).toBe(true);
		expect(ConfigFile.safeParse(profile({firstReply: '8 hours'})).success).toBe(false);
		expect(ConfigFile.safeParse(profile({firstReply: 'high=0m'})).success).toBe(false);
		expect(ConfigFile.safeParse(profile({firstreply: '8h'})).success).toBe(false);
	});
});
