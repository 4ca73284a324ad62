import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {globalsOf} from '../globals.js';
import type {QueueFlags} from '../run/queue.js';

export function registerQueueCommand(program: Command, context: Context): void {
	program
		.command('queue')
		.description('list the ticket queue, most urgent first')
		.option(
			'--view <name|id>',
			"a view: the profile config's, one saved in the TUI (V, s) or with --save-view, a built-in one, or a help desk view id",
		)
		.option('--save-view <name>', 'save this filter (--view and the flags given) as a view the TUI lists under V')
		.option('--status <list>', 'comma-separated: new,open,pending,on-hold,solved,closed (default new,open,pending)')
		.option('--assignee <who>', 'me, none, any or an agent email (default any)')
		.option('--group <name>', 'only this group')
		.option('--priority <list>', 'comma-separated: low,normal,high,urgent')
		.option('--channel <list>', 'comma-separated: email,chat,phone,social,web,api,review,sms,other')
		.option('--tag <tag>', 'only tickets with this tag (repeatable)', (value: string, previous: string[] = []) => [
			...previous,
			value,
		])
		.option('--search <text>', 'free text in subject, requester or thread')
		.option('--requester <email>', 'only tickets this customer requested')
		.option('--sort <key>', 'urgency, priority, updated or created (default urgency)')
		.option('--limit <n>', 'at most this many tickets (default 50)')
		.option('--all', 'every matching ticket (follows pages)')
		.option('--ids', 'print one ticket id a line (for pipes): every matching ticket unless --limit is given')
		.addHelpText(
			'after',
			'\nExamples:\n  csr queue --status open --assignee me\n  csr queue --tag outage --ids | csr reply - --template outage-notice --yes\n  csr queue --all --format csv > queue.csv\n  csr queue --status pending --tag vip --save-view "vip waiting"   (then: csr queue --view "vip waiting", or V in the TUI)\n  csr queue --view "SLA breached"   (built in: "my open", "unassigned", "SLA breached", "pending over 3 days")',
		)
		.action(async (flags: QueueFlags, command: Command) => {
			const {runQueue} = await import('../run/queue.js');
			await runQueue(flags, globalsOf(command), context);
		});
}
