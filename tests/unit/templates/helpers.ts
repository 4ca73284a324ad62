import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach} from 'vitest';
import type {Ticket} from '../../../src/domain/ticket.js';
import type {TemplateDir, TemplateOrigin} from '../../../src/templates/lookup.js';

const made: string[] = [];
afterEach(() => {
	for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true});
});

/** A temp folder removed after the test. */
export function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'csr-templates-'));
	made.push(dir);
	return dir;
}

/** A template folder with the given files (name → content). */
export function templateFolder(
	files: Record<string, string>,
	options: {origin?: TemplateOrigin; label?: string; path?: string} = {},
): TemplateDir {
	const path = options.path ?? tempDir();
	mkdirSync(path, {recursive: true});
	for (const [name, text] of Object.entries(files)) writeFileSync(join(path, name), text);
	return {path, origin: options.origin ?? 'user', label: options.label ?? 'my-templates'};
}

export function ticket(overrides: Partial<Ticket> = {}): Ticket {
	return {
		id: '101',
		subject: 'Where is my order?',
		status: 'open',
		priority: 'normal',
		channel: 'email',
		requester: {id: 'u1', name: 'Anna Berg', email: 'anna@example.com', locale: 'da-DK'},
		assignee: null,
		group: null,
		tags: ['vip'],
		createdAt: '2026-03-01T10:00:00.000Z',
		updatedAt: '2026-03-01T10:00:00.000Z',
		slaDueAt: null,
		url: 'https://desk.example.com/tickets/101',
		...overrides,
	};
}

export const agent = {name: 'Sam Agent', email: 'sam@example.com', signature: 'Sam\nCustomer Care'};

/** Noon UTC: the same calendar day in every time zone from UTC-11 to UTC+11. */
export const now = new Date('2026-03-14T12:00:00Z');
