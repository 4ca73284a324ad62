import {describe, expect, it} from 'vitest';
import {formatMinutes} from '../../../src/cli/output/minutes.js';

describe('formatMinutes', () => {
	it('never shows 60 of a smaller unit: it carries into the next one', () => {
		expect(formatMinutes(479.7)).toBe('8h 0m');
		expect(formatMinutes(59.97)).toBe('1h 0m');
		expect(formatMinutes(48 * 60 - 0.2)).toBe('2d 0h');
		expect(formatMinutes(3 * 24 * 60 - 20)).toBe('3d 0h');
	});

	it('keeps tenths under an hour, hours and minutes under two days, then days and hours', () => {
		expect(formatMinutes(null)).toBe('–');
		expect(formatMinutes(42.54)).toBe('42.5m');
		expect(formatMinutes(7 * 60 + 5.2)).toBe('7h 5m');
		expect(formatMinutes(3 * 24 * 60 + 4 * 60 + 10)).toBe('3d 4h');
	});
});
