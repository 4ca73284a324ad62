import type {Attachment, AuthorRole, Message} from '../../domain/message.js';
import {
	type AgentRef,
	type Channel,
	channels,
	type Priority,
	type Ticket,
	type TicketStatus,
} from '../../domain/ticket.js';
import {htmlToText} from '../../text/html-to-text.js';
import type {SatisfactionRating, TicketFacts} from '../help-desk.js';
import type {Directory} from './directory.js';
import type {ZendeskComment, ZendeskMetricSet, ZendeskTicket, ZendeskUser} from './schemas.js';

// Provider words stop here: Zendesk "hold" is csr's "on-hold", a "comment" is a message, "via" is a channel.

export const statusFromZendesk = {
	new: 'new',
	open: 'open',
	pending: 'pending',
	hold: 'on-hold',
	solved: 'solved',
	closed: 'closed',
} as const satisfies Record<ZendeskTicket['status'], TicketStatus>;

export const statusToZendesk = {
	new: 'new',
	open: 'open',
	pending: 'pending',
	'on-hold': 'hold',
	solved: 'solved',
	closed: 'closed',
} as const satisfies Record<TicketStatus, ZendeskTicket['status']>;

/** `via.channel` names (https://developer.zendesk.com/documentation/ticketing/reference-guides/via-types). */
const channelByName: Readonly<Record<string, Channel>> = {
	email: 'email',
	mail: 'email',
	web: 'web',
	web_form: 'web',
	web_widget: 'web',
	help_center: 'web',
	mobile: 'web',
	mobile_sdk: 'web',
	api: 'api',
	web_service: 'api',
	chat: 'chat',
	chat_transcript: 'chat',
	native_messaging: 'chat',
	messaging: 'chat',
	voice: 'phone',
	phone: 'phone',
	voicemail: 'phone',
	phone_call_inbound: 'phone',
	phone_call_outbound: 'phone',
	sms: 'sms',
	text: 'sms',
	twitter: 'social',
	twitter_dm: 'social',
	facebook: 'social',
	facebook_post: 'social',
	facebook_message: 'social',
	instagram: 'social',
	instagram_dm: 'social',
	whatsapp: 'social',
	line: 'social',
	wechat: 'social',
	telegram: 'social',
	viber: 'social',
	google_play: 'review',
	app_store: 'review',
};

/** Numeric via ids some endpoints send instead of names. */
const channelByViaId: Readonly<Record<number, Channel>> = {
	0: 'web',
	4: 'email',
	5: 'api',
	17: 'web',
	23: 'social',
	26: 'social',
	29: 'chat',
	30: 'social',
	33: 'phone',
	34: 'phone',
	35: 'phone',
	38: 'social',
	41: 'social',
	44: 'phone',
	45: 'phone',
	46: 'phone',
	48: 'web',
	57: 'sms',
};

/** The tag csr puts on a ticket it opened through the API for another channel (`csr new --channel phone`). */
export const channelTagPrefix = 'csr_channel_';

/** The channel a csr tag names on a ticket Zendesk marks as made by the API; else Zendesk's own. */
function channelOf(raw: ZendeskTicket): Channel {
	const channel = channelFromVia(raw.via);
	if (channel !== 'api') return channel;
	const tagged = raw.tags?.find((tag) => tag.startsWith(channelTagPrefix))?.slice(channelTagPrefix.length) as
		| Channel
		| undefined;
	return tagged !== undefined && (channels as readonly string[]).includes(tagged) ? tagged : channel;
}

export function channelFromVia(via: ZendeskTicket['via']): Channel {
	const channel = via?.channel;
	if (typeof channel === 'number') return channelByViaId[channel] ?? 'other';
	if (typeof channel === 'string') return channelByName[channel.toLowerCase()] ?? 'other';
	return 'other';
}

/** Search syntax value for `via:` per csr channel. */
export const viaForChannel: Readonly<Record<Channel, string | null>> = {
	email: 'email',
	chat: 'chat',
	phone: 'voice',
	social: null,
	web: 'web',
	api: 'api',
	review: null,
	sms: 'sms',
	other: null,
};

export function toAgentRef(user: ZendeskUser | undefined, id: number): AgentRef {
	return {id: String(id), name: user?.name || `agent ${id}`, email: user?.email ?? null};
}

/** The agent-facing page of a ticket, not the API URL. */
export function ticketPageUrl(origin: string, id: number): string {
	return `${origin}/agent/tickets/${id}`;
}

/** Soonest breach time among the SLA targets still running (`include=slas`). */
export function slaDueAt(raw: ZendeskTicket): string | null {
	const due = (raw.slas?.policy_metrics ?? [])
		.filter((metric) => metric.stage === 'active' && typeof metric.breach_at === 'string')
		.map((metric) => metric.breach_at as string)
		.sort((a, b) => Date.parse(a) - Date.parse(b));
	return due[0] ?? null;
}

/** true when an active SLA target is past its breach time; null without SLA data. */
export function slaBreached(raw: ZendeskTicket, now: Date): boolean | null {
	const metrics = raw.slas?.policy_metrics;
	if (metrics === undefined || metrics.length === 0) return null;
	return metrics.some(
		(metric) =>
			metric.stage === 'active' && typeof metric.breach_at === 'string' && Date.parse(metric.breach_at) < now.getTime(),
	);
}

