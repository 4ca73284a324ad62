import {defineConfig} from 'vitest/config';

// Only for scripts/bench/50-requests.mjs: the request counts run against the fakes, which are TypeScript.
export default defineConfig({
	test: {include: ['scripts/bench/counts/*.count.ts'], testTimeout: 120_000, pool: 'forks'},
});
