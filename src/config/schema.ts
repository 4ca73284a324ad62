import * as z from 'zod';

export const providerNames = ['demo', 'zendesk', 'freshdesk', 'rt', 'zammad', 'helpscout'] as const;
export const ProviderName = z.enum(providerNames);
export type ProviderName = z.infer<typeof ProviderName>;

export const profileNamePattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

export const OAuthTokens = z.object({
	accessToken: z.string(),
	refreshToken: z.string().nullable(),
	expiresAt: z.string().nullable(),
	clientId: z.string(),
});
export type OAuthTokens = z.infer<typeof OAuthTokens>;

const shiftPattern = /^([01]?\d|2[0-3]):[0-5]\d\s*-\s*(([01]?\d|2[0-3]):[0-5]\d|24:00)$/;
const Shift = z.string().regex(shiftPattern, 'a shift is "HH:MM-HH:MM", e.g. "09:00-17:00" or "22:00-06:00"');
export const weekdayNames = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const Weekly = z
	.object(
		Object.fromEntries(weekdayNames.map((day) => [day, z.array(Shift).optional()])) as Record<
			(typeof weekdayNames)[number],
			z.ZodOptional<z.ZodArray<typeof Shift>>
		>,
	)
	.strict();
const HolidayRegion = z
	.string()
	.regex(/^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$/, 'a holiday region is a country code, optionally with a state: DK, DE-BY');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a closed date is YYYY-MM-DD');

/** Opening hours for business-time KPIs; a group's entry overrides the fields it gives. */
const HoursFields = {
	/** IANA zone, e.g. Europe/Copenhagen. */
	timeZone: z.string().min(1).optional(),
	/** Opening shifts per weekday; a day left out is closed. */
	weekly: Weekly.optional(),
	/** Public holidays from the holiday library: DK, SE, NO, DE (or DE-BY), GB/UK (or GB-SCT), … */
	holidays: z.array(HolidayRegion).optional(),
	/** Also close on bank holidays (SE/NO/DE Christmas Eve, New Year's Eve). */
	bankHolidays: z.boolean().optional(),
	/** The team's own closed dates. */
	closed: z.array(IsoDate).optional(),
};
export const GroupHours = z.object(HoursFields).strict();
export type GroupHours = z.infer<typeof GroupHours>;
export const BusinessHours = z.object({...HoursFields, groups: z.record(z.string(), GroupHours).optional()}).strict();
export type BusinessHours = z.infer<typeof BusinessHours>;

/**
 * One SLA target list (kpi/sla-targets.ts parses it; this checks its form, since config imports no KPI code):
 * entries separated by commas, each `DURATION`, `PRIORITY=DURATION`, `@GROUP=DURATION` or `@GROUP/PRIORITY=DURATION`.
 */
const slaDuration = String.raw`(?:\d+(?:\.\d+)?d)?(?:\d+(?:\.\d+)?h)?(?:\d+(?:\.\d+)?m)?`;
const slaEntry = String.raw`\s*(?:(?:low|normal|high|urgent|@[^=,@]+)\s*=\s*)?${slaDuration}\s*`;
const slaTargetPattern = new RegExp(`^${slaEntry}(?:,${slaEntry})*$`, 'i');
export const slaTargetsExpects =
	'SLA targets like "8h, high=4h, urgent=4h" or "@Billing=6h, @Billing/urgent=2h" (durations 30m, 4h, 1h30m, 2d; priorities low, normal, high, urgent; a group after @, as the desk names it), or "none" to remove them';
export const SlaTargetText = z
	.string()
	.refine(
		(text) =>
			slaTargetPattern.test(text) &&
			text
				.split(',')
				.every((entry) => /\d\s*[dhm]\s*$/i.test(entry) && /[1-9]/.test(entry.slice(entry.lastIndexOf('=') + 1))),
		{message: `expected ${slaTargetsExpects}`},
	);
/** csr's own SLA targets for this profile (first reply and resolution), judged on its business hours and the clock. */
export const SlaTargets = z
	.object({firstReply: SlaTargetText.optional(), resolution: SlaTargetText.optional()})
	.strict();
