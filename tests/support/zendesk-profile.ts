import type {TestContext} from './context.js';

type ProfileFields = {readonly email?: string | null; readonly agentName?: string | null};

/** Makes "acme", a Zendesk profile on `url` (a fake's), the current profile of a test's config. */
export async function selectZendeskProfile(
	context: TestContext,
	url: string,
	fields: ProfileFields = {},
): Promise<void> {
	await context.prepare();
	await context.config().update((config) => ({
		...config,
		currentProfile: 'acme',
		profiles: {
			...config.profiles,
			acme: {
				provider: 'zendesk',
				url,
				email: fields.email === undefined ? 'agent@example.com' : fields.email,
				user: null,
				defaultLocale: 'en',
				agent: {name: fields.agentName ?? null, signature: null, signatures: {}},
				token: null,
				oauth: null,
				views: {},
			},
		},
	}));
}
