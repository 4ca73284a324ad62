import * as z from 'zod';

// Raw Zendesk API shapes: only the fields csr reads. Ids are JSON numbers; times ISO 8601 UTC.
// Missing or mistyped fields csr needs fail loudly; optional ones default.

const id = z.number().int();
const timestamp = z.iso.datetime({offset: true});
const optionalText = z.string().nullable().optional();

export const zendeskVia = z
	.object({
		// Usually a name ("email", "web"); sometimes a numeric via id.
		channel: z.union([z.string(), z.number()]).nullable().optional(),
		source: z
			.object({
				from: z.object({address: optionalText, name: optionalText}).nullable().optional(),
				rel: optionalText,
			})
			.nullable()
			.optional(),
	})
	.nullable()
	.optional();

export const zendeskUser = z.object({
	// null for the "Anonymous user" /users/me returns to bad credentials.
	id: id.nullable(),
	name: z.string().nullable().optional(),
	email: optionalText,
	role: optionalText,
	locale: optionalText,
	organization_id: id.nullable().optional(),
});
export type ZendeskUser = z.infer<typeof zendeskUser>;

export const zendeskGroup = z.object({id, name: z.string(), deleted: z.boolean().optional()});
export type ZendeskGroup = z.infer<typeof zendeskGroup>;

export const zendeskOrganization = z.object({id, name: z.string()});
export type ZendeskOrganization = z.infer<typeof zendeskOrganization>;

export const zendeskStatus = z.enum(['new', 'open', 'pending', 'hold', 'solved', 'closed']);

const slaPolicyMetric = z.object({
	metric: optionalText,
	stage: optionalText,
	breach_at: timestamp.nullable().optional(),
});

export const zendeskTicket = z.object({
	id,
	url: optionalText,
	subject: optionalText,
	raw_subject: optionalText,
	status: zendeskStatus,
	priority: z.enum(['urgent', 'high', 'normal', 'low']).nullable().optional(),
	via: zendeskVia,
	requester_id: id.nullable().optional(),
	assignee_id: id.nullable().optional(),
	group_id: id.nullable().optional(),
	organization_id: id.nullable().optional(),
	tags: z.array(z.string()).default([]),
	created_at: timestamp,
	updated_at: timestamp,
	custom_status_id: id.nullable().optional(),
	satisfaction_rating: z
		.object({id: id.optional(), score: z.string().optional(), comment: optionalText})
		.nullable()
		.optional(),
	// With include=slas.
	slas: z
		.object({policy_metrics: z.array(slaPolicyMetric).default([])})
		.nullable()
		.optional(),
});
export type ZendeskTicket = z.infer<typeof zendeskTicket>;

/** Sideloads (`include=users,groups,organizations`) that come next to tickets. */
export const sideloads = {
	users: z.array(zendeskUser).optional(),
	groups: z.array(zendeskGroup).optional(),
	organizations: z.array(zendeskOrganization).optional(),
};

/** Cursor pagination: follow `meta.after_cursor` while `meta.has_more`. */
export const cursorMeta = {
	meta: z.object({has_more: z.boolean(), after_cursor: z.string().nullable().optional()}).optional(),
	links: z.object({next: z.string().nullable().optional()}).optional(),
};

export const ticketResponse = z.object({ticket: zendeskTicket, ...sideloads});
export const ticketsResponse = z.object({tickets: z.array(zendeskTicket), ...sideloads, ...cursorMeta});

export const searchResponse = z.object({
	results: z.array(zendeskTicket.extend({result_type: z.string().optional()})),
	count: z.number().int().nullable().optional(),
	next_page: optionalText,
	...sideloads,
});

export const zendeskAttachment = z.object({
	file_name: z.string(),
	content_url: optionalText,
	content_type: optionalText,
	size: z.number().nullable().optional(),
});

export const zendeskComment = z.object({
	id,
	author_id: id,
	body: optionalText,
	html_body: optionalText,
	plain_body: optionalText,
	public: z.boolean(),
	created_at: timestamp,
	attachments: z.array(zendeskAttachment).default([]),
	via: zendeskVia,
	metadata: z.object({via: zendeskVia}).nullable().optional(),
});
export type ZendeskComment = z.infer<typeof zendeskComment>;

export const commentsResponse = z.object({comments: z.array(zendeskComment), ...sideloads, ...cursorMeta});

/**
 * A ticket audit (one update of the ticket) and the events csr reads in it (Ticket Audits API): public and private
 * comments (`Comment`, `VoiceComment`: the same fields as a comment, at the audit's time, on the audit's channel) and
 * field values set at creation or changed (`Create`, `Change`: `field_name`, `value`; a tag list's value is an array).
 * Other events (notifications, CCs, satisfaction, …) are kept by type only.
 */
const commentEventTypes = ['Comment', 'VoiceComment'] as const;
const fieldEventTypes = ['Create', 'Change'] as const;
const knownEventTypes: readonly string[] = [...commentEventTypes, ...fieldEventTypes];
export const auditCommentEvent = z.object({
	id,
	type: z.enum(commentEventTypes),
	author_id: id,
	body: optionalText,
	html_body: optionalText,
	plain_body: optionalText,
	public: z.boolean(),
	attachments: z.array(zendeskAttachment).default([]),
	via: zendeskVia,
});
export const auditFieldEvent = z.object({
	type: z.enum(fieldEventTypes),
	field_name: optionalText,
	value: z.unknown().optional(),
	previous_value: z.unknown().optional(),
});
export const zendeskAuditEvent = z.union([
	auditCommentEvent,
	auditFieldEvent,
	z.object({type: z.string().refine((type) => !knownEventTypes.includes(type))}),
]);
export type ZendeskAuditEvent = z.infer<typeof zendeskAuditEvent>;