export type SlaTargets = z.infer<typeof SlaTargets>;

export const Profile = z.object({
	provider: ProviderName,
	url: z.string().nullable().default(null),
	email: z.string().nullable().default(null),
	user: z.string().nullable().default(null),
	defaultLocale: z.string().nullable().default(null),
	agent: z
		.object({
			name: z.string().nullable().default(null),
			signature: z.string().nullable().default(null),
			/** A signature per template locale (`da`, `de`, …); the plain signature signs the others. */
			signatures: z.record(z.string(), z.string()).default({}),
		})
		.default({name: null, signature: null, signatures: {}}),
	/** Stored with --token-stdin; the file is 0600. Never printed. */
	token: z.string().nullable().default(null),
	oauth: OAuthTokens.nullable().default(null),
	/** This profile's team store (PostgreSQL URL), over the global store.url: `csr config set store.url URL --profile P`. */
	storeUrl: z.string().nullable().optional(),
	/** Saved queue filters, by name: `csr queue --view NAME` and the TUI's views. */
	views: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
	/** The schedule business-time KPIs are measured on; null: calendar time only (and the desk's own business times). */
	businessHours: BusinessHours.nullish(),
	/** RT profiles: the server's `$MaxAttachmentSize` in bytes (`csr config set rt.maxAttachmentSize 25MB --profile P`). */
	rtMaxAttachmentBytes: z.number().int().positive().nullish(),
	/** csr's SLA targets (`csr config set sla.firstReply …`); none: only the desk's own SLA verdict. */
	slaTargets: SlaTargets.nullish(),
});
export type Profile = z.infer<typeof Profile>;

export const ConfigFile = z.object({
	currentProfile: z.string().nullable().default(null),
	profiles: z.record(z.string(), Profile).default({}),
	settings: z.record(z.string(), z.unknown()).default({}),
});
export type ConfigFile = z.infer<typeof ConfigFile>;

/** The built-in profile: the embedded demo desk, no setup needed. */
export const demoProfile: Profile = {
	provider: 'demo',
	url: null,
	email: 'you@demo.csr',
	user: null,
	defaultLocale: 'en',
	agent: {
		name: 'Demo Agent',
		signature: 'Demo Agent\nCustomer Care',
		signatures: {
			da: 'Demo Agent\nKundeservice',
			sv: 'Demo Agent\nKundtjänst',
			nb: 'Demo Agent\nKundeservice',
			de: 'Demo Agent\nKundenservice',
		},
	},
	token: null,
	oauth: null,
	storeUrl: null,
	views: {},
	businessHours: {
		timeZone: 'Europe/Copenhagen',
		weekly: {
			mon: ['08:00-17:00'],
			tue: ['08:00-17:00'],
			wed: ['08:00-17:00'],
			thu: ['08:00-17:00'],
			fri: ['08:00-16:00'],
		},
		holidays: ['DK'],
		closed: [],
	},
};

/** `26214400`, `25MB`, `25 MB`, `512KB`, `1.5MB` (1 KB = 1024 bytes, as RT counts) → bytes. */
export function parseByteSize(raw: string): number | null {
	const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|kib|k|mb|mib|m|gb|gib|g)?\s*$/i.exec(raw);
	if (match === null) return null;
	const unit = (match[2] ?? 'b').toLowerCase()[0] as 'b' | 'k' | 'm' | 'g';
	const bytes = Math.round(Number(match[1]) * {b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3}[unit]);
	return bytes > 0 && Number.isSafeInteger(bytes) ? bytes : null;
}

/** Settings `csr config get|set` knows, with their parser and default. */
/** `sla.firstReply` and `sla.resolution`: a target list, or `none` to remove it. */
const slaTargetSetting = {
	parse: z
		.string()
		.trim()
		.transform((text) => (text.toLowerCase() === 'none' ? null : text))
		.pipe(SlaTargetText.nullable()),
	default: null,
	expects: slaTargetsExpects,
};

