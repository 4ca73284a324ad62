import {randomUUID} from 'node:crypto';
import type {ResolvedProfile} from '../../config/profiles.js';
import type {Context} from '../../context.js';
import {startOfNextUtcDay, startOfUtcDay} from '../../domain/time.js';
import {type HelpDesk, hasKnowledgeBase, type NewTicket} from '../../providers/help-desk.js';
import {checkAttachments} from '../../services/attachments.js';
import {lookUpCustomer} from '../../services/customer.js';
import {type DeliveryEnv, deliverOne, hashIntent, type PlannedWrite} from '../../services/delivery.js';
import {intentPartsOf} from '../../services/delivery-extras.js';
import {listFeedback} from '../../services/feedback.js';
import {completeFollowUp, listFollowUps, snoozeFollowUp} from '../../services/followups.js';
import {assertCanCreate} from '../../services/logged-tickets.js';
import {deliverNew} from '../../services/new-tickets.js';
import {retryOutbox} from '../../services/outbox.js';
import {listQueue} from '../../services/queue.js';
import {executeRun, planRun} from '../../services/replies.js';
import {applyUpdates} from '../../services/updates.js';
import {deleteDraft, findDraft, listDrafts, saveDraft} from '../../store/drafts.js';
import {countOutbox, findOutboxItem, listOutbox, removeOutboxItem} from '../../store/outbox.js';
import {isTeamRecordStore} from '../../store/team-record-store.js';
import {deleteView, listSavedViews, saveView} from '../../store/views.js';
import {TemplateError} from '../../templates/errors.js';
import {listTemplates, templateDirs} from '../../templates/lookup.js';
import {type LoadedTemplate, loadAndRender, loadTemplateFile} from '../../templates/render.js';
import type {TemplateAgent} from '../../templates/scope.js';
import type {Draft, MessagePlan, Session, TemplateRender, TemplateSummary, TuiServices} from '../../tui/services.js';
import {recordStoreOf} from './log.js';
import {attachmentServices} from './tui-attachments.js';
import {deskActionServices} from './tui-desk-actions.js';

async function agentOf(profile: ResolvedProfile, desk: HelpDesk, signal: AbortSignal): Promise<TemplateAgent> {
	const {agent, email} = profile.profile;
	const {signature, signatures} = agent;
	if (agent.name) return {name: agent.name, email, signature, signatures};
	const me = await desk.whoAmI(signal);
	return {name: me.name, email: email ?? me.email, signature, signatures};
}

function summarise(entry: ReturnType<typeof listTemplates>[number]): TemplateSummary {
	const locales = [...entry.variants.keys()].sort();
	const file = entry.base ?? [...entry.variants.values()][0];
	try {
		if (file === undefined) throw new Error('no file');
		const {meta} = loadTemplateFile(file);
		return {
			name: entry.name,
			title: meta.title ?? entry.name,
			description: meta.description ?? '',
			internal: meta.internal,
			locales,
		};
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return {name: entry.name, title: `(cannot be read: ${reason})`, description: '', internal: false, locales};
	}
}

/**
 * TuiServices over csr's own services: the same journal, drift check, outbox and records as the CLI. The desk is
 * opened in the background so the first frame never waits for it (or given, already opening).
 */
