import {Text} from 'ink';
import {cleanup, render} from 'ink-testing-library';
import {useState} from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {createKeyFeed, type KeyPress, noKey, splitInput, splitKeys} from '../../src/tui/key-input.js';
import {keyName} from '../../src/tui/keymap.js';
import {KeyRouter, useKeys} from '../../src/tui/keys.js';

afterEach(() => cleanup());

/** Records every key by its keymap name, and counts downs from state (as the queue moves its cursor). */
function Recorder({names}: {readonly names: string[]}) {
	const [row, setRow] = useState(0);
	const [pane, setPane] = useState<'queue' | 'thread'>('queue');
	const [count, setCount] = useState(0);
	useKeys((input, key) => {
		const name = keyName(input, key);
		names.push(pane === 'thread' ? `thread:${name}` : name);
		setCount((value) => value + 1);
		if (name === 'down') setRow(row + 1);
		if (name === 'tab') setPane(pane === 'queue' ? 'thread' : 'queue');
	});
	return <Text>{`row ${row} pane ${pane} keys ${count}`}</Text>;
}

function renderRecorder() {
	const names: string[] = [];
	const instance = render(
		<KeyRouter>
			<Recorder names={names} />
		</KeyRouter>,
	);
	async function waitFor(text: string): Promise<string> {
		const deadline = Date.now() + 10_000;
		for (;;) {
			const frame = instance.lastFrame() ?? '';
			if (frame.includes(text)) return frame;
			if (Date.now() > deadline) throw new Error(`no frame with ${text}; last: ${frame}`);
			await new Promise((resolve) => setImmediate(resolve));
		}
	}
	return {...instance, names, waitFor};
}

const down = '\u001B[B';

describe('keys that arrive together', () => {
	it('moves four rows for four downs in one write (tmux send-keys Down Down Down Down)', async () => {
		const screen = renderRecorder();
		screen.stdin.write(down.repeat(4));
		await screen.waitFor('keys 4');
		expect(screen.lastFrame()).toContain('row 4');
	});

	it('moves one row per repeat for twenty downs in four chunks', async () => {
		const screen = renderRecorder();
		for (let chunk = 0; chunk < 4; chunk++) screen.stdin.write(down.repeat(5));
		await screen.waitFor('keys 20');
		expect(screen.lastFrame()).toContain('row 20');
	});

	it('gives the key after tab to the pane tab moved to (Tab Home)', async () => {
		const screen = renderRecorder();
		screen.stdin.write('\t\u001B[1~');
		await screen.waitFor('keys 2');
		expect(screen.names).toEqual(['tab', 'thread:home']);
	});

	it('splits a burst of arrows, Home/End, PgUp/PgDn, alt- and ctrl-keys and plain text into single keys', async () => {
		const screen = renderRecorder();
		const burst = [
			'\u001B[A',
			down,
			'\u001B[C',
			'\u001B[D',
			'\u001B[H',
			'\u001B[F',
			'\u001B[1~',
			'\u001B[4~',
			'\u001B[5~',
			'\u001B[6~',
			'\u001Bb',
			'\u001Bf',
			'jk',
			'\u0004',
			'\u0015',
			'G?',
			'\r',
			'\u001B[B',
		].join('');
		screen.stdin.write(burst);
		await screen.waitFor('keys 20');
		expect(screen.names).toEqual([
			'up',
			'down',
			'right',
			'left',
			'home',
			'end',
			'home',
			'end',
			'pageup',
			'pagedown',
			'alt+b',
			'alt+f',
			'j',
			'k',
			'ctrl+d',
			'ctrl+u',
			'G',
			'?',
			'enter',
			'down',
		]);
		expect(screen.lastFrame()).toContain('row 2');
	});

	it('reads Escape then a whole escape sequence in one burst as Escape + the key, not alt (tmux Escape Home)', async () => {
		const screen = renderRecorder();
		// Escape Home, Escape Down, Escape End (SS3), Escape Escape, a real alt-left (xterm), an alt-letter, then a down.
		screen.stdin.write(`\u001B\u001B[1~\u001B${down}\u001B\u001BOF\u001B\u001B\u001B[1;3D\u001Bbj${down}`);
		await screen.waitFor('keys 12');
		expect(screen.names).toEqual([
			'escape',
			'home',
			'escape',
			'down',
			'escape',
			'end',
			'escape',
			'escape',
			'left',
			'alt+b',
			'j',
			'down',
		]);
		expect(screen.lastFrame()).toContain('row 2');
	});

	it('hands a bracketed paste over whole, so it triggers no command keys', async () => {
		const screen = renderRecorder();
		screen.stdin.write('\u001B[200~line one\r\nrq jj\u001B[201~j');
		await screen.waitFor('keys 2');
		expect(screen.names).toEqual(['line one\r\nrq jj', 'j']);
	});
});

