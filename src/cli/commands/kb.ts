import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {globalsOf} from '../globals.js';
import type {KbFlags} from '../run/kb.js';
import type {KbNewFlags} from '../run/knowledge-drafts.js';

export function registerKbCommand(program: Command, context: Context): void {
	const kb = program
		.command('kb')
		.description(
			"search and read the help desk's knowledge base (the demo help center, Zendesk Help Center, Freshdesk solutions)",
		);
	kb.command('search')
		.description('find articles to point a customer to')
		.argument('<text...>', 'words to search for')
		.option(
			'--locale <locale>',
			"the customer's language, e.g. en-us, da, sv: its articles first (Zendesk: only those)",
		)
		.option('--limit <n>', 'at most this many articles (default 10)')
		.addHelpText(
			'after',
			'\nExamples:\n  csr kb search refund policy\n  csr kb search "reset password" --locale da --json',
		)
		.action(async (words: string[], flags: KbFlags, command: Command) => {
			const {runKbSearch} = await import('../run/kb.js');
			await runKbSearch(words.join(' '), flags, globalsOf(command), context);
		});
	kb.command('show')
		.description('print one article: title, language, link and text')
		.argument('<id>', 'article id, as `csr kb search` lists it')
		.option('--link', 'print only "Title: URL", the line the composer\'s ctrl-k inserts (for --var)')
		.addHelpText(
			'after',
			'\nExamples:\n  csr kb show 202\n  csr kb show 202 --json\n  csr reply 12 --template return-instructions --var return_url="$(csr kb show 202 --link)"',
		)
		.action(async (id: string, flags: {link?: boolean}, command: Command) => {
			const {runKbShow} = await import('../run/kb.js');
			await runKbShow(id, globalsOf(command), context, flags.link === true);
		});
	kb.command('new')
		.description(
			'draft an article from a solved ticket, personal data taken out: a draft on Zendesk Help Center or in Freshdesk solutions, a Markdown file in ./.csr/kb on other desks',
		)
		.requiredOption(
			'--from-ticket <id>',
			"the ticket: the customer's messages are the question, the last reply the answer",
		)
		.option('--locale <locale>', "the article's language (default: the requester's)")
		.option(
			'--section <id>',
			'Zendesk Help Center section or Freshdesk solution folder for the draft (default: setting kb.section)',
		)
		.option(
			'--permission-group <id>',
			'Zendesk: the Guide permission group that may edit it (default: setting kb.permissionGroup)',
		)
		.option('--markdown', 'write the Markdown file in ./.csr/kb even where the desk keeps drafts')
		.addHelpText(
			'after',
			'\nExamples:\n  csr kb new --from-ticket 42\n  csr kb new --from-ticket 42 --section 360001234567 --permission-group 56\n  csr kb new --from-ticket 42 --markdown',
		)
		.action(async (flags: KbNewFlags, command: Command) => {
			const {runKbNew} = await import('../run/knowledge-drafts.js');
			await runKbNew(flags, globalsOf(command), context);
		});
}
