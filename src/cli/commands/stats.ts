import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {globalsOf} from '../globals.js';
import type {StatsFlags} from '../run/stats.js';

export function registerStatsCommand(program: Command, context: Context): void {
	program
		.command('stats')
		.description('KPI snapshot: volumes, backlog, reply and resolution times, CSAT, NPS, CES, agent activity')
		.option('--since <when>', 'start of the window: 30d, 7d, 12h or a date (default 30d before --until)')
		.option('--until <when>', 'end of the window, not included: a date, or 1d (default now)')
		.option('--by <key>', 'also one group per channel, agent, group, day or week (day/week: a chart per KPI)')
		.option('--source <source>', 'helpdesk (everything, default) or records (agent activity from the local log)')
		.option('--no-sync', 'use the cache as it is, even when older than stats.maxCacheAgeMinutes')
		.option('--explain', "print each metric's definition, the data it used and what it left out")
		.addHelpText(
			'after',
			'\nThe window is half-open: --since is included, --until is not. Definitions: docs/KPIS.md.\n\nExamples:\n  csr stats --since 30d --by channel\n  csr stats --since 2026-10-01 --until 2026-11-01 --json\n  csr stats --since 7d --by agent --format csv > agents.csv',
		)
		.action(async (flags: StatsFlags, command: Command) => {
			const {runStats} = await import('../run/stats.js');
			await runStats(flags, globalsOf(command), context);
		});
}
