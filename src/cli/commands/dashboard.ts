import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {globalsOf} from '../globals.js';
import type {DashboardFlags} from '../run/dashboard.js';

export function registerDashboardCommand(program: Command, context: Context): void {
	program
		.command('dashboard')
		.description('a live board for team leads: open tickets per agent and group, SLA targets in the next hour, today')
		.option('--interval <time>', 'how often to sync the desk and redraw: 30s, 2m (default 30s, at least 5s)')
		.option('--no-sync', 'show the KPI cache as it is, without syncing the desk')
		.addHelpText(
			'after',
			'\nKeys: ↑/↓ (k/j) select a row, enter the tickets behind it, g refresh now, q or esc back or quit.\nDefinitions: docs/KPIS.md (csr dashboard).\n\nExamples:\n  csr dashboard\n  csr dashboard --interval 1m --profile acme',
		)
		.action(async (flags: DashboardFlags, command: Command) => {
			const {runDashboard} = await import('../run/dashboard.js');
			await runDashboard(flags, globalsOf(command), context);
		});
}
