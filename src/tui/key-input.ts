import type {Key} from 'ink';

/** One key (or one paste) as the screens receive it. */
export type KeyPress = readonly [input: string, key: Key];

export const noKey: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

/**
 * Ink already cuts escape sequences apart (`ESC[B ESC[B` is two downs) but hands over a run of plain characters as
 * one input (`jj\r` when keys arrive together, as with tmux send-keys, key repeat over ssh, or a paste without
 * bracketed paste). Each character is a key here, so `jj` moves twice, `\r` is enter, `\t` tab, and a control byte
 * (`\x04`) its ctrl key.
 */
export function splitKeys(input: string, key: Key): KeyPress[] {
	const characters = Array.from(input);
	if (characters.length <= 1 || input.includes('\u001B') || key.ctrl || key.meta) return [[input, key]];
	return characters.map((character): KeyPress => {
		if (character === '\r' || character === '\n') return ['', {...noKey, return: true}];
		if (character === '\t') return ['', {...noKey, tab: true}];
		if (character === '\u007F' || character === '\b') return ['', {...noKey, backspace: true}];
		const code = character.charCodeAt(0);
		if (code < 0x20) return [String.fromCharCode(code + 0x60), {...noKey, ctrl: true}];
		return [character, {...noKey, shift: /[A-Z]/.test(character)}];
	});
}

const esc = '\u001B';
const escapeKey: Key = {...noKey, escape: true};

/**
 * Ink reads ESC followed at once by a whole escape sequence (`ESC ESC[H`, as `tmux send-keys Escape Home` or an
 * Escape then an arrow typed fast send it) as one alt-modified key, which loses the Escape. A lone ESC before `ESC[` or
 * `ESC O` is no alt prefix here: it is Escape, then the key. `raw` is the sequence as it came off the terminal; a
 * real alt-arrow (`ESC[1;3D`) and an alt-letter (`ESC b`) keep their alt; two Escapes together are two Escapes.
 */
export function splitInput(raw: string, input: string, key: Key): KeyPress[] {
	if (raw === `${esc}${esc}`)
		return [
			['', escapeKey],
			['', escapeKey],
		];
	if (raw.startsWith(`${esc}${esc}[`) || raw.startsWith(`${esc}${esc}O`))
		return [
			['', escapeKey],
			[input, {...key, meta: false}],
		];
	return splitKeys(input, key);
}

/** Runs `next` once React has rendered what the last key changed: its scheduler runs on setImmediate in Node. */
export type YieldTurn = (next: () => void) => void;

// An immediate alone can run before React's render (it is queued after the key's handler ran); then a timer.
const afterRender: YieldTurn = (next) => {
	setImmediate(() => setTimeout(next, 0));
};

/** What a screen answers to a key: `'later'` when it has already handed over (it closed, or opened another screen)
 * and the key belongs to the screen of the next frame. */
export type KeyOutcome = 'later' | undefined;

// A key no screen takes is dropped after a while (a screen that keeps saying later must not hang the keys): after
// 50 frames and a second and a half (a screen asking the desk first), or after 2000 frames whatever the time.
const minDeferrals = 50;
const maxDeferrals = 2000;
const deferMs = 1500;

/**
 * Hands keys over one at a time, each only after the frame of the one before: a handler reads state from its last
 * render, so four downs delivered in one go would each move from the same row (one row instead of four) and a key
 * after tab would still go to the pane tab left. The first key of a quiet keyboard goes at once. A key the listening
 * screen defers (`'later'`: it left for another screen that has not drawn yet) waits for the next frame, in order.
 */
export function createKeyFeed(
	// biome-ignore lint/suspicious/noConfusingVoidType: a deliverer that defers nothing returns nothing.
	deliver: (press: KeyPress) => KeyOutcome | void,
	yieldTurn: YieldTurn = afterRender,
) {
	const pending: KeyPress[] = [];
	let busy = false;
	let stopped = false;
	let deferrals = 0;
	let deferredSince = 0;
	const pump = (): void => {
		const next = stopped ? undefined : pending.shift();
		if (next === undefined) {
			busy = false;
			return;
		}
		busy = true;
		try {
			const later = deliver(next) === 'later';
			if (later && deferrals === 0) deferredSince = Date.now();
			const waiting = deferrals < minDeferrals || Date.now() - deferredSince < deferMs;
			if (later && waiting && deferrals < maxDeferrals) {
				deferrals++;
				pending.unshift(next);
			} else deferrals = 0;
		} finally {
			yieldTurn(pump);
		}
	};
	return {
		push(presses: readonly KeyPress[]): void {
			pending.push(...presses);
			if (!busy) pump();
		},
		/** Keys not yet handed over (a burst still being worked through). */
		get backlog(): number {
			return pending.length;
		},
		stop(): void {
			stopped = true;
			pending.length = 0;
		},
	};
}
