import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {UsageError} from '../../errors.js';

type Entry = {path: string[]; options: string[]};

function walk(command: Command, path: string[]): Entry[] {
	const options = command.options.map((option) => option.long ?? option.short ?? '').filter((flag) => flag !== '');
	return [{path, options}, ...command.commands.flatMap((sub) => walk(sub, [...path, sub.name()]))];
}

function bashScript(entries: Entry[]): string {
	const childrenOf = (entry: Entry) =>
		entries
			.filter(
				(other) =>
					other.path.length === entry.path.length + 1 && other.path.slice(0, -1).join(' ') === entry.path.join(' '),
			)
			.map((other) => other.path.at(-1));
	const children = entries
		.map((entry) => `    "${entry.path.join(' ')}") echo "${childrenOf(entry).join(' ')}" ;;`)
		.join('\n');
	const options = entries
		.map((entry) => `    "${entry.path.join(' ')}") echo "${entry.options.join(' ')}" ;;`)
		.join('\n');
	return `# csr bash completion: eval "$(csr completion bash)"
_csr_children() {
  case "$1" in
${children}
  esac
}
_csr_options() {
  case "$1" in
${options}
  esac
}
_csr() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" path="" word
  for word in "\${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case "$word" in -*) continue ;; esac
    case " $(_csr_children "$path") " in *" $word "*) path="\${path:+$path }$word" ;; esac
  done
  COMPREPLY=( $(compgen -W "$(_csr_children "$path") $(_csr_options "$path") $(_csr_options "")" -- "$cur") )
}
complete -F _csr csr
`;
}

function zshScript(): string {
	return `#compdef csr
# csr zsh completion: eval "$(csr completion zsh)"
autoload -U bashcompinit && bashcompinit
source <(csr completion bash)
`;
}

function fishScript(entries: Entry[]): string {
	const lines = ['# csr fish completion: csr completion fish | source', 'complete -c csr -f'];
	for (const entry of entries.filter((candidate) => candidate.path.length === 1)) {
		lines.push(`complete -c csr -n __fish_use_subcommand -a ${entry.path[0]}`);
	}
	for (const entry of entries.filter((candidate) => candidate.path.length === 2)) {
		lines.push(`complete -c csr -n '__fish_seen_subcommand_from ${entry.path[0]}' -a ${entry.path[1]}`);
	}
	return `${lines.join('\n')}\n`;
}

export function registerCompletionCommand(program: Command, context: Context): void {
	program
		.command('completion')
		.description('print a shell completion script')
		.argument('<shell>', 'bash, zsh or fish')
		.addHelpText('after', '\nExamples:\n  eval "$(csr completion bash)"\n  csr completion fish | source')
		.action((shell: string) => {
			const entries = walk(program, []);
			if (shell === 'bash') context.io.stdout.write(bashScript(entries));
			else if (shell === 'zsh') context.io.stdout.write(zshScript());
			else if (shell === 'fish') context.io.stdout.write(fishScript(entries));
			else throw new UsageError(`unknown shell "${shell}": expected bash, zsh or fish`);
		});
}
