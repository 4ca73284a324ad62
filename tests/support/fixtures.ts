import {readFileSync} from 'node:fs';

type Json = Record<string, unknown>;

/** A desk's documented payload from tests/fixtures/<desk>/<name>.json. */
export function deskFixture<T = Json>(desk: string, name: string): T {
	return JSON.parse(readFileSync(new URL(`../fixtures/${desk}/${name}.json`, import.meta.url), 'utf8')) as T;
}

/** Picks an error body from a desk's errors.json by the start of its key ("401", "403", "400_validation"). */
export function errorFixtures(desk: string): (prefix: string) => Json {
	const errors = deskFixture<Record<string, Json>>(desk, 'errors');
	return (prefix) => {
		const key = Object.keys(errors).find((candidate) => candidate.startsWith(prefix));
		if (key === undefined) throw new Error(`no ${desk} error fixture ${prefix}`);
		return errors[key] as Json;
	};
}
