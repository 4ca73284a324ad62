import type {HelpDesk, ProviderSetup} from '../help-desk.js';

export type OAuthTokens = NonNullable<ProviderSetup['oauth']>;

export type SignInOptions = {
	readonly clientId: string;
	readonly clientSecret?: string | undefined;
	readonly scopes?: string | undefined;
	/** Loopback port for the redirect; 0 or undefined = any free port. */
	readonly port?: number | undefined;
	readonly timeoutMs?: number | undefined;
	/** Shows the agent the authorization URL (stderr) and where the browser will come back to. */
	readonly announce: (authorizeUrl: string, redirectUri: string) => void;
};

/** How a desk authenticates, for `csr auth status`; never the secret. */
export type AuthInfo = {
	readonly scheme: 'basic' | 'bearer' | 'oauth' | 'none';
	/** Where the secret came from: "$CSR_TOKEN", "the profile token", "`csr auth login`". */
	readonly from: string;
	readonly expiresAt: string | null;
};

export interface InteractiveSignIn {
	/** OAuth authorization code flow with PKCE and a loopback redirect; returns the tokens for the caller to store. */
	signIn(options: SignInOptions, signal?: AbortSignal): Promise<OAuthTokens>;
	/** Revokes the current OAuth access token at the provider (best effort); true when it did. */
	revokeToken(signal?: AbortSignal): Promise<boolean>;
	authInfo(): AuthInfo;
}

export function hasSignIn(desk: HelpDesk): desk is HelpDesk & InteractiveSignIn {
	const candidate = desk as HelpDesk & Partial<InteractiveSignIn>;
	return typeof candidate.signIn === 'function' && typeof candidate.authInfo === 'function';
}
