import {type Instance, render} from 'ink';
import {App} from './app.js';
import type {TuiServices} from './services.js';

export type Terminal = {
	readonly stdin: NodeJS.ReadableStream;
	readonly stdout: NodeJS.WritableStream;
	readonly stderr: NodeJS.WritableStream;
};

/**
 * How Ink draws the workstation (the bench renders with the same). Only changed lines go to the terminal: a cursor
 * step is two lines, which matters over ssh; so frames can come at 120 a second, and the preview that follows a key
 * is not held back a 30 fps frame. Ctrl-C is a key here, so an unsent draft can be asked about first.
 */
export const inkOptions = {
	exitOnCtrlC: false,
	patchConsole: false,
	incrementalRendering: true,
	maxFps: 120,
	// The caller checked for a terminal; CI variables must not switch Ink to print-once mode.
	interactive: true,
} as const;

/** When the caller hears about frames: `onFirstFrame` once the first is drawn, `onFrame` after every frame. */
export type FrameListeners = {onFirstFrame?: () => void; onFrame?: () => void};

/**
 * Draws the workstation on `terminal` and returns Ink's instance; `alternateScreen` is for a real terminal (the bench
 * renders this way too, on a fake one).
 */
export function renderTui(
	services: TuiServices,
	terminal: Terminal,
	options: FrameListeners & {alternateScreen?: boolean} = {},
): Instance {
	let isFirst = true;
	return render(<App services={services} />, {
		stdin: terminal.stdin,
		stdout: terminal.stdout,
		stderr: terminal.stderr,
		...inkOptions,
		alternateScreen: options.alternateScreen ?? true,
		onRender: () => {
			if (isFirst) options.onFirstFrame?.();
			isFirst = false;
			options.onFrame?.();
		},
	});
}

/**
 * Runs the workstation full-screen (the alternate screen, like vim and less) until the agent quits. Ctrl-C is a key
 * here, so an unsent draft can be asked about first.
 */
export async function startTui(services: TuiServices, terminal: Terminal, options: FrameListeners = {}): Promise<void> {
	await renderTui(services, terminal, options).waitUntilExit();
}
