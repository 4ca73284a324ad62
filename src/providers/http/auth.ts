/** How a provider authenticates. Freshdesk uses basic (api key), RT a token header, Zendesk bearer or basic. */
export type Credentials =
	| {readonly scheme: 'bearer'; readonly token: string}
	| {readonly scheme: 'basic'; readonly username: string; readonly password: string}
	| {readonly scheme: 'header'; readonly name: string; readonly value: string};

/** Where the HTTP client gets credentials; an OAuth source refreshes expired tokens behind `current()`. */
export type CredentialSource = {
	/** The credentials to send now, or null for none. */
	current(signal?: AbortSignal): Promise<Credentials | null>;
	/** After a 401: get new credentials if possible. true = worth one more try. */
	refreshAfterUnauthorized?(signal?: AbortSignal): Promise<boolean>;
	/** Every secret string that must never reach a log line or an error message. */
	secrets(): readonly string[];
	/** For --verbose: "bearer", "basic (agent@example.com)"; never the secret. */
	describe(): string;
};

export function staticCredentials(credentials: Credentials | null): CredentialSource {
	return {
		current: async () => credentials,
		secrets: () => (credentials === null ? [] : secretsOf(credentials)),
		describe: () => (credentials === null ? 'none' : describeCredentials(credentials)),
	};
}

/** The header that carries the credentials. */
export function authorizationHeader(credentials: Credentials): {name: string; value: string} {
	switch (credentials.scheme) {
		case 'bearer':
			return {name: 'authorization', value: `Bearer ${credentials.token}`};
		case 'basic':
			return {
				name: 'authorization',
				value: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`,
			};
		case 'header':
			return {name: credentials.name.toLowerCase(), value: credentials.value};
	}
}

/** The raw secrets and the forms they take on the wire (base64 for basic), for redaction. */
export function secretsOf(credentials: Credentials): string[] {
	const header = authorizationHeader(credentials).value;
	switch (credentials.scheme) {
		case 'bearer':
			return [credentials.token, header];
		case 'basic':
			return [credentials.password, header, header.slice('Basic '.length)];
		case 'header':
			return [credentials.value];
	}
}

export function describeCredentials(credentials: Credentials): string {
	switch (credentials.scheme) {
		case 'bearer':
			return 'bearer token';
		case 'basic':
			// The username can be "agent@example.com/token": keep only the part before the slash.
			return `basic (${credentials.username.split('/')[0]})`;
		case 'header':
			return `${credentials.name} header`;
	}
}
