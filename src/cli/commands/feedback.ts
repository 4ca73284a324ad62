import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {globalsOf} from '../globals.js';
import type {FeedbackFlags} from '../run/feedback.js';

export function registerFeedbackCommand(program: Command, context: Context): void {
	program
		.command('feedback')
		.description('bad CSAT ratings, NPS detractors and hard CES answers, with the comment, ticket, channel and agent')
		.option('--since <when>', 'answers given since: 7d, 2w, a date', '7d')
		.option('--bad', 'bad CSAT ratings')
		.option('--detractors', 'NPS detractors (0–6)')
		.option('--hard', 'hard CES answers (1–3 on the 1–7 scale)')
		.option('--followup <span>', 'create a callback follow-up due after this long for each (once per answer)')
		.addHelpText(
			'after',
			'\nWithout --bad, --detractors or --hard, all three are listed.\n\nExamples:\n  csr feedback --since 7d\n  csr feedback --bad --json\n  csr feedback --bad --detractors --followup 1d',
		)
		.action(async (flags: FeedbackFlags, command: Command) => {
			const {runFeedback} = await import('../run/feedback.js');
			await runFeedback(flags, globalsOf(command), context);
		});
}
