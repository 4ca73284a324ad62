import {z} from 'zod';

export const providerNames = ['demo', 'zendesk', 'freshdesk', 'rt'] as const;
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

export const Profile = z.object({
	provider: ProviderName,
	url: z.string().nullable().default(null),
	email: z.string().nullable().default(null),
	user: z.string().nullable().default(null),
	defaultLocale: z.string().nullable().default(null),
	agent: z
		.object({name: z.string().nullable().default(null), signature: z.string().nullable().default(null)})
		.default({name: null, signature: null}),
	/** Stored with --token-stdin; the file is 0600. Never printed. */
	token: z.string().nullable().default(null),
	oauth: OAuthTokens.nullable().default(null),
	/** Saved queue filters, by name: `csr queue --view NAME` and the TUI's views. */
	views: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
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
	agent: {name: 'Demo Agent', signature: 'Demo Agent\nCustomer Care'},
	token: null,
	oauth: null,
	views: {},
};

/** Settings `csr config get|set` knows, with their parser and default. */
export const settingDefinitions = {
	'stats.maxCacheAgeMinutes': {
		parse: z.coerce.number().int().nonnegative(),
		default: 15,
		expects: 'a whole number of minutes, 0 or more',
	},
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
} as const;
export type SettingName = keyof typeof settingDefinitions;
