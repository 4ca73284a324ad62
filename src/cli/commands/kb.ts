import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {globalsOf} from '../globals.js';
import type {KbFlags} from '../run/kb.js';

export function registerKbCommand(program: Command, context: Context): void {
	const kb = program.command('kb').description("search the help desk's knowledge base (Zendesk Help Center)");
	kb.command('search')
		.description('find articles to point a customer to')
		.argument('<text...>', 'words to search for')
		.option('--locale <locale>', 'only articles in this language, e.g. en-us, da, sv')
		.option('--limit <n>', 'at most this many articles (default 10)')
		.addHelpText(
			'after',
			'\nExamples:\n  csr kb search refund policy\n  csr kb search "reset password" --locale da --json',
		)
		.action(async (words: string[], flags: KbFlags, command: Command) => {
			const {runKbSearch} = await import('../run/kb.js');
			await runKbSearch(words.join(' '), flags, globalsOf(command), context);
		});
}
