import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {globalsOf} from '../globals.js';
import type {ReportFlags} from '../run/report.js';

export function registerReportCommand(program: Command, context: Context): void {
	program
		.command('report')
		.description('write a KPI report to share: one self-contained HTML file with charts')
		.requiredOption('--html <file>', 'the HTML file to write (- for stdout)')
		.option('--since <when>', 'start of the window: 30d, 7d, 12h or a date (default 30d before --until)')
		.option('--until <when>', 'end of the window, not included: a date, or 1d (default now)')
		.option('--by <key>', 'channel, agent, group or day (every report has them all; accepted for symmetry with stats)')
		.option('--no-sync', 'use the cache as it is, even when older than stats.maxCacheAgeMinutes')
		.addHelpText(
			'after',
			'\nThe page needs no network: inline styles and SVG charts, no scripts. Its numbers equal `csr stats --json`\nfor the same window. Definitions: docs/KPIS.md.\n\nExamples:\n  csr report --html kpis.html --since 30d\n  csr report --html october.html --since 2026-10-01 --until 2026-11-01',
		)
		.action(async (flags: ReportFlags, command: Command) => {
			const {runReport} = await import('../run/report.js');
			await runReport(flags, globalsOf(command), context);
		});
}