describe('splitKeys', () => {
	it('makes each character of a plain run a key: enter, tab, backspace and ctrl bytes included', () => {
		const names = splitKeys('aZ\r\t\u007F\u0005 ', noKey).map(([input, key]) => keyName(input, key));
		expect(names).toEqual(['a', 'Z', 'enter', 'tab', 'backspace', 'ctrl+e', 'space']);
	});

	it('leaves a single key and a modified key alone', () => {
		expect(splitKeys('j', noKey)).toEqual([['j', noKey]]);
		const alt = {...noKey, meta: true};
		expect(splitKeys('b', alt)).toEqual([['b', alt]]);
	});
});

describe('splitInput', () => {
	it('keeps alt on a real alt-arrow and an alt-letter, and drops it only for ESC before a whole sequence', () => {
		const altLeft = {...noKey, leftArrow: true, meta: true};
		expect(splitInput('\u001B[1;3D', '', altLeft)).toEqual([['', altLeft]]);
		const altB = {...noKey, meta: true};
		expect(splitInput('\u001Bb', 'b', altB)).toEqual([['b', altB]]);
		const escapeHome = splitInput('\u001B\u001B[H', '', {...noKey, home: true, meta: true});
		expect(escapeHome.map(([input, key]) => [keyName(input, key), key.meta])).toEqual([
			['escape', false],
			['home', false],
		]);
	});
});

describe('createKeyFeed', () => {
	it('delivers the first key at once and each later one only after a turn', () => {
		const delivered: string[] = [];
		const turns: (() => void)[] = [];
		const feed = createKeyFeed(
			([input]) => {
				delivered.push(input);
			},
			(next) => turns.push(next),
		);
		const press = (input: string): KeyPress => [input, noKey];
		feed.push([press('a'), press('b')]);
		feed.push([press('c')]);
		expect(delivered).toEqual(['a']);
		turns.shift()?.();
		expect(delivered).toEqual(['a', 'b']);
		turns.shift()?.();
		expect(delivered).toEqual(['a', 'b', 'c']);
		turns.shift()?.();
		expect(feed.backlog).toBe(0);
		feed.push([press('d')]);
		expect(delivered).toEqual(['a', 'b', 'c', 'd']);
	});

	it('gives a deferred key again after the next frame, before the keys behind it', () => {
		const delivered: string[] = [];
		const turns: (() => void)[] = [];
		let screen = 'queue';
		const feed = createKeyFeed(
			([input]) => {
				// The queue opened the composer with `r`; until the composer draws, the queue defers what follows.
				if (screen === 'queue' && delivered.includes('queue:r')) return 'later';
				delivered.push(`${screen}:${input}`);
			},
			(next) => turns.push(next),
		);
		feed.push(['r', 'h', 'i'].map((input): KeyPress => [input, noKey]));
		turns.shift()?.();
		expect(delivered).toEqual(['queue:r']);
		screen = 'composer';
		turns.shift()?.();
		turns.shift()?.();
		expect(delivered).toEqual(['queue:r', 'composer:h', 'composer:i']);
	});

	it('drops a key that every screen keeps deferring, and goes on with the next', () => {
		const delivered: string[] = [];
		const feed = createKeyFeed(
			([input]) => {
				if (input === 'x') return 'later';
				delivered.push(input);
			},
			(next) => next(),
		);
		feed.push(['x', 'y'].map((input): KeyPress => [input, noKey]));
		expect(delivered).toEqual(['y']);
	});

	it('keeps going after a handler throws, and drops what is left once stopped', () => {
		const delivered: string[] = [];
		const turns: (() => void)[] = [];
		const feed = createKeyFeed(
			([input]) => {
				delivered.push(input);
				if (input === 'a') throw new Error('boom');
			},
			(next) => turns.push(next),
		);
		expect(() =>
			feed.push([
				['a', noKey],
				['b', noKey],
				['c', noKey],
			]),
		).toThrow('boom');
		turns.shift()?.();
		expect(delivered).toEqual(['a', 'b']);
		feed.stop();
		turns.shift()?.();
		expect(delivered).toEqual(['a', 'b']);
	});
});
