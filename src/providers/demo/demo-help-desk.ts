import {join} from 'node:path';
import type {DatabaseSync} from 'node:sqlite';
import type {AgentRef, GroupRef} from '../../domain/ticket.js';
import {ProviderError} from '../../errors.js';
import {openDatabase, transaction} from '../../store/database.js';
import type {
	AttachmentDownload,
	AttachmentSending,
	CustomerDirectory,
	HelpDesk,
	KnowledgeBase,
	ProviderSetup,
	TicketCreation,
	TicketForwarding,
	TicketMerge,
} from '../help-desk.js';
import {createDemoAttachments, demoAttachmentLimits} from './attachments.js';
import {createDemoCreate} from './create.js';
import {createDemoCustomers} from './customers.js';
import {capabilities, createDeskBase} from './desk.js';
import {createDemoExport} from './export.js';
import {createDemoForward} from './forward.js';
import {createDemoMerge} from './merge.js';
import {createDemoQueue} from './queue.js';
import {demoSchemaVersion, readDemoSchemaVersion} from './schema.js';
import {createDemoThread} from './thread.js';
import {createDemoWrites} from './writes.js';

/** The demo desk plus what trainers and tests need to play the customer. */
export type DemoHelpDesk = HelpDesk &
	KnowledgeBase &
	TicketCreation &
	CustomerDirectory &
	TicketMerge &
	TicketForwarding &
	AttachmentSending &
	AttachmentDownload & {
		/** What the demo desk sent to third parties (forwards) for a ticket, oldest first. */
		outboundFor(
			ticketId: string,
			signal?: AbortSignal,
		): Promise<{to: string; subject: string; body: string; files: {name: string; sha256: string}[]}[]>;
		/**
		 * The customer writes on a ticket, as if by email: a solved, pending or on-hold ticket opens again. Lets a test or
		 * a training session show "the ticket changed since you read it". Works during a simulated outage (the outage is
		 * between csr and the desk, not between the customer and the desk).
		 */
		simulateCustomerReply(ticketId: string, text: string, signal?: AbortSignal): Promise<{messageId: string}>;
	};

export function demoDatabasePath(dataDir: string): string {
	return join(dataDir, 'demo.db');
}

/**
 * The embedded demo help desk: a real provider over node:sqlite in `<dataDir>/demo.db`, seeded on first use with
 * the default dataset. Several csr processes may use it at once (WAL, busy timeout, IMMEDIATE write transactions).
 */
