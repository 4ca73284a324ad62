import type {Channel, Priority, TicketStatus} from '../../domain/ticket.js';
import {
	type AttachmentKind,
	type AttachmentSlot,
	genericNotes,
	type LanguagePack,
	onHoldNotes,
	type ScenarioMeta,
	type ScenarioText,
	type Template,
	type TextVars,
	type ThreadPath,
} from './corpus.js';
import {keepRepliesInOfficeHours} from './office-hours.js';
import {
	agentIds,
	type Customer,
	dayMs,
	devices,
	type FileKind,
	firstReplyDelayMin,
	hourMs,
	isAgentReply,
	minuteMs,
	type Step,
	systemUserId,
} from './seed-plan.js';
import type {Random} from './seed-random.js';
import {composeAgentMessage, composeCustomerMessage, orderTable, tidy, toHtml} from './seed-text.js';

// A ticket's thread: what is said and done, in order, and when.

/** A realistic thread for the status, as steps with delays. */
export function planThread(input: {
	status: TicketStatus;
	pack: LanguagePack;
	text: ScenarioText;
	scenario: ScenarioMeta;
	channel: Channel;
	vars: TextVars;
	customer: Customer;
	priority: Priority | null;
	assigneeId: number;
	ageMs: number;
	phone: string;
	random: Random;
	/**
	 * How a solved ticket gets solved, in [0, 1): under 0.35 in one touch, under 0.8 after a conversation, else
	 * solved, reopened and solved again. The generator spreads it evenly per channel (seed-generator.ts); without it
	 * the ticket's own random draw decides.
	 */
	solveShape?: number;
}): {steps: Step[]; opening: number} {
	const {status, pack, text, scenario, channel, vars, customer, priority, assigneeId, random} = input;
	const steps: Step[] = [];
	const isChat = channel === 'chat';
	const pace = isChat ? 0.03 : 1;
	const customerSays = (body: string, delayMin: number, attachments: readonly AttachmentKind[] = []) => {
		const composed = composeCustomerMessage(pack, channel, tidy(body), vars, random);
		steps.push({
			kind: 'message',
			delayMin,
			role: 'customer',
			authorId: customer.id,
			isPublic: true,
			channel,
			body: composed.body,
			isHtml: composed.isHtml,
			attachments,
		});
	};
	const agentSays = (body: string, delayMin: number, attachments: readonly AttachmentKind[] = []) => {
		const withTable =
			scenario.orderTable === true && random.chance(0.4) ? `${body}\n\n${orderTable(pack, vars)}` : body;
		const composed = composeAgentMessage(pack, channel, tidy(withTable), vars, random);
		steps.push({
			kind: 'message',
			delayMin,
			role: 'agent',
			authorId: assigneeId,
			isPublic: true,
			channel,
			body: composed.body,
			isHtml: composed.isHtml,
			attachments,
		});
	};
	const note = (template: Template, delayMin: number) =>
		steps.push({
			kind: 'message',
			delayMin,
			role: 'agent',
			authorId: random.chance(0.75) ? assigneeId : random.pick(agentIds),
			isPublic: false,
			channel: 'web',
			body: tidy(template(vars)),
			isHtml: false,
			attachments: [],
		});
	const statusChange = (oldValue: string, newValue: string, delayMin: number) =>
		steps.push({kind: 'event', delayMin, authorId: assigneeId, field: 'status', oldValue, newValue});
	const path: ThreadPath = scenario.paths === undefined ? {} : random.pick(scenario.paths);
	const canSolveInOneTouch = path.oneTouch !== null;
	const use = (
		templates: readonly Template[],
		preferred: number | null | undefined,
		slot: AttachmentSlot | undefined,
	) => {
		const index =
			typeof preferred === 'number' && preferred < templates.length ? preferred : random.int(0, templates.length - 1);
		const template = templates[index] ?? templates[0];
		const attachments = slot !== undefined && (slot.index === undefined || slot.index === index) ? [slot.kind] : [];
		return {text: template === undefined ? '' : template(vars), attachments, index};
	};
	const scenarioNote = () =>
		note(random.chance(0.75) ? random.pick(scenario.notes) : random.pick(genericNotes), 5 + random.next() * 90);
	const firstReplyDelay = () => firstReplyDelayMin(priority, channel, random);
	const customerDelay = () => (20 + random.next() ** 2 * 2800) * pace + 0.5;
	const agentDelay = () => (15 + random.next() ** 2 * 1200) * pace + 0.5;

	// Channel preamble, the opening message, an auto-reply.
	if (channel === 'chat')
		steps.push(
			systemStep(
				`Chat started on ${pack.shopHost} · visitor ${customer.first} ${customer.last} (${vars.city}) · ${random.pick(devices)}`,
				0,
				channel,
				false,
				[],
			),
		);
	if (channel === 'phone') {
		const seconds = random.int(95, 900);
		steps.push(
			systemStep(
				`Inbound call from ${input.phone} · duration ${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')} · recording attached`,
				0,
				channel,
				false,
				['recording'],
			),
		);
	}
	if (channel === 'api')
		steps.push(systemStep('Created through the returns portal API (returns-portal/2.3).', 0, channel, false, []));
	const opening = use(text.openings, path.opening, scenario.attachments.opening);
	customerSays(opening.text, steps.length === 0 ? 0 : 0.3, opening.attachments);
	if ((channel === 'email' || channel === 'web') && random.chance(0.3))
		steps.push(systemStep(pack.autoReply, 0.5 + random.next(), channel, true, [], true));

	const reply = () => {
		const chosen = use(text.replies, path.reply, scenario.attachments.reply);
		agentSays(chosen.text, steps.some(isAgentReply) ? agentDelay() : firstReplyDelay(), chosen.attachments);
	};
	let lastResolution = -1;
	/** A resolution after the conversation (`afterQuestion`), or straight away in one touch. */
	const resolve = (delayMin: number, afterQuestion: boolean) => {
		let preferred = afterQuestion ? path.resolution : path.oneTouch;
		// A second resolution after a reopen says something new when the pack has more than one.
		if (lastResolution >= 0 && text.resolutions.length > 1)
			preferred = (lastResolution + 1 + random.int(0, text.resolutions.length - 2)) % text.resolutions.length;
		const chosen = use(text.resolutions, preferred, scenario.attachments.resolution);
		lastResolution = chosen.index;
		agentSays(chosen.text, delayMin, chosen.attachments);
	};
	const followUp = () => {
		const chosen = use(text.followUps, path.followUp, scenario.attachments.followUp);
		customerSays(chosen.text, customerDelay(), chosen.attachments);
	};
	/** The customer chasing; after an agent has answered, only the chasers that do not claim "no answer at all". */
	const chaser = (afterAnswer = false) => {
		// The second chaser of every pack is the neutral one; the others mention email or "no answer".
		const isMail = channel === 'email' || channel === 'web';
		const chasers = !isMail ? pack.chasers.slice(1, 2) : afterAnswer ? pack.chasers.slice(1, 3) : pack.chasers;
		customerSays(random.pick(chasers)(vars), (12 * 60 + random.next() * 48 * 60) * pace);
	};
	const solveFlow = () => {
		const drawn = canSolveInOneTouch ? random.next() : 0.5;
		const shape = canSolveInOneTouch ? (input.solveShape ?? drawn) : 0.5;
		if (shape < 0.35) {
			resolve(firstReplyDelay(), false);
			statusChange('open', 'solved', 0);
		} else if (shape < 0.8) {
			reply();
			followUp();
			if (random.chance(0.3)) scenarioNote();
			resolve(agentDelay(), true);
			if (random.chance(0.35)) {
				customerSays(random.pick(pack.thanks)(vars), customerDelay());
				statusChange('open', 'solved', 5 + random.next() * 120);
			} else statusChange('open', 'solved', 0);
		} else {
			resolve(firstReplyDelay(), false);
			statusChange('open', 'solved', 0);
			customerSays(random.pick(pack.reopens)(vars), (24 * 60 + random.next() * 4 * 24 * 60) * pace);
			statusChange('solved', 'open', 0);
			if (random.chance(0.5)) scenarioNote();
			resolve(agentDelay(), true);
			statusChange('open', 'solved', 0);
		}
	};

	switch (status) {
		case 'new':
			if (random.chance(0.25)) chaser();
			break;
		case 'open': {
			const unanswered = input.ageMs < dayMs && random.chance(0.5);
			if (unanswered) {
				if (random.chance(0.35)) scenarioNote();
				if (random.chance(0.25)) chaser();
			} else if (canSolveInOneTouch && random.chance(0.15)) {
				resolve(firstReplyDelay(), false);
				statusChange('open', 'solved', 0);
				customerSays(random.pick(pack.reopens)(vars), (24 * 60 + random.next() * 4 * 24 * 60) * pace);
				statusChange('solved', 'open', 0);
				if (random.chance(0.4)) scenarioNote();
			} else {
				if (random.chance(0.3)) scenarioNote();
				reply();
				followUp();
				if (random.chance(0.2)) chaser(true);
			}
			break;
		}
		case 'pending':
			if (random.chance(0.3)) scenarioNote();
			reply();
			if (random.chance(0.3)) {
				followUp();
				resolve(agentDelay(), true);
			}
			break;
		case 'on-hold':
			reply();
			if (random.chance(0.3)) followUp();
			note(random.pick(onHoldNotes), 10 + random.next() * 240);
			break;
		case 'solved':
		case 'closed':
			solveFlow();
			break;
	}
	return {steps, opening: opening.index};
}

