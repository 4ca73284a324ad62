import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {globalsOf} from '../globals.js';
import type {AuthLoginFlags, AuthLogoutFlags} from '../run/auth.js';

export function registerAuthCommand(program: Command, context: Context): void {
	const auth = program.command('auth').description('sign in to the help desk, check or remove the sign-in');
	auth
		.command('login')
		.description('sign in with OAuth in the browser (Zendesk: authorization code with PKCE)')
		.option('--client-id <id>', 'the OAuth client (default: $CSR_OAUTH_CLIENT_ID or the one used last time)')
		.option('--scopes <scopes>', 'space-separated scopes (default "read write")')
		.option('--port <n>', 'loopback port for the redirect (default: any free port)')
		.option('--timeout <seconds>', 'how long to wait for the browser (default 300)')
		.addHelpText(
			'after',
			'\nThe OAuth client needs the redirect URL http://127.0.0.1:PORT/callback; use --port to match it.\n' +
				'A confidential client also needs its secret in $CSR_OAUTH_CLIENT_SECRET.\n\n' +
				'Examples:\n  csr auth login --client-id csr_cli --port 8765\n  csr --profile acme auth status',
		)
		.action(async (flags: AuthLoginFlags, command: Command) => {
			const {runAuthLogin} = await import('../run/auth.js');
			await runAuthLogin(flags, globalsOf(command), context);
		});
	auth
		.command('status')
		.description('show who csr is signed in as, and how')
		.action(async (_flags: unknown, command: Command) => {
			const {runAuthStatus} = await import('../run/auth.js');
			await runAuthStatus(globalsOf(command), context);
		});
	auth
		.command('logout')
		.description('remove the stored OAuth sign-in of the profile (and revoke the token)')
		.option('--no-revoke', 'only forget the tokens locally')
		.action(async (flags: AuthLogoutFlags, command: Command) => {
			const {runAuthLogout} = await import('../run/auth.js');
			await runAuthLogout(flags, globalsOf(command), context);
		});
}
