import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {globalsOf} from '../globals.js';
import type {ProfileAddFlags} from '../run/profile.js';

export function registerProfileCommand(program: Command, context: Context): void {
	const profile = program.command('profile').description('help desk profiles: add, list, use, remove, test');
	profile
		.command('add')
		.description('add or replace a profile')
		.argument('<name>', 'profile name (letters, digits, - and _)')
		.requiredOption('--provider <provider>', 'demo, zendesk, freshdesk, rt, zammad or helpscout')
		.option(
			'--url <url>',
			'the help desk URL (https://; http:// only for loopback); Help Scout: the API base, default https://api.helpscout.net',
		)
		.option('--email <email>', 'your agent email on the desk')
		.option('--user <user>', 'your user name (Request Tracker; Zammad basic auth)')
		.option('--locale <locale>', 'default template locale (en, da, sv, nb, de)')
		.option('--agent-name <name>', 'your name as it appears in templates')
		.option('--signature <text>', 'your signature for templates (\\n for a line break)')
		.option(
			'--signature-for <locale=text>',
			'your signature for templates in one locale, e.g. "da=Anna\\nKundeservice" (repeatable)',
			(value: string, previous: string[] = []) => [...previous, value],
		)
		.option('--token-stdin', 'read an API token from stdin and store it in the 0600 config')
		.option('--use', 'make it the current profile')
		.addHelpText(
			'after',
			'\nExamples:\n  csr profile add acme --provider zendesk --url https://acme.zendesk.com --email me@acme.com --use\n  printf %s "$TOKEN" | csr profile add acme --provider zendesk --url https://acme.zendesk.com --token-stdin',
		)
		.action(async (name: string, flags: ProfileAddFlags, command: Command) => {
			const {runProfileAdd} = await import('../run/profile.js');
			await runProfileAdd(name, flags, globalsOf(command), context);
		});
	profile
		.command('list')
		.description('list profiles (tokens are never shown)')
		.action(async (_flags: unknown, command: Command) => {
			const {runProfileList} = await import('../run/profile.js');
			await runProfileList(globalsOf(command), context);
		});
	profile
		.command('use')
		.description('make a profile the current one')
		.argument('<name>')
		.action(async (name: string, _flags: unknown, command: Command) => {
			const {runProfileUse} = await import('../run/profile.js');
			await runProfileUse(name, globalsOf(command), context);
		});
	profile
		.command('remove')
		.description('remove a profile and its stored token')
		.argument('<name>')
		.action(async (name: string, _flags: unknown, command: Command) => {
			const {runProfileRemove} = await import('../run/profile.js');
			await runProfileRemove(name, globalsOf(command), context);
		});
	profile
		.command('test')
		.description('check that a profile reaches its desk with real access')
		.argument('[name]', 'profile (default: the active one)')
		.action(async (name: string | undefined, _flags: unknown, command: Command) => {
			const {runProfileTest} = await import('../run/profile.js');
			await runProfileTest(name, globalsOf(command), context);
		});
}