export const settingDefinitions = {
	'stats.maxCacheAgeMinutes': {
		parse: z.coerce.number().int().nonnegative(),
		default: 15,
		expects: 'a whole number of minutes, 0 or more',
	},
	/** The CES answers' scale, `MIN-MAX`; "easy" is from MAX − 2 (5 on 1–7). */
	'stats.cesScale': {
		parse: z.string().regex(/^\s*\d{1,2}\s*-\s*\d{1,2}\s*$/, 'a scale like 1-7'),
		default: '1-7',
		expects: 'a scale like 1-7',
	},
	/** The active profile's first-reply SLA targets (stored in profiles.NAME.slaTargets). */
	'sla.firstReply': slaTargetSetting,
	/** The active profile's resolution SLA targets (stored in profiles.NAME.slaTargets). */
	'sla.resolution': slaTargetSetting,
	'tui.refreshSeconds': {
		parse: z.coerce.number().int().nonnegative(),
		default: 60,
		expects: 'a whole number of seconds, 0 or more (0: never)',
	},
	'tui.afterSend': {parse: z.enum(['next', 'stay']), default: 'next', expects: 'next or stay'},
	timezone: {
		parse: z.string().refine((zone) => {
			try {
				new Intl.DateTimeFormat('en', {timeZone: zone});
				return true;
			} catch {
				return false;
			}
		}, 'an IANA time zone such as Europe/Copenhagen or UTC'),
		default: null,
		expects: 'an IANA time zone such as Europe/Copenhagen or UTC',
	},
	'reply.concurrency': {
		parse: z.coerce.number().int().min(1).max(16),
		default: 4,
		expects: 'a whole number from 1 to 16',
	},
	editor: {parse: z.string().min(1), default: null, expects: 'an editor command, e.g. "code --wait"'},
	defaultLocale: {parse: z.string().min(2), default: 'en', expects: 'a locale such as en, da or sv-SE'},
	/** `csr survey send`: the survey link, with {ticket}, {kind} and {locale} filled in per ticket. */
	'survey.url': {parse: z.url({protocol: /^https?$/}), default: null, expects: 'an http(s) URL'},
	/** `csr survey send` skips a ticket surveyed within this many days. */
	'survey.windowDays': {
		parse: z.coerce.number().int().nonnegative(),
		default: 30,
		expects: 'a whole number of days, 0 or more',
	},
	/** `csr kb new`: the Zendesk Help Center section or Freshdesk solution folder its drafts go to. */
	'kb.section': {
		parse: z
			.string()
			.trim()
			.regex(/^\d{1,20}$/, 'a section or folder id (a number)'),
		default: null,
		expects: 'a Zendesk Help Center section id or a Freshdesk solution folder id (a number)',
	},
	/** `csr kb new` on Zendesk: the Guide permission group whose agents may edit the draft. */
	'kb.permissionGroup': {
		parse: z
			.string()
			.trim()
			.regex(/^\d{1,20}$/, 'a permission group id (a number)'),
		default: null,
		expects: 'a Zendesk Guide permission group id (a number)',
	},
	/**
	 * The largest file (and message) csr sends to Request Tracker: the server's own `$MaxAttachmentSize` (RT's default 10
	 * MB; RT truncates or drops a larger file). Per profile with --profile.
	 */
	'rt.maxAttachmentSize': {
		parse: z.union([z.number(), z.string()]).transform((value, context) => {
			const bytes = parseByteSize(String(value));
			if (bytes === null) {
				context.addIssue({code: 'custom', message: 'a size like 10MB or 10485760'});
				return z.NEVER;
			}
			return bytes;
		}),
		default: 10 * 1024 * 1024,
		expects: "a size in bytes or with KB/MB, like 25MB: the RT server's $MaxAttachmentSize (RT's default is 10MB)",
	},
	/** The team store (PostgreSQL); empty: this machine's SQLite file. Never printed with its password. */
	'store.url': {
		parse: z
			.string()
			.trim()
			.refine(
				(value) => value === '' || /^postgres(ql)?:\/\//i.test(value),
				'expected postgres://USER@HOST:PORT/DATABASE',
			)
			.transform((value) => (value === '' ? null : value)),
		default: null,
		expects: 'postgres://USER@HOST:PORT/DATABASE (empty: this machine only)',
	},
} as const;
export type SettingName = keyof typeof settingDefinitions;
