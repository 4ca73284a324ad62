import type {Channel, Priority, TicketStatus} from '../../domain/ticket.js';
import {
	agents,
	groupNames,
	type Lang,
	type LanguagePack,
	languages,
	type ScenarioMeta,
	scenarios,
	type TextVars,
} from './corpus.js';
import {
	agentIds,
	type Customer,
	channelSubject,
	coverageChannels,
	dayMs,
	demoAgentId,
	groupIdOf,
	historyMs,
	hourMs,
	languageWeights,
	minuteMs,
	orderScenarios,
	packs,
	pickScenario,
	planStatuses,
	type SeedOptions,
	shuffled,
	systemUserId,
	timeZonesOf,
} from './seed-plan.js';
import {createRandom, mixSeed, type Random} from './seed-random.js';
import {emailFor, makeVars, phoneNumber, tidy} from './seed-text.js';
import {planThread} from './seed-thread.js';
import {writeHostileTicket, writeTicket} from './seed-tickets.js';
import type {Writer} from './seed-writer.js';

export function createGenerator(options: SeedOptions, writer: Writer) {
	const nowMs = options.now.getTime();
	const sink = {writer, nowMs};
	const total = options.tickets;
	const global = createRandom(mixSeed(options.seed, 0x5eed));
	const hostileId = Math.min(13, total);

	for (const [index, name] of groupNames.entries()) writer.group(index + 1, name);
	for (const [index, agent] of agents.entries()) {
		writer.user({
			id: index + 1,
			role: 'agent',
			name: agent.name,
			email: agent.email,
			locale: 'en',
			organizationId: null,
			groupId: groupIdOf(agent.group),
		});
	}
	writer.user({
		id: systemUserId,
		role: 'system',
		name: 'Nordlys Home',
		email: 'noreply@nordlyshome.dk',
		locale: null,
		organizationId: null,
		groupId: null,
	});

	// Creation times, oldest first: ticket ids follow creation order as in a real desk. A third of the tickets came
	// in over the last two days; the rest spread over ~45 days, denser towards now.
	const createdTimes: number[] = [];
	for (let index = 0; index < total; index++) {
		const ageMs = global.chance(0.33) ? global.next() * 2 * dayMs : historyMs * global.next() ** 1.25;
		createdTimes.push(Math.floor(nowMs - Math.max(ageMs, 3 * minuteMs)));
	}
	createdTimes.sort((a, b) => a - b);
	const statuses = planStatuses(total, global);
	// The hostile ticket stays in the default queue: swap its status with an open one.
	const hostileIndex = hostileId - 1;
	if (statuses[hostileIndex] !== 'open') {
		const openIndex = statuses.indexOf('open');
		if (openIndex >= 0) statuses[openIndex] = statuses[hostileIndex] ?? 'open';
		statuses[hostileIndex] = 'open';
	}
	// Spread guaranteed coverage (every channel, every language) over random tickets.
	const forcedChannel = new Map<number, Channel>();
	const forcedLanguage = new Map<number, Lang>();
	const candidates = shuffled(
		Array.from({length: total}, (_, index) => index + 1).filter((id) => id !== hostileId),
		global,
	);
	for (const [index, channel] of coverageChannels.entries()) {
		const id = candidates[index];
		if (id !== undefined) forcedChannel.set(id, channel);
	}
	for (const [index, lang] of languages.entries()) {
		const id = candidates[candidates.length - 1 - index];
		if (id !== undefined) forcedLanguage.set(id, lang);
	}

	const customersByLang = new Map<Lang, Customer[]>(languages.map((lang) => [lang, []]));
	const organizationIds = new Map<string, number>();
	let nextUserId = systemUserId + 1;
	let customerCount = 0;
	// The order a customer last wrote about, so a second ticket can be about the same order (see `ticket`).
	const lastOrderOf = new Map<number, string>();
	let repeatedOrders = 0;

	function organizationId(name: string): number {
		let id = organizationIds.get(name);
		if (id === undefined) {
			id = organizationIds.size + 1;
			organizationIds.set(name, id);
			writer.organization(id, name);
		}
		return id;
	}

	function customerFor(pack: LanguagePack, channel: Channel, scenario: ScenarioMeta, random: Random): Customer {
		const pool = customersByLang.get(pack.lang) ?? [];
		const wantsCompany = scenario.key === 'b2b';
		if (pool.length > 4 && random.chance(0.2)) {
			const known = random.pick(pool);
			if (!wantsCompany || known.organization !== null) return known;
		}
		const first = random.pick(pack.firstNames);
		const last = random.pick(pack.lastNames);
		const withoutEmail =
			(channel === 'social' && random.chance(0.35)) ||
			((channel === 'phone' || channel === 'sms') && random.chance(0.2));
		const organization =
			wantsCompany || (scenario.key === 'billing' && random.chance(0.5)) || random.chance(0.04)
				? random.pick(pack.companies)
				: null;
		const id = nextUserId++;
		const email = withoutEmail ? null : emailFor(first, last, pack, random);
		// Every requester has a locale, as on desks that detect the language of incoming messages (Zendesk does).
		const locale = random.pick(pack.locales);
		// Phone and time zone draw from the customer's own stream, so the tickets' draws (and the KPIs) stay as they were.
		const profile = createRandom(mixSeed(mixSeed(options.seed, 0xc057), id));
		const zones = timeZonesOf[pack.lang];
		const customer: Customer = {
			id,
			first,
			last,
			email,
			locale,
			organization,
			phone: phoneNumber(pack, profile),
			timeZone: zones[locale] ?? zones[''] ?? 'Europe/Copenhagen',
		};
		writer.user({
			id: customer.id,
			role: 'customer',
			name: `${first} ${last}`,
			email: customer.email,
			locale: customer.locale,
			phone: customer.phone,
			timeZone: customer.timeZone,
			organizationId: organization === null ? null : organizationId(organization),
			groupId: null,
		});
		pool.push(customer);
		customerCount++;
		return customer;
	}

	// How solved tickets get solved, spread evenly per channel: the golden-ratio sequence (every run of consecutive
	// tickets is evenly spread too), so even a 150-ticket desk shows each channel with the model's share of one-touch
	// solves (35 %) instead of one random draw's, and one-touch compares fairly between chat and email.
	const solvesByChannel = new Map<Channel, number>();
	function solveShapeFor(channel: Channel): number {
		const count = solvesByChannel.get(channel) ?? 0;
		solvesByChannel.set(channel, count + 1);
		return (0.5 + count * 0.618_033_988_749_895) % 1;
	}

	function ticket(id: number): void {
		const random = createRandom(mixSeed(options.seed, id));
		const createdMs = createdTimes[id - 1] ?? nowMs;
		const status = statuses[id - 1] ?? 'open';
		if (id === hostileId) {
			writeHostileTicket(sink, id, nextUserId++, createdMs, random);
			customerCount++;
			return;
		}
		const ageMs = nowMs - createdMs;
		const lang = forcedLanguage.get(id) ?? random.weighted(languageWeights);
		const pack = packs[lang];
		const forced = forcedChannel.get(id);
		const eligible = scenarios.filter(
			(scenario) =>
				(forced === undefined || (scenario.channels[forced] ?? 0) > 0) && (!scenario.recentOnly || ageMs < 36 * hourMs),
		);
		const scenario = pickScenario(eligible.length > 0 ? eligible : scenarios, random);
		const channel = forced ?? random.weighted(scenario.channels);
		const text = pack.scenarios[scenario.key];
		const customer = customerFor(pack, channel, scenario, random);
		const priorityChoice = random.weighted(scenario.priorities);
		const priority: Priority | null = priorityChoice === 'none' ? null : priorityChoice;
		const movedGroup = random.chance(0.08);
		const groupName = movedGroup ? random.pick(groupNames) : scenario.group;
		const groupId = status === 'new' && random.chance(0.2) ? null : groupIdOf(groupName);
		const assigneeId = pickAssignee(status, groupName, random);
		// Who answers (and signs) when the ticket gets answers: the assignee, else someone from the group.
		const responderId = assigneeId ?? pickAgentOf(groupName, random);
		const agentName = agents[responderId - 1]?.name ?? 'Demo Agent';
		const vars = sameOrderAgain(
			id,
			customer,
			scenario,
			makeVars(pack, scenario, customer, createdMs, agentName, random),
		);
		const network = random.chance(0.6) ? 'facebook' : 'instagram';
		// Drawn either way (the ticket's draws stay the same); a call or a text comes from the customer's own number.
		const drawnPhone = phoneNumber(pack, random);
		const phone = channel === 'phone' || channel === 'sms' ? customer.phone : drawnPhone;

		const {steps, opening} = planThread({
			status,
			pack,
			text,
			scenario,
			channel,
			vars,
			customer,
			priority,
			assigneeId: responderId,
			ageMs,
			phone,
			random,
			...(status === 'solved' || status === 'closed' ? {solveShape: solveShapeFor(channel)} : {}),
		});
		const subjectChoices = scenario.subjects?.[opening] ?? text.subjects.map((_, index) => index);
		const subject = tidy(
			channelSubject(channel, customer, phone, network, random) ??
				text.subjects[random.pick(subjectChoices)]?.(vars) ??
				'',
		);
		writeTicket(sink, {
			id,
			subject,
			status,
			priority,
			channel,
			customer,
			assigneeId,
			groupId,
			createdMs,
			steps,
			pack,
			vars,
			random,
		});
		for (const tag of scenario.tags) writer.tag(id, tag);
		if (channel === 'social') writer.tag(id, network);
		if (customer.organization !== null) writer.tag(id, 'b2b');
		if (status === 'on-hold') writer.tag(id, 'waiting_on_third_party');
		if (random.chance(0.03)) writer.tag(id, 'vip');
	}

	/**
	 * A returning customer who writes about an order again: the first such ticket of the desk (and a quarter of the
	 * later ones) is about the order of their previous ticket, as when a customer opens a second ticket for the same
	 * order instead of answering the first. Chosen with the ticket's own side stream, so other draws stay the same.
	 */
	function sameOrderAgain(id: number, customer: Customer, scenario: ScenarioMeta, vars: TextVars): TextVars {
		if (!orderScenarios.has(scenario.key)) return vars;
		const previous = lastOrderOf.get(customer.id);
		lastOrderOf.set(customer.id, vars.order);
		if (previous === undefined) return vars;
		const side = createRandom(mixSeed(mixSeed(options.seed, 0x0bde), id));
		if (repeatedOrders > 0 && !side.chance(0.25)) return vars;
		repeatedOrders++;
		lastOrderOf.set(customer.id, previous);
		return {...vars, order: previous};
	}

	function pickAgentOf(groupName: string, random: Random): number {
		const members = agentIds.filter((agentId) => agents[agentId - 1]?.group === groupName && agentId !== demoAgentId);
		return members.length > 0 ? random.pick(members) : random.pick(agentIds);
	}

	function pickAssignee(status: TicketStatus, groupName: string, random: Random): number | null {
		if (status === 'new') return random.chance(0.85) ? null : pickAgentOf(groupName, random);
		if (random.chance(0.08)) return null;
		return random.chance(0.28) ? demoAgentId : pickAgentOf(groupName, random);
	}

	return {ticket, customerCount: () => customerCount};
}
