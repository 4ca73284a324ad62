import {render} from 'ink';
import {App} from './app.js';
import type {TuiServices} from './services.js';

export type Terminal = {
	readonly stdin: NodeJS.ReadableStream;
	readonly stdout: NodeJS.WritableStream;
	readonly stderr: NodeJS.WritableStream;
};

/**
 * Runs the workstation full-screen (the alternate screen, like vim and less) until the agent quits. Ctrl-C is a key
 * here, so an unsent draft can be asked about first. `onFirstFrame` runs once the first frame is drawn.
 */
export async function startTui(
	services: TuiServices,
	terminal: Terminal,
	options: {onFirstFrame?: () => void} = {},
): Promise<void> {
	let isFirst = true;
	const instance = render(<App services={services} />, {
		stdin: terminal.stdin,
		stdout: terminal.stdout,
		stderr: terminal.stderr,
		exitOnCtrlC: false,
		patchConsole: false,
		alternateScreen: true,
		// Only changed lines go to the terminal: a cursor step is two lines, which matters over ssh.
		incrementalRendering: true,
		// The caller checked for a terminal; CI variables must not switch Ink to print-once mode.
		interactive: true,
		onRender: () => {
			if (!isFirst) return;
			isFirst = false;
			options.onFirstFrame?.();
		},
	});
	await instance.waitUntilExit();
}
