import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {describeRtArticles} from './rt-articles.suite.js';
import {describeRtCreation} from './rt-create.suite.js';
import {describeRtCustomers} from './rt-customers.suite.js';
import {type RtServer, rtInstalled, startRt, stopRt} from './rt-server.js';

/*
 * One real RT 5 for the suites that only add their own data (articles, users, tickets of their own requesters in
 * their own queue): starting RT is the slow part of these tests, so they share one server instead of one each.
 * tests/integration/rt.test.ts keeps its own, because it counts what a whole queue or agent has.
 * Skipped without RT unless CSR_REQUIRE_RT=1 (CI): then the availability test fails.
 */
const installed = rtInstalled();
const required = process.env['CSR_REQUIRE_RT'] === '1';

describe('RT 5 (shared server)', () => {
	it.runIf(required)('has RT installed (CSR_REQUIRE_RT=1)', () => {
		expect(installed, 'RT 5 is not installed: run scripts/install-rt.sh').toBe(true);
	});
});

describe.skipIf(!installed)('RT 5: articles, customers and new tickets on one server', () => {
	let server: RtServer | undefined;
	beforeAll(async () => {
		server = await startRt();
	}, 120_000);
	afterAll(async () => {
		if (server) await stopRt(server.home);
	}, 60_000);
	const shared = (): RtServer => {
		if (server === undefined) throw new Error('RT did not start');
		return server;
	};
	describeRtArticles(shared);
	describeRtCustomers(shared);
	describeRtCreation(shared);
});
