import {once} from 'node:events';
import http, {type IncomingHttpHeaders} from 'node:http';
import type {AddressInfo} from 'node:net';

export type RecordedRequest = {
	readonly method: string;
	/** Path with query, as sent. */
	readonly path: string;
	readonly pathname: string;
	readonly query: URLSearchParams;
	readonly headers: IncomingHttpHeaders;
	readonly body: string;
	/** The body's bytes (uploads, multipart). */
	readonly raw: Buffer;
};

export type FakeAnswer = {
	readonly status: number;
	/** Sent as JSON. */
	readonly json?: unknown;
	/** Sent as is (for malformed bodies). */
	readonly body?: string;
	/** Sent as is (file downloads); give a content-type header. */
	readonly bytes?: Uint8Array;
	readonly headers?: Record<string, string>;
	/** Never answer; the connection stays open until the client gives up (timeouts). */
	readonly hang?: boolean;
	/** Close the connection without answering (a dropped connection). */
	readonly drop?: boolean;
};

export type Route = (request: RecordedRequest) => FakeAnswer | undefined | Promise<FakeAnswer | undefined>;

export type FakeServer = {
	readonly url: string;
	readonly requests: RecordedRequest[];
	close(): Promise<void>;
};

/** A real HTTP server on 127.0.0.1:random that records every request and answers through `route` (404 by default). */
export async function startFakeServer(route: Route, host = '127.0.0.1'): Promise<FakeServer> {
	const requests: RecordedRequest[] = [];
	const server = http.createServer(async (incoming, outgoing) => {
		const chunks: Buffer[] = [];
		for await (const chunk of incoming) chunks.push(Buffer.from(chunk as Buffer));
		const raw = Buffer.concat(chunks);
		const body = raw.toString('utf8');
		const path = incoming.url ?? '/';
		const parsed = new URL(path, 'http://fake.invalid');
		const recorded: RecordedRequest = {
			method: incoming.method ?? '',
			path,
			pathname: parsed.pathname,
			query: parsed.searchParams,
			headers: incoming.headers,
			body,
			raw,
		};
		requests.push(recorded);
		let answer: FakeAnswer | undefined;
		try {
			answer = await route(recorded);
		} catch (error) {
			answer = {status: 500, json: {error: 'FakeServerError', description: String(error)}};
		}
		answer ??= {status: 404, json: {error: 'InvalidEndpoint', description: 'Not found'}};
		if (answer.hang) return;
		if (answer.drop) {
			incoming.socket.destroy();
			return;
		}
		const text = answer.body ?? (answer.json === undefined ? '' : JSON.stringify(answer.json));
		outgoing.writeHead(answer.status, {'content-type': 'application/json; charset=utf-8', ...answer.headers});
		outgoing.end(answer.bytes === undefined ? text : Buffer.from(answer.bytes));
	});
	server.listen(0, host);
	await once(server, 'listening');
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://${host}:${port}`,
		requests,
		close: () =>
			new Promise<void>((done) => {
				server.closeAllConnections();
				server.close(() => done());
			}),
	};
}

/** mulberry32: a tiny deterministic generator for seeded chaos and jitter. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let value = state;
		value = Math.imul(value ^ (value >>> 15), value | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
	};
}

export type VirtualClock = {
	now(): number;
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
	random(): number;
	/** Total virtual time slept. */
	sleptMs(): number;
	advance(ms: number): void;
};

/**
 * Time that only moves when someone sleeps (or the test advances it): backoff and Retry-After waits are instant and
 * exactly measurable. Share it between the client and a fake server so both agree on rate-limit windows.
 */
export function createVirtualClock(startMs = Date.parse('2026-03-02T12:00:00Z'), seed = 7): VirtualClock {
	let nowMs = startMs;
	let slept = 0;
	return {
		now: () => nowMs,
		sleep: async (ms, signal) => {
			signal?.throwIfAborted();
			const step = Math.max(0, ms);
			nowMs += step;
			slept += step;
			await new Promise<void>((resolve) => setImmediate(resolve));
		},
		random: seededRandom(seed),
		sleptMs: () => slept,
		advance: (ms) => {
			nowMs += ms;
		},
	};
}