export function createDemoHelpDesk(setup: ProviderSetup): DemoHelpDesk {
	const path = demoDatabasePath(setup.dataDir);
	let opened: Promise<Desk> | undefined;
	const desk = (): Promise<Desk> => {
		opened ??= openDesk(path, setup).catch((error: unknown) => {
			opened = undefined;
			throw error;
		});
		return opened;
	};
	const call = async <T>(signal: AbortSignal | undefined, work: (desk: Desk) => T | Promise<T>): Promise<T> => {
		signal?.throwIfAborted();
		return work(await desk());
	};
	return {
		providerName: 'demo',
		capabilities,
		whoAmI: (signal) => call(signal, (d) => d.me),
		listTickets: (query, signal) => call(signal, (d) => d.listTickets(query)),
		getTickets: (ids, signal) => call(signal, (d) => d.getTickets(ids)),
		getThread: (ticketId, signal) =>
			call(signal, async (d) => {
				// Loaded only for threads: `csr queue` need not pay for html-to-text.
				const {htmlToText} = await import('../../text/html-to-text.js');
				return d.getThread(ticketId, htmlToText);
			}),
		sendMessage: (ticketId, message, options, signal) => call(signal, (d) => d.sendMessage(ticketId, message, options)),
		updateTicket: (ticketId, changes, options, signal) =>
			call(signal, (d) => d.updateTicket(ticketId, changes, options)),
		listGroups: (signal) => call(signal, (d) => d.listGroups()),
		listAgents: (signal) => call(signal, (d) => d.listAgents()),
		exportTicketFacts: (cursor, signal) => call(signal, (d) => d.exportTicketFacts(cursor)),
		exportSatisfaction: (cursor, signal) => call(signal, (d) => d.exportSatisfaction(cursor)),
		exportSurveys: (cursor, signal) => call(signal, (d) => d.exportSurveys(cursor)),
		// The help center is data shipped with csr, loaded only when an agent searches it.
		searchArticles: async (query, locale, signal) => {
			signal?.throwIfAborted();
			return (await import('./knowledge.js')).searchHelpCenter(query, locale);
		},
		getArticle: async (articleId, signal) => {
			signal?.throwIfAborted();
			const article = (await import('./knowledge.js')).getHelpCenterArticle(articleId);
			if (article === null) {
				throw new ProviderError(`the demo help center has no article ${articleId}`, {
					kind: 'not-found',
					hint: 'See `csr kb search WORDS` for the ids.',
				});
			}
			return article;
		},
		createTicket: (ticket, options, signal) => call(signal, (d) => d.createTicket(ticket, options)),
		findCreatedTicket: (email, key, signal) => call(signal, (d) => d.findCreatedTicket(email, key)),
		findCustomer: (key, signal) => call(signal, (d) => d.findCustomer(key)),
		mergeTickets: (request, signal) => call(signal, (d) => d.mergeTickets(request)),
		forwardTicket: (ticketId, request, options, signal) =>
			call(signal, (d) => d.forwardTicket(ticketId, request, options)),
		outboundFor: (ticketId, signal) => call(signal, (d) => d.outboundFor(ticketId)),
		attachmentLimits: demoAttachmentLimits,
		downloadAttachment: (ticketId, attachment, signal) =>
			call(signal, (d) => d.downloadAttachment(ticketId, attachment)),
		simulateCustomerReply: (ticketId, text, signal) => call(signal, (d) => d.simulateCustomerReply(ticketId, text)),
		close: async () => {
			const pending = opened;
			opened = undefined;
			if (pending !== undefined) (await pending.catch(() => undefined))?.db.close();
		},
	};
}

type Desk = ReturnType<typeof createDesk>;

async function openDesk(path: string, setup: ProviderSetup): Promise<Desk> {
	const db = openDatabase(path, {migrate: false});
	try {
		if (readDemoSchemaVersion(db) !== demoSchemaVersion) {
			// First use (or a desk from another csr version; demo data is disposable): seed the default dataset.
			const {defaultDemoSeed, writeDemoDesk} = await import('./seed.js');
			setup.log?.(`demo desk: seeding ${path} with ${defaultDemoSeed.tickets} tickets (seed ${defaultDemoSeed.seed})`);
			transaction(db, () => {
				// Re-checked under the write lock: another csr process may have seeded it meanwhile.
				if (readDemoSchemaVersion(db) !== demoSchemaVersion) writeDemoDesk(db, {...defaultDemoSeed, now: setup.now()});
			});
		}
		return createDesk(db, setup);
	} catch (error) {
		db.close();
		throw error;
	}
}

/** The desk over an open demo.db: the queue, the thread, the writes and the KPI export over one shared base. */
function createDesk(db: DatabaseSync, setup: ProviderSetup) {
	const base = createDeskBase(db, setup);
	return {
		db,
		me: base.me,
		...createDemoQueue(base),
		...createDemoThread(base),
		...createDemoWrites(base),
		...createDemoExport(base),
		...createDemoCreate(base),
		...createDemoCustomers(base),
		...createDemoMerge(base),
		...createDemoForward(base),
		...createDemoAttachments(base),
		listGroups: (): GroupRef[] => base.groups().map((group) => ({id: String(group.id), name: group.name})),
		listAgents: (): AgentRef[] =>
			base.agents().map((agent) => ({id: String(agent.id), name: agent.name, email: agent.email})),
	};
}
