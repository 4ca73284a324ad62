import {ConflictError} from '../../errors.js';
import type {WriteOptions} from '../help-desk.js';

/**
 * The drift check of desks with no conditional update (Freshdesk, Zammad, Help Scout): csr re-reads the ticket right
 * before it writes and refuses when it moved since the agent read it. Best effort: a change between the re-read and
 * the write still slips through, hence `supportsSafeUpdate: false` and the delivery service's own check.
 */
export function refuseIfChanged(what: string, updatedAt: string, options: WriteOptions): void {
	if (options.expectedUpdatedAt === undefined) return;
	if (Date.parse(options.expectedUpdatedAt) === Date.parse(updatedAt)) return;
	throw new ConflictError(`${what} changed since it was read (updated ${updatedAt})`, 'Read it again, or use --force.');
}
