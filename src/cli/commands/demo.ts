import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {globalsOf} from '../globals.js';
import type {DemoResetFlags} from '../run/demo.js';

export function registerDemoCommand(program: Command, context: Context): void {
	const demo = program.command('demo').description('the embedded demo help desk: reset it, or simulate an outage');
	demo
		.command('reset')
		.description('regenerate the demo desk (replaces every demo ticket and change)')
		.option('--tickets <n>', 'how many tickets (default 150; large numbers for benchmarks)')
		.option('--seed <s>', 'random seed: the same seed gives the same desk (default 1)')
		.addHelpText('after', '\nExamples:\n  csr demo reset\n  csr demo reset --tickets 10000 --seed 7')
		.action(async (flags: DemoResetFlags, command: Command) => {
			const {runDemoReset} = await import('../run/demo.js');
			await runDemoReset(flags, globalsOf(command), context);
		});
	demo
		.command('outage')
		.description('simulate the desk being unreachable: while on, every write fails (replies go to the outbox)')
		.argument('<state>', 'on or off')
		.addHelpText('after', '\nExamples:\n  csr demo outage on\n  csr demo outage off')
		.action(async (state: string, _flags: unknown, command: Command) => {
			const {runDemoOutage} = await import('../run/demo.js');
			await runDemoOutage({state}, globalsOf(command), context);
		});
}