export function toTicket(raw: ZendeskTicket, directory: Directory, origin: string): Ticket {
	const requesterUser = raw.requester_id == null ? undefined : directory.users.get(raw.requester_id);
	const from = raw.via?.source?.from;
	const requesterId = raw.requester_id == null ? '' : String(raw.requester_id);
	const assignee = raw.assignee_id == null ? null : toAgentRef(directory.users.get(raw.assignee_id), raw.assignee_id);
	const group = raw.group_id == null ? null : directory.groups.get(raw.group_id);
	const custom = raw.custom_status_id == null ? undefined : directory.customStatuses?.get(raw.custom_status_id);
	const ticket: Ticket = {
		id: String(raw.id),
		subject: raw.subject ?? raw.raw_subject ?? '',
		status: statusFromZendesk[raw.status],
		priority: (raw.priority ?? null) as Priority | null,
		channel: channelOf(raw),
		requester: {
			id: requesterId,
			name: requesterUser?.name || from?.name || requesterUser?.email || from?.address || `requester ${requesterId}`,
			email: requesterUser?.email ?? from?.address ?? null,
			locale: requesterUser?.locale ?? null,
		},
		assignee,
		group:
			raw.group_id == null ? null : {id: String(raw.group_id), name: group?.name ?? `group ${String(raw.group_id)}`},
		tags: [...raw.tags],
		createdAt: raw.created_at,
		updatedAt: raw.updated_at,
		slaDueAt: slaDueAt(raw),
		url: ticketPageUrl(origin, raw.id),
	};
	// A custom status that is not one of the defaults: show the agent's label next to the category.
	return custom !== undefined && !custom.isDefault ? {...ticket, statusLabel: custom.agentLabel} : ticket;
}

/** A user's role as csr sees it: end-users are customers, agents and admins agents, anyone else (-1 "Zendesk", unknown) the system. */
export function roleOf(user: ZendeskUser | undefined, authorId: number): AuthorRole {
	if (authorId <= 0) return 'system';
	if (user?.role === 'end-user') return 'customer';
	if (user?.role === 'agent' || user?.role === 'admin') return 'agent';
	return 'system';
}

function toAttachment(raw: ZendeskComment['attachments'][number]): Attachment {
	return {
		name: raw.file_name,
		size: raw.size ?? null,
		contentType: raw.content_type ?? null,
		// Listed, never fetched by csr: the host may be anywhere, and Zendesk credentials never go there.
		url: raw.content_url ?? null,
	};
}

/** Comment → message. `html_body` is rendered to readable text; it is still untrusted (print via toDisplayText). */
export function toMessage(raw: ZendeskComment, directory: Directory, fallbackChannel: Channel): Message {
	const user = directory.users.get(raw.author_id);
	const via = raw.via ?? raw.metadata?.via;
	const text = raw.html_body ? htmlToText(raw.html_body) : (raw.plain_body ?? raw.body ?? '');
	return {
		id: String(raw.id),
		author: {
			id: String(raw.author_id),
			name: user?.name || (raw.author_id <= 0 ? 'Zendesk' : `user ${raw.author_id}`),
			email: user?.email ?? null,
			role: roleOf(user, raw.author_id),
		},
		public: raw.public,
		channel: via?.channel == null ? fallbackChannel : channelFromVia(via),
		createdAt: raw.created_at,
		text,
		attachments: raw.attachments.map(toAttachment),
	};
}

const addMinutes = (iso: string, minutes: number): string => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

export function toTicketFacts(
	raw: ZendeskTicket,
	metric: ZendeskMetricSet | undefined,
	directory: Directory,
	origin: string,
	now: Date,
): TicketFacts {
	const reply = metric?.reply_time_in_minutes;
	const full = metric?.full_resolution_time_in_minutes;
	const wait = metric?.requester_wait_time_in_minutes;
	const firstReplyMinutes = reply?.calendar ?? null;
	return {
		ticket: toTicket(raw, directory, origin),
		firstReplyAt: firstReplyMinutes === null ? null : addMinutes(raw.created_at, firstReplyMinutes),
		firstReplyMinutes,
		firstReplyBusinessMinutes: reply?.business ?? null,
		solvedAt: metric?.solved_at ?? null,
		fullResolutionMinutes: full?.calendar ?? null,
		fullResolutionBusinessMinutes: full?.business ?? null,
		reopens: metric?.reopens ?? 0,
		publicAgentReplies: metric?.replies ?? 0,
		slaBreached: slaBreached(raw, now),
		requesterWaitMinutes: wait?.calendar ?? null,
		requesterWaitBusinessMinutes: wait?.business ?? null,
	};
}

export function toSatisfactionRating(raw: {
	id: number;
	score: string;
	comment?: string | null | undefined;
	ticket_id?: number | null | undefined;
	created_at: string;
}): SatisfactionRating | null {
	// "unoffered" is not a survey at all; good_with_comment etc. are filters, not stored scores.
	const score = raw.score.startsWith('good') ? 'good' : raw.score.startsWith('bad') ? 'bad' : raw.score;
	if (score !== 'good' && score !== 'bad' && score !== 'offered') return null;
	return {
		id: String(raw.id),
		ticketId: raw.ticket_id == null ? null : String(raw.ticket_id),
		at: raw.created_at,
		score,
		comment: raw.comment ?? null,
		channel: null,
	};
}
