import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {globalsOf} from '../globals.js';
import type {
	TemplatesLintFlags,
	TemplatesNewFlags,
	TemplatesRenderFlags,
	TemplatesShowFlags,
} from '../run/templates.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerTemplatesCommand(program: Command, context: Context): void {
	const templates = program
		.command('templates')
		.description('reply templates: list, show, render, create and check them')
		.addHelpText(
			'after',
			'\nTemplates are looked up in ./.csr/templates, then $CSR_CONFIG_DIR/templates, then the built-in library.\n\nExamples:\n  csr templates list\n  csr templates render refund-confirmation --ticket 12 --var order_id=A-1001 --var amount=49.90\n  csr templates new shipping-cost --locale da\n  csr templates lint',
		);
	const load = () => import('../run/templates.js');
	templates
		.command('list', {isDefault: true})
		.description('list templates with their locales and where they come from')
		// `csr templates lsit` reaches the default command: answer "unknown command", not "too many arguments".
		.allowExcessArguments(true)
		.action(async (_flags: unknown, command: Command) => {
			if (command.args.length > 0) (await import('../unknown-command.js')).rejectStrayWords(command, templates);
			await (await load()).runTemplatesList(globalsOf(command), context);
		});
	templates
		.command('show')
		.description('print a template file as it is written')
		.argument('<name>', 'template name')
		.option('--locale <locale>', 'the locale variant (default: NAME.md, English)')
		.action(async (name: string, flags: TemplatesShowFlags, command: Command) => {
			await (await load()).runTemplatesShow(name, flags, globalsOf(command), context);
		});
	templates
		.command('render')
		.description('render a template for a ticket and print the message, without sending it')
		.argument('<name>', 'template name')
		.requiredOption('--ticket <id>', 'the ticket to render for')
		.option('--locale <locale>', "default: the requester's locale, else the profile's, else en")
		.option('--var <key=value>', 'a template variable (repeatable)', collect)
		.action(async (name: string, flags: TemplatesRenderFlags, command: Command) => {
			await (await load()).runTemplatesRender(name, flags, globalsOf(command), context);
		});
	templates
		.command('new')
		.description('create a template skeleton in $CSR_CONFIG_DIR/templates (or ./.csr/templates with --team)')
		.argument('<name>', 'template name: letters, digits, - and _')
		.option('--locale <locale>', 'create the NAME.LOCALE.md variant (default: NAME.md, English)')
		.option('--team', "create it in ./.csr/templates, the team's shared set")
		.option(
			'--from-ticket <id>',
			"draft it from the agent's last reply on a ticket, in the ticket's language, personal data taken out",
		)
		.action(async (name: string, flags: TemplatesNewFlags, command: Command) => {
			await (await load()).runTemplatesNew(name, flags, globalsOf(command), context);
		});
	templates
		.command('suggest')
		.description("rank the templates by how well they fit the customer's words (offline, in their language)")
		.argument('[ticket]', "the ticket whose customer messages to read (its requester's locale, its channel)")
		.option('--text <text>', "the customer's words instead of a ticket (- reads stdin)")
		.option('--locale <locale>', "the language of the words (default: the requester's, else en)")
		.option('--explain', "show the top hit's matched words")
		.option('--limit <n>', 'how many to show', '5')
		.addHelpText(
			'after',
			'\nTemplates are ranked with BM25 over their text and the keywords in their front matter, words stemmed\nfor en, da, sv, nb and de.\n\nExamples:\n  csr templates suggest 12 --explain\n  csr templates suggest --text "Hej, jeg vil gerne returnere mine sko" --locale da',
		)
		.action(async (ticket: string | undefined, flags: {text?: string}, command: Command) => {
			const {runTemplatesSuggest} = await import('../run/templates-suggest.js');
			await runTemplatesSuggest(ticket, flags, globalsOf(command), context);
		});
	templates
		.command('lint')
		.description(
			'check templates: syntax, front matter, unknown variables, missing locale variants, email wording on other channels',
		)
		.argument('[dir]', 'one folder to check (default: every template folder)')
		.option(
			'--locales <list>',
			'locales every template must have (default: en, da, sv, nb, de and any other the folder has)',
		)
		.action(async (dir: string | undefined, flags: TemplatesLintFlags, command: Command) => {
			await (await load()).runTemplatesLint(dir, flags, globalsOf(command), context);
		});
}
