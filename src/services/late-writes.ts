import {setTimeout as sleep} from 'node:timers/promises';
import {InterruptedError} from '../errors.js';
import {collapseWhitespace} from '../text/whitespace.js';
import type {DeliveryEnv} from './delivery.js';

/**
 * What an interrupted attempt left on the desk, if anything. On a desk whose server may still apply a write csr
 * stopped waiting for (killed with the request queued in the server: seen on a real RT 5), an attempt younger than
 * `settleMs` is looked for again, once a second, until it is that old; writing again before then would write twice.
 * `waiting` is said once, before the first pause, with the seconds it may take.
 */
export async function findAfterInterruption<T>(
	env: Pick<DeliveryEnv, 'now' | 'signal' | 'notice'>,
	find: () => Promise<T | null>,
	options: {
		readonly attemptStartedAt: string | null;
		readonly settleMs: number;
		readonly waiting: (seconds: number) => string;
	},
): Promise<T | null> {
	const startedMs = options.attemptStartedAt === null ? Number.NaN : Date.parse(options.attemptStartedAt);
	let told = false;
	for (;;) {
		const found = await find();
		if (found !== null) return found;
		const waitMs = Number.isNaN(startedMs) ? 0 : startedMs + options.settleMs - env.now().getTime();
		if (waitMs <= 0) return null;
		if (!told) {
			told = true;
			env.notice?.(options.waiting(Math.ceil(waitMs / 1000)));
		}
		await sleep(Math.min(1000, waitMs), undefined, {signal: env.signal}).catch((error: unknown) => {
			if (env.signal?.aborted) throw new InterruptedError();
			throw error;
		});
	}
}

/**
 * After a crash or a timeout we cannot know whether the desk got the message. Look for it: an agent message with the
 * same text, written since the attempt started (with slack for clock skew); on a desk that may still apply it
 * (`writesMayLandWithinMs`), for that long after the attempt.
 */
export async function findDeliveredMessage(
	env: DeliveryEnv,
	ticketId: string,
	body: string,
	attemptStartedAt: string | null,
): Promise<string | null> {
	const since = attemptStartedAt === null ? 0 : Date.parse(attemptStartedAt) - 10 * 60_000;
	const wanted = collapseWhitespace(body);
	const look = async () => {
		const thread = await env.desk.getThread(ticketId, env.signal);
		const match = thread.messages.find(
			(message) =>
				message.author.role !== 'customer' &&
				Date.parse(message.createdAt) >= since &&
				collapseWhitespace(message.text) === wanted,
		);
		return match?.id ?? null;
	};
	return findAfterInterruption(env, look, {
		attemptStartedAt,
		settleMs: env.desk.capabilities.writesMayLandWithinMs ?? 0,
		waiting: (seconds) =>
			`the message to #${ticketId} was being sent when the last run stopped; ${env.desk.providerName} may still write it, so csr looks for it for up to ${seconds} s before sending (Ctrl-C stops; nothing is sent twice)`,
	});
}