export function createTuiServices(
	context: Context,
	profile: ResolvedProfile,
	session: Session,
	desk?: Promise<HelpDesk>,
): TuiServices & {close(): Promise<void>} {
	const deskPromise = desk ?? context.openHelpDesk(profile, {verbose: false});
	deskPromise.catch(() => {});
	let agentPromise: Promise<TemplateAgent> | undefined;
	const agent = async () => {
		agentPromise ??= deskPromise.then((desk) => agentOf(profile, desk, context.signal));
		return agentPromise;
	};
	const db = () => context.store();
	const records = () => recordStoreOf(context);
	const dirs = templateDirs({cwd: context.cwd, configDir: context.paths.configDir});
	const cache = new Map<string, LoadedTemplate>();
	const agentEmail = async () => profile.profile.email ?? (await agent()).email;
	const deliveryEnv = async (): Promise<DeliveryEnv> => ({
		desk: await deskPromise,
		db: db(),
		profile: profile.name,
		agent: await agentEmail(),
		now: context.now,
		signal: context.signal,
	});
	// The same message to the same ticket is the same intent, from a single send or a bulk run: never sent twice.
	const planned = (plan: MessagePlan): PlannedWrite => ({
		...plan,
		intentHash: hashIntent([
			profile.name,
			plan.ticketId,
			'tui',
			plan.action,
			plan.isPublic,
			plan.body,
			plan.changes ?? null,
			...intentPartsOf(plan.extras ?? {}),
		]),
	});
	const toDraft = (stored: ReturnType<typeof listDrafts>[number]): Draft => ({
		ticketId: stored.ticketId,
		isPublic: stored.isPublic,
		body: stored.body,
		template: stored.template,
		updatedAt: stored.updatedAt,
	});
	return {
		...deskActionServices(context, profile, deskPromise, deliveryEnv),
		...attachmentServices(context, profile, deskPromise),
		session,
		now: context.now,
		listQueue: async (query, signal, onFirstPage) =>
			listQueue(await deskPromise, query, {all: false, onFirstPage}, signal),
		getThread: async (ticketId, signal) => (await deskPromise).getThread(ticketId, signal),
		listTemplates: async () => listTemplates(dirs).map(summarise),
		suggestTemplates: async (ticket, signal) => {
			const thread = await (await deskPromise).getThread(ticket.id, signal);
			const {chooseLocale} = await import('../../templates/locale.js');
			const {customerTextOf, suggestTemplates} = await import('../../templates/suggest.js');
			const locale = chooseLocale({
				requesterLocale: thread.ticket.requester.locale,
				profileDefault: profile.profile.defaultLocale,
			});
			const ranked = await suggestTemplates({
				text: customerTextOf(thread),
				locale,
				channel: thread.ticket.channel,
				dirs,
			});
			return ranked.map((hit) => hit.name);
		},
		renderTemplate: async (name, ticket, options) =>
			renderForTicket(name, ticket, options, {agent: await agent(), now: context.now(), dirs, cache, profile}),
		sendMessage: async (plan) => {
			// The desk's limits again at send, as `csr reply --attach` checks before any upload.
			checkAttachments(await deskPromise, plan.extras?.attachments ?? [], profile.name);
			return deliverOne(await deliveryEnv(), planned(plan), {runId: null, force: false});
		},
		sendBulk: async (plans, onResult) => {
			const items = plans.map(planned);
			const first = items[0];
			const run = planRun(db(), {
				profile: profile.name,
				// The same messages to the same tickets again continue this run (nothing sent twice).
				fingerprint: hashIntent([profile.name, 'tui-bulk', items.map((item) => item.intentHash)]),
				kind: first?.action ?? 'reply',
				planJson: JSON.stringify({source: 'tui', ids: items.map((item) => item.ticketId)}),
				items,
				now: context.now(),
			});
			const {results} = await executeRun(await deliveryEnv(), run, {
				force: false,
				concurrency: 4,
				onResult: (result, done) => onResult(result, done),
			});
			return {runId: run.runId, results};
		},
		createTicket: async (input) => {
			const env = await deliveryEnv();
			assertCanCreate(env.desk, profile.name);
			const create: NewTicket = {
				requester: {email: input.email, name: input.name},
				subject: input.subject,
				body: input.body,
				channel: 'email',
			};
			const email = input.email.toLowerCase();
			const attachments = input.attachments ?? [];
			// Journaled like `csr new`: confirming the same ticket again (or after a crash) opens nothing twice.
			return deliverNew(
				env,
				{
					ticketId: `new:${email}`,
					isPublic: true,
					body: input.body,
					changes: undefined,
					template: null,
					intentHash: hashIntent([profile.name, 'new', email, create, ...intentPartsOf({attachments})]),
					expectedUpdatedAt: null,
					customer: {email: input.email, name: input.name},
					channel: 'email',
					action: 'create',
					outcome: null,
					durationSec: null,
					create,
					...(attachments.length > 0 ? {extras: {attachments}} : {}),
				},
				{runId: null},
			);
		},
		updateTickets: async (ids, changes, action, durationSec) =>
			applyUpdates({...(await deliveryEnv()), durationSec}, ids, changes, action, () => {}),
		addFollowUp: async ({ticket, dueAt, note}) =>
			records().addFollowUp({
				id: randomUUID(),
				ticketId: ticket.id,
				customerEmail: ticket.requester.email,
				dueAt,
				note,
				createdAt: context.now().toISOString(),
				doneAt: null,
				profile: profile.name,
				agent: profile.profile.email ?? profile.profile.user,
				assignee: profile.profile.email ?? profile.profile.user,
			}),
		listGroups: async (signal) => (await deskPromise).listGroups(signal),
		listAgents: async (signal) => (await deskPromise).listAgents(signal),
		hasHelpCenter: async () => hasKnowledgeBase(await deskPromise),
		searchArticles: async (query, locale, signal) => {
			const desk = await deskPromise;
			return hasKnowledgeBase(desk) ? desk.searchArticles(query, locale, signal) : null;
		},
		statusCounts: async () => {
			const now = context.now();
			const store = records();
			const email = profile.profile.email;
			const replies = await store.listRecords({
				actions: ['reply'],
				since: startOfUtcDay(now).toISOString(),
				...(email ? {agent: email} : {}),
			});
			return {
				// With a team store: this agent's follow-ups, as `csr followup list` shows them.
				dueFollowUps: await store.countFollowUpsDueBefore(
					startOfNextUtcDay(now).toISOString(),
					isTeamRecordStore(store) ? (email ?? undefined) : undefined,
				),
				outbox: countOutbox(db(), profile.name),
				repliesToday: replies.length,
			};
		},
		listDueFollowUps: async (view = 'mine') => {
			const store = records();
			// As `csr followup list`: with a team store, mine are those given to this agent (by the profile's email).
			const email = profile.profile.email;
			const assignee = isTeamRecordStore(store) && view === 'mine' && email ? email : undefined;
			return listFollowUps(store, 'due', context.now(), {assignee});
		},
		listFeedback: async (signal) => {
			const desk = await deskPromise;
			if (!desk.capabilities.supportsSatisfaction && !desk.capabilities.supportsSurveys) return null;
			const since = new Date(context.now().getTime() - 7 * 86_400_000);
			return listFeedback(desk, {since, kinds: ['bad', 'detractor', 'hard']}, signal);
		},
		lookUpCustomer: async (ticket, signal) => {
			const {email, id} = ticket.requester;
			const sources = {desk: await deskPromise, records, db, profile: profile.name};
			return lookUpCustomer(sources, email === null ? {id} : {email}, {limit: 50, all: false}, signal);
		},
		completeFollowUp: async (id) => {
			await completeFollowUp(records(), id, context.now());
		},
		snoozeFollowUp: async (id, dueAt) => {
			await snoozeFollowUp(records(), id, new Date(dueAt));
		},
		listOutbox: async () =>
			listOutbox(db(), profile.name).map((item) => ({
				id: item.id,
				ticketId: item.ticketId,
				action: item.action,
				body: item.body,
				attempts: item.attempts,
				why: item.lastError,
				createdAt: item.createdAt,
			})),
		retryOutbox: async (id) => {
			const item = findOutboxItem(db(), id);
			if (item === undefined || item.profile !== profile.name) throw new Error('It is no longer in the outbox.');
			const [result] = await retryOutbox(await deliveryEnv(), [item], {force: false, onResult: () => {}});
			return result ?? {ticketId: item.ticketId, result: 'failed', reason: 'not tried'};
		},
		dropOutbox: async (id) => removeOutboxItem(db(), id),
		saveDraft: async (draft) =>
			saveDraft(db(), {...draft, profile: profile.name, updatedAt: context.now().toISOString()}),
		loadDraft: async (ticketId) => {
			const stored = findDraft(db(), profile.name, ticketId);
			return stored === undefined ? null : toDraft(stored);
		},
		discardDraft: async (ticketId) => {
			deleteDraft(db(), profile.name, ticketId);
		},
		listDrafts: async () => listDrafts(db(), profile.name).map(toDraft),
		listSavedViews: async () => listSavedViews(db(), profile.name),
		saveView: async (view) => saveView(db(), profile.name, view, context.now().toISOString()),
		deleteView: async (name) => deleteView(db(), profile.name, name),
		editText: (initial, fileName) => context.editText(initial, fileName),
		close: async () => (await deskPromise.catch(() => null))?.close(),
	};
}