export const zendeskAudit = z.object({
	id,
	author_id: id,
	created_at: timestamp,
	via: zendeskVia,
	events: z.array(zendeskAuditEvent).default([]),
});
export type ZendeskAudit = z.infer<typeof zendeskAudit>;

export const auditsResponse = z.object({audits: z.array(zendeskAudit), ...sideloads, ...cursorMeta});

export const meResponse = z.object({user: zendeskUser});
export const usersResponse = z.object({users: z.array(zendeskUser), ...cursorMeta, next_page: optionalText});
export const groupsResponse = z.object({groups: z.array(zendeskGroup), ...cursorMeta, next_page: optionalText});

export const viewsResponse = z.object({
	views: z.array(z.object({id, title: z.string(), active: z.boolean().optional()})),
	next_page: optionalText,
	...cursorMeta,
});

export const customStatusesResponse = z.object({
	custom_statuses: z.array(
		z.object({
			id,
			agent_label: z.string(),
			status_category: z.string(),
			default: z.boolean().optional(),
			active: z.boolean().optional(),
		}),
	),
});

export const updateResponse = z.object({
	ticket: zendeskTicket,
	audit: z
		.object({
			id: id.optional(),
			events: z.array(z.object({id, type: z.string(), public: z.boolean().optional()}).loose()).default([]),
		})
		.optional(),
});

export const jobStatus = z.object({
	id: z.string(),
	status: z.enum(['queued', 'working', 'completed', 'failed', 'killed']),
	total: z.number().nullable().optional(),
	progress: z.number().nullable().optional(),
	message: optionalText,
	results: z
		.array(
			z.object({
				id: id.nullable().optional(),
				index: z.number().optional(),
				success: z.boolean().optional(),
				status: optionalText,
				error: optionalText,
				details: z.unknown().optional(),
			}),
		)
		.nullable()
		.optional(),
});
export type JobStatus = z.infer<typeof jobStatus>;
export const jobStatusResponse = z.object({job_status: jobStatus});

const minutes = z
	.object({calendar: z.number().nullable().optional(), business: z.number().nullable().optional()})
	.nullable()
	.optional();

export const zendeskMetricSet = z.object({
	ticket_id: id,
	created_at: timestamp.nullable().optional(),
	reply_time_in_minutes: minutes,
	first_resolution_time_in_minutes: minutes,
	full_resolution_time_in_minutes: minutes,
	requester_wait_time_in_minutes: minutes,
	replies: z.number().nullable().optional(),
	reopens: z.number().nullable().optional(),
	solved_at: timestamp.nullable().optional(),
});
export type ZendeskMetricSet = z.infer<typeof zendeskMetricSet>;

export const ticketMetricsResponse = z.object({ticket_metrics: z.array(zendeskMetricSet), ...cursorMeta});
/** The spec says an array, the live API sends an object (pbu-projects/z4j TESTING.md): accept both. */
export const ticketMetricResponse = z.object({ticket_metric: z.union([zendeskMetricSet, z.array(zendeskMetricSet)])});

export const incrementalTicketsResponse = z.object({
	// Deleted tickets come with status "deleted"; they are skipped.
	tickets: z.array(zendeskTicket.extend({status: z.union([zendeskStatus, z.literal('deleted')])})),
	metric_sets: z.array(zendeskMetricSet).optional(),
	...sideloads,
	after_cursor: optionalText,
	end_of_stream: z.boolean(),
});

export const satisfactionRatingsResponse = z.object({
	satisfaction_ratings: z.array(
		z.object({
			id,
			score: z.string(),
			comment: optionalText,
			ticket_id: id.nullable().optional(),
			created_at: timestamp,
		}),
	),
	...cursorMeta,
});

export const macrosResponse = z.object({
	macros: z.array(
		z.object({
			id,
			title: z.string(),
			active: z.boolean().default(true),
			description: optionalText,
			actions: z.array(z.object({field: z.string(), value: z.unknown()})).default([]),
		}),
	),
	next_page: optionalText,
	...cursorMeta,
});

export const macroApplyResponse = z.object({
	result: z.object({
		ticket: z
			.object({
				comment: z
					.object({body: optionalText, html_body: optionalText, public: z.boolean().nullable().optional()})
					.nullable()
					.optional(),
				status: optionalText,
				priority: optionalText,
				assignee_id: id.nullable().optional(),
				group_id: id.nullable().optional(),
				tags: z.array(z.string()).optional(),
			})
			.loose(),
	}),
});

export const articleSearchResponse = z.object({
	results: z.array(
		z.object({
			id,
			title: z.string(),
			locale: optionalText,
			html_url: optionalText,
			url: optionalText,
			snippet: optionalText,
			draft: z.boolean().optional(),
		}),
	),
	count: z.number().nullable().optional(),
	next_page: optionalText,
});

export const articleShowResponse = z.object({
	article: z.object({
		id,
		title: z.string(),
		body: optionalText,
		locale: optionalText,
		html_url: optionalText,
		draft: z.boolean().optional(),
	}),
});

export const oauthTokenResponse = z.object({
	access_token: z.string().min(1),
	token_type: z.string().optional(),
	refresh_token: optionalText,
	expires_in: z.number().nullable().optional(),
	scope: optionalText,
});
export type OAuthTokenResponse = z.infer<typeof oauthTokenResponse>;
