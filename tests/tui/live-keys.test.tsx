import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {KeyRouter} from '../../src/tui/keys.js';
import {ActionScreen} from '../../src/tui/screens/action-screen.js';

// Keys are handed over one per frame, but a render can be slow (a loaded machine, React yielding mid-render): the next
// key then runs before the frame of the last. Here every key of a burst runs before any render at all, the worst case;
// a text step must still hold every character typed (a lost space made "it shipstoday" under load).

const noWait = (next: () => void) => next();

async function frameWith(lastFrame: () => string | undefined, text: string): Promise<string> {
	for (let turn = 0; turn < 200; turn++) {
		const frame = lastFrame() ?? '';
		if (frame.includes(text)) return frame;
		await new Promise((resolve) => setImmediate(resolve));
	}
	return lastFrame() ?? '';
}

describe('typing while the screen has not caught up', () => {
	it('keeps every character and every step when a burst of keys lands before any render', async () => {
		const done: (string | null)[] = [];
		const {stdin, lastFrame} = render(
			<KeyRouter yieldTurn={noWait}>
				<ActionScreen
					steps={[
						{kind: 'text', title: 'Subject', placeholder: 'Your order', validate: () => null},
						{kind: 'text', title: 'Message', placeholder: 'Hi', validate: () => null},
					]}
					summary={([subject = '', body = '']) => ({title: 'Check', lines: [`S: ${subject}`, `B: ${body}`]})}
					run={async () => ({text: 'done', tone: 'ok'})}
					onDone={(flash) => done.push(flash?.text ?? null)}
					width={60}
					height={10}
				/>
			</KeyRouter>,
		);
		stdin.write('Your replacement\rHi Nell, it ships today.\r');
		const frame = await frameWith(lastFrame, 'B: ');
		expect(frame).toContain('S: Your replacement');
		expect(frame).toContain('B: Hi Nell, it ships today.');
	});
});
