import type {Command} from 'commander';
import {UsageError} from '../errors.js';

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost 1. */
function editDistance(a: string, b: string): number {
	const d: number[][] = Array.from({length: a.length + 1}, (_, i) =>
		Array.from({length: b.length + 1}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
	);
	const at = (i: number, j: number) => d[i]?.[j] ?? 0;
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
			(d[i] as number[])[j] = best;
		}
	}
	return at(a.length, b.length);
}

/** The closest names to a typo (at most 3 edits and more than 40% alike), as commander suggests options. */
export function closestNames(word: string, candidates: readonly string[]): string[] {
	let best = 4;
	let similar: string[] = [];
	for (const candidate of new Set(candidates)) {
		if (candidate.length <= 1) continue;
		const distance = editDistance(word, candidate);
		const length = Math.max(word.length, candidate.length);
		if ((length - distance) / length <= 0.4) continue;
		if (distance < best) {
			best = distance;
			similar = [candidate];
		} else if (distance === best) similar.push(candidate);
	}
	return similar.sort();
}

/** "unknown command 'queu' (did you mean queue?)", exit 2, with where to look when nothing is close. */
export function unknownCommandError(word: string, parent: Command): UsageError {
	const names = parent.commands.flatMap((command) => [command.name(), ...command.aliases()]);
	const similar = closestNames(word, [...names, 'help']);
	const path = commandPath(parent);
	const suggestion = similar.length === 0 ? '' : ` (did you mean ${similar.join(' or ')}?)`;
	return new UsageError(
		`unknown command '${word}'${path === 'csr' ? '' : ` for '${path}'`}${suggestion}`,
		`Run \`${path} --help\` to see the commands.`,
	);
}

export function commandPath(command: Command): string {
	const names: string[] = [];
	for (let current: Command | null = command; current !== null; current = current.parent) names.unshift(current.name());
	return names.join(' ');
}

/**
 * For a command that also runs on its own (csr, `csr templates` = `templates list`): words it was given are a
 * mistyped subcommand, not arguments ("too many arguments" would be commander's answer).
 */
export function rejectStrayWords(command: Command, parent: Command): void {
	const [word] = command.args;
	if (word !== undefined) throw unknownCommandError(word, parent);
}

/**
 * `csr help [command...]`: the help of `csr command... --help`, on stdout, exit 0. An unknown name gets the same
 * answer as running it would.
 */
export function helpFor(program: Command, words: readonly string[]): void {
	let target = program;
	for (const word of words) {
		const next = target.commands.find((command) => command.name() === word || command.aliases().includes(word));
		if (next === undefined) throw unknownCommandError(word, target);
		target = next;
	}
	target.outputHelp();
}
