import {describe, expect, it} from 'vitest';
import {countTouches, type ThreadLine} from '../../../src/kpi/touches.js';

const minute = 60_000;
const line = (minuteAt: number, channel: string, who: 'agent' | 'customer', isPublic = true): ThreadLine => ({
	at: minuteAt * minute,
	channel,
	byAgent: who === 'agent',
	public: isPublic,
});

describe('countTouches (contacts, not lines)', () => {
	it('counts every email reply as a touch, even back to back', () => {
		expect(countTouches([line(0, 'email', 'customer'), line(5, 'email', 'agent'), line(6, 'email', 'agent')])).toBe(2);
	});

	it('counts consecutive chat lines of one session as one touch', () => {
		const chat = [
			line(0, 'chat', 'customer'),
			line(1, 'chat', 'agent'),
			line(2, 'chat', 'agent'),
			line(3, 'chat', 'agent'),
		];
		expect(countTouches(chat)).toBe(1);
		const phone = [line(0, 'phone', 'agent'), line(30, 'phone', 'agent')]; // exactly 30 minutes apart: same session
		expect(countTouches(phone)).toBe(1);
	});

	it('starts a new touch after a customer message, a silence over 30 minutes, or on another channel', () => {
		const thread = [
			line(0, 'chat', 'customer'),
			line(1, 'chat', 'agent'),
			line(2, 'chat', 'agent'),
			line(3, 'chat', 'customer'),
			line(4, 'chat', 'agent'), // after the customer spoke: 2
			line(35, 'chat', 'agent'), // 31 minutes of silence: 3
			line(36, 'phone', 'agent'), // another channel: 4
		];
		expect(countTouches(thread)).toBe(4);
	});

	it('ignores internal notes, and takes the lines in time order', () => {
		const thread = [
			line(3, 'chat', 'agent'),
			line(2, 'chat', 'agent', false),
			line(1, 'chat', 'agent'),
			line(0, 'chat', 'customer'),
		];
		expect(countTouches(thread)).toBe(1);
		expect(countTouches([line(0, 'email', 'customer')])).toBe(0);
		expect(countTouches([])).toBe(0);
	});
});
