import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {globalsOf} from '../globals.js';
import type {SurveySendFlags} from '../run/survey.js';

export function registerSurveyCommand(program: Command, context: Context): void {
	const survey = program.command('survey').description('ask customers for feedback (CSAT, NPS, CES)');
	survey
		.command('send')
		.description("post a survey to each ticket in the customer's language, once; tickets surveyed lately are skipped")
		.argument('<ids...>', 'ticket ids, or - to read them from stdin')
		.requiredOption('--kind <kind>', 'csat, nps or ces')
		.option(
			'--url <link>',
			"the survey link; {ticket}, {kind} and {locale} are filled in (default: the desk's own CSAT link on Zendesk, else setting survey.url)",
		)
		.option('--within <span>', 'skip tickets surveyed within this span (default: setting survey.windowDays, 30 days)')
		.option('--force', 'send even to tickets surveyed within the window')
		.option('--dry-run', 'print the messages, send nothing')
		.addHelpText(
			'after',
			'\nExamples:\n  csr config set survey.url "https://survey.example.com/{kind}?ticket={ticket}&lang={locale}"\n  csr survey send 12 13 --kind csat\n  csr queue --status solved --ids | csr survey send - --kind nps',
		)
		.action(async (ids: string[], flags: SurveySendFlags, command: Command) => {
			const {runSurveySend} = await import('../run/survey.js');
			await runSurveySend(ids, flags, globalsOf(command), context);
		});
}