export function systemStep(
	body: string,
	delayMin: number,
	channel: Channel,
	isPublic: boolean,
	attachments: readonly FileKind[],
	asHtml = false,
): Step {
	return {
		kind: 'message',
		delayMin,
		role: 'system',
		authorId: systemUserId,
		isPublic,
		channel,
		body: asHtml ? toHtml(body) : body,
		isHtml: asHtml,
		attachments,
	};
}

/**
 * Turns delays into times from `createdMs`, compressed to end before now; the last step of an unsolved ticket is
 * then moved towards now so running SLAs spread around the present instead of all being long breached.
 */
export function placeInTime(
	nowMs: number,
	steps: Step[],
	createdMs: number,
	status: TicketStatus,
	random: Random,
): number[] {
	const offsets: number[] = [];
	let sum = 0;
	for (const step of steps) {
		sum += Math.max(step.delayMin, 0) * minuteMs;
		offsets.push(sum);
	}
	const room = nowMs - minuteMs - createdMs;
	const scale = sum > room && sum > 0 ? Math.max(room, 0) / sum : 1;
	const times = offsets.map((offset) => createdMs + Math.floor(offset * scale));
	// Distinct, increasing times (a second apart at least) keep "oldest first" unambiguous.
	for (let index = 1; index < times.length; index++) {
		const previous = times[index - 1] ?? createdMs;
		if ((times[index] ?? 0) <= previous) times[index] = previous + 1000;
	}
	keepRepliesInOfficeHours(steps, times, createdMs, nowMs - minuteMs);
	// An open ticket waits for the agents since the customer's last message: move that message (and what follows
	// it) closer to now. The opening stays where it is, so first-reply times are not distorted.
	let anchor = -1;
	let opening = -1;
	for (const [index, step] of steps.entries()) {
		if (step.kind !== 'message' || step.role !== 'customer') continue;
		if (opening < 0) opening = index;
		anchor = index;
	}
	const last = times.length - 1;
	const anchorWindowMs = 30 * hourMs;
	if (status === 'open' && anchor > opening) {
		const tailMs = (times[last] ?? 0) - (times[anchor] ?? 0);
		const desired = nowMs - 2 * minuteMs - tailMs - Math.floor(random.next() ** 1.5 * anchorWindowMs);
		const shiftMs = desired - (times[anchor] ?? desired);
		if (shiftMs > 0) for (let index = anchor; index <= last; index++) times[index] = (times[index] ?? 0) + shiftMs;
	}
	return times;
}
