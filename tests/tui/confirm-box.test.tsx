import {Box} from 'ink';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {ConfirmBox} from '../../src/tui/components/confirm-box.js';

afterEach(() => cleanup());

describe('ConfirmBox', () => {
	it('keeps what and to whom, and the keys, when the facts do not fit the screen', () => {
		const lines = Array.from(
			{length: 30},
			(_, index) => `line ${index + 1} of the forwarded text, long enough to wrap`,
		);
		const {lastFrame} = render(
			<Box height={12} flexDirection="column">
				<ConfirmBox
					title="Forward #258 (1 message) to claims@carrier.example?"
					lines={lines}
					isWorking={false}
					width={40}
				/>
			</Box>,
		);
		const frame = lastFrame() ?? '';
		expect(frame).toContain('claims@carrier.example?');
		expect(frame).toContain('y or enter: do it');
		expect(frame).toContain('line 1 of the');
		expect(frame).not.toContain('line 30');
		expect(frame.split('\n').length).toBeLessThanOrEqual(12);
	});
});