/**
 * Renders a template for the ticket. A missing variable is not an error here: it is filled with `«name»` and the
 * render repeated, so the agent sees every missing variable at once, in place, and sending stays blocked.
 */
export function renderForTicket(
	name: string,
	ticket: Parameters<typeof loadAndRender>[0]['ticket'],
	options: {locale: string | null; vars: Readonly<Record<string, string>>},
	setup: {
		agent: TemplateAgent;
		now: Date;
		dirs: ReturnType<typeof templateDirs>;
		cache: Map<string, LoadedTemplate>;
		profile: ResolvedProfile;
	},
): TemplateRender {
	const vars: Record<string, string> = {...options.vars};
	const missing: string[] = [];
	for (let attempt = 0; attempt < 50; attempt++) {
		try {
			const rendered = loadAndRender({
				name,
				ticket,
				agent: setup.agent,
				vars,
				now: setup.now,
				localeFlag: options.locale,
				profileLocale: setup.profile.profile.defaultLocale,
				dirs: setup.dirs,
				cache: setup.cache,
			});
			if (missing.length > 0) return {kind: 'missing', name, locale: rendered.locale, missing, preview: rendered.body};
			return {
				kind: 'rendered',
				name,
				locale: rendered.locale,
				body: rendered.body,
				internal: rendered.internal,
				changes: rendered.changes,
			};
		} catch (error) {
			const variable = error instanceof TemplateError ? error.variable : null;
			if (
				variable === null ||
				!/^needs variable /.test((error as TemplateError).reason) ||
				missing.includes(variable)
			) {
				return {kind: 'invalid', name, message: error instanceof Error ? error.message : String(error)};
			}
			missing.push(variable);
			vars[variable] = `«${variable}»`;
		}
	}
	return {kind: 'invalid', name, message: `template "${name}" needs too many variables`};
}
