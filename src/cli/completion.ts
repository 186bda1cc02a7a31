/**
 * Shell completion scripts for bash, zsh and fish, generated from the command data (COMMANDS and
 * the global options). The scripts are static: they complete commands, flags and the fixed
 * vocabularies without running costar, so they work anywhere, with or without a portfolio.
 */
import { DEFAULT_CRITERIA } from '../core/config.js';
import { AREA_TAGS, AVAILABILITY, BENEFIT_KINDS, CHALLENGE_STATUSES, CO_LEVELS, COS, COST_KINDS, INCENTIVE_KINDS, INDICATOR_KINDS, PERSON_KINDS, REVIEWERS, STAKEHOLDERS, STATUSES, WILLINGNESS } from '../core/vocab.js';
import { DOC_KIND_NAMES } from '../generate/kinds.js';
import type { CommandSpec, OptionSpec } from './program.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** What a flag's value or an argument completes to. */
export type Values =
  | { kind: 'text' }
  | { kind: 'words'; words: readonly string[] }
  /** Comma-separated words: `users,staff`. */
  | { kind: 'list'; words: readonly string[] }
  /** `key=value`: first `key=`, then the values (none: free text after `=`). */
  | { kind: 'pairs'; keys: readonly string[]; values: readonly string[] }
  | { kind: 'file' }
  | { kind: 'dir' };

export interface Flag {
  names: string[];
  description: string;
  repeatable: boolean;
  /** The value's name (`format`), absent for a switch. */
  placeholder?: string;
  values?: Values;
}

export interface Arg {
  name: string;
  variadic: boolean;
  values: Values;
}

export interface Node {
  path: string[];
  summary: string;
  flags: Flag[];
  args: Arg[];
  subcommands: Node[];
}

const words = (w: readonly string[]): Values => ({ kind: 'words', words: w });
const TEXT: Values = { kind: 'text' };

const pairs = (keys: readonly string[], values: readonly string[] = []): Values => ({ kind: 'pairs', keys, values });
const GRADES = ['1', '2', '3', '4', '5', '6'];

/**
 * The fixed vocabularies behind options, keyed by command path and long flag. Options may also
 * declare `choices`, which win; many do not, because the command checks the value itself and
 * suggests the nearest. The completion test checks that every key still names an option.
 */
export const OPTION_VALUES: Record<string, Values> = {
  'map add --status': words(STATUSES),
  'map add --co': pairs(COS, CO_LEVELS),
  'map add --how': pairs(COS),
  'explore --co': words(COS),
  'explore --area': words(AREA_TAGS),
  'focus score --set': pairs(DEFAULT_CRITERIA.map((c) => c.id)),
  'focus respond --status': words(CHALLENGE_STATUSES.filter((s) => s !== 'open')),
  'focus add-cost --kind': words(COST_KINDS),
  'focus add-cost --confidence': words(GRADES),
  'focus add-benefit --kind': words(BENEFIT_KINDS),
  'focus add-benefit --confidence': words(GRADES),
  'people add --kind': words(PERSON_KINDS),
  'people add --willingness': words(WILLINGNESS),
  'people add --availability': words(AVAILABILITY),
  'market menu --for': words(STAKEHOLDERS),
  'market menu --kind': words(INCENTIVE_KINDS),
  'market add-incentive --for': words(STAKEHOLDERS),
  'market add-incentive --kind': words(INCENTIVE_KINDS),
  'grow add-indicator --kind': words(INDICATOR_KINDS),
  'grow review --by': { kind: 'list', words: REVIEWERS },
};

/** Values of positional arguments, keyed by command path and argument name. */
export const ARG_VALUES: Record<string, Values> = {
  'generate kind': words(DOC_KIND_NAMES),
  'completion shell': words(SHELLS),
  // `set` also takes the path of a record's file, so file names are the useful completion.
  'set record': { kind: 'file' },
};

const HELP: OptionSpec = { flags: '-h, --help', description: 'show help' };

function parseFlag(o: OptionSpec, key: string): Flag {
  const [names, rest] = [o.flags.replace(/[<[].*$/, ''), /[<[]([^>\]]+(?:\][^>]*)?)[>\]]/.exec(o.flags)?.[1]];
  const flag: Flag = { names: names.split(/[\s,|]+/).filter((n) => n.startsWith('-')), description: o.description, repeatable: Boolean(o.repeatable) };
  if (rest === undefined) return flag;
  const long = flag.names.find((n) => n.startsWith('--')) ?? flag.names[0]!;
  flag.placeholder = rest;
  flag.values = o.choices ? words(o.choices) : OPTION_VALUES[`${key} ${long}`] ?? (rest === 'dir' ? { kind: 'dir' } : rest === 'file' ? { kind: 'file' } : TEXT);
  return flag;
}

function parseArg(a: string, key: string): Arg {
  const name = a.replace(/^[<[]|[>\]]$/g, '').replace(/\.\.\.$/, '');
  const values = ARG_VALUES[`${key} ${name}`] ?? (name === 'dir' ? { kind: 'dir' } : name === 'file' ? { kind: 'file' } : TEXT);
  return { name, variadic: a.includes('...'), values };
}

function toNode(spec: CommandSpec, parent: string[]): Node {
  const path = [...parent, spec.name];
  const key = path.join(' ');
  return {
    path,
    summary: spec.summary,
    flags: [...(spec.options ?? []), HELP].map((o) => parseFlag(o, key)),
    args: (spec.args ?? []).map((a) => parseArg(a, key)),
    subcommands: (spec.subcommands ?? []).map((s) => toNode(s, path)),
  };
}

/** The command tree, with the global options on the root and commander's `help [command]`. */
export function commandTree(commands: readonly CommandSpec[], globals: readonly OptionSpec[]): Node {
  const subcommands = commands.map((c) => toNode(c, []));
  subcommands.push({ path: ['help'], summary: 'show help for a command', flags: [], args: [{ name: 'command', variadic: false, values: words(commands.map((c) => c.name)) }], subcommands: [] });
  return { path: [], summary: 'costar', flags: [...globals, HELP].map((o) => parseFlag(o, '')), args: [], subcommands };
}

/** The root's flags that also apply after a subcommand (all but --version). */
const inherited = (tree: Node) => tree.flags.filter((f) => !f.names.includes('--version'));

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  node.subcommands.forEach((s) => walk(s, visit));
}

export function completionScript(shell: Shell, commands: readonly CommandSpec[], globals: readonly OptionSpec[]): string {
  const tree = commandTree(commands, globals);
  return shell === 'bash' ? bashScript(tree) : shell === 'zsh' ? zshScript(tree) : fishScript(tree);
}

// ---------------------------------------------------------------------------------------------
// bash

/** Single-quoted for POSIX shells. */
const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** `kind=…; vals=…; vals2=…` for the bash and fish helpers. */
function bashValues(v: Values): string {
  switch (v.kind) {
    case 'words':
    case 'list':
      return `kind=${v.kind}; vals=${sq(v.words.join(' '))}`;
    case 'pairs':
      return `kind=pairs; vals=${sq(v.keys.join(' '))}; vals2=${sq(v.values.join(' '))}`;
    default:
      return `kind=${v.kind}`;
  }
}

function bashScript(tree: Node): string {
  const globals = inherited(tree);
  const subs: string[] = [];
  const flags: string[] = [];
  const values: string[] = [];
  const args: string[] = [];
  walk(tree, (n) => {
    const key = n.path.join(' ');
    if (n.subcommands.length) subs.push(`    ${sq(key)}) REPLY=${sq(n.subcommands.map((s) => s.path.at(-1)).join(' '))} ;;`);
    const own = n === tree ? n.flags : [...n.flags.filter((f) => !f.names.includes('--help')), ...globals];
    flags.push(`    ${sq(key)}) REPLY=${sq(own.flatMap((f) => f.names.filter((x) => x.startsWith('--'))).join(' '))} ;;`);
    for (const f of n === tree ? [] : n.flags) if (f.values) values.push(`    ${f.names.map((x) => sq(`${key}|${x}`)).join('|')}) ${bashValues(f.values)} ;;`);
    n.args.forEach((a, i) => {
      const pattern = a.variadic ? `${sq(`${key}|`)}[${i}-9]*` : sq(`${key}|${i}`);
      args.push(`    ${pattern}) ${bashValues(a.values)} ;;`);
    });
  });
  for (const f of globals) if (f.values) values.push(`    ${f.names.map((x) => `*${sq(`|${x}`)}`).join('|')}) ${bashValues(f.values)} ;;`);
  return `# bash completion for costar, generated by \`costar completion bash\`.
# Try it:        source <(costar completion bash)
# Keep it:       costar completion bash > ~/.local/share/bash-completion/completions/costar

# Subcommands of a command path.
_costar_subs() {
  case $1 in
${subs.join('\n')}
    *) REPLY='' ;;
  esac
}

# Flags of a command path (long forms; short ones still work when typed).
_costar_flags() {
  case $1 in
${flags.join('\n')}
    *) REPLY='' ;;
  esac
}

# Sets kind (text words list pairs file dir) and vals for "path|flag"; fails for a switch.
_costar_value() {
  case $1 in
${values.join('\n')}
    *) return 1 ;;
  esac
}

# The same for "path|n", the n-th positional argument (from 0).
_costar_arg() {
  case $1 in
${args.join('\n')}
    *) return 1 ;;
  esac
}

# Fills COMPREPLY with whole words for the value typed so far ($1), from kind and vals.
_costar_values() {
  local v=$1 head w left=
  case $kind in
    words) COMPREPLY=($(compgen -W "$vals" -- "$v")) ;;
    list)
      head=
      [[ $v == *,* ]] && head=\${v%,*},
      for w in $vals; do
        [[ ,$head == *,$w,* ]] || left+=" $w"
      done
      COMPREPLY=($(compgen -P "$head" -W "$left" -- "\${v##*,}")) ;;
    pairs)
      if [[ $v == *=* ]]; then
        COMPREPLY=($(compgen -P "\${v%%=*}=" -W "$vals2" -- "\${v#*=}"))
      else
        COMPREPLY=($(compgen -S = -W "$vals" -- "$v"))
        nospace=1
      fi ;;
    file | dir)
      local IFS=$'\\n'
      COMPREPLY=($(compgen -"\${kind:0:1}" -- "$v"))
      filenames=1 ;;
    *) COMPREPLY=() ;;
  esac
}

_costar() {
  local IFS=$' \\t\\n' REPLY w i n join=0 cmd= pos=0 expect= kind= vals= vals2= prefix= cur full nospace=0 filenames=0
  local -a words=()
  # Put back together the words that bash split at "=" (COMP_WORDBREAKS): --co co-design=pot.
  for ((i = 1; i <= COMP_CWORD; i++)); do
    w=\${COMP_WORDS[i]}
    n=\${#words[@]}
    if [[ $w == = ]] && ((n > 0)); then
      words[n-1]+='='
      join=1
    elif ((join)); then
      words[n-1]+=$w
      join=0
    else
      words+=("$w")
    fi
  done
  n=\${#words[@]}
  ((n)) || words=('') n=1
  cur=\${words[n-1]}
  # Find the command path, skipping the values of flags.
  for ((i = 0; i < n - 1; i++)); do
    w=\${words[i]}
    if [[ -n $expect ]]; then
      expect=
      continue
    fi
    case $w in
      -*=*) ;;
      -*) _costar_value "$cmd|$w" && expect=1 ;;
      *)
        _costar_subs "$cmd"
        if ((pos == 0)) && [[ " $REPLY " == *" $w "* ]]; then
          cmd=\${cmd:+$cmd }$w
        else
          ((pos++))
        fi ;;
    esac
  done
  if [[ -n $expect ]]; then
    _costar_value "$cmd|\${words[n-2]}"
  elif [[ $cur == -*=* ]] && _costar_value "$cmd|\${cur%%=*}"; then
    prefix=\${cur%%=*}=
    cur=\${cur#*=}
  elif [[ $cur == -* ]]; then
    _costar_flags "$cmd"
    kind=words vals=$REPLY
  else
    _costar_subs "$cmd"
    if ((pos == 0)) && [[ -n $REPLY ]]; then
      kind=words vals=$REPLY
    elif ! _costar_arg "$cmd|$pos"; then
      _costar_flags "$cmd"
      kind=words vals=$REPLY
    fi
  fi
  _costar_values "$cur"
  full=$prefix$cur
  if [[ -n $prefix ]] && ((\${#COMPREPLY[@]})); then COMPREPLY=("\${COMPREPLY[@]/#/$prefix}"); fi
  # Readline replaces only the text after the last "=", so the replies must too.
  if [[ $COMP_WORDBREAKS == *=* && $full == *=* ]] && ((\${#COMPREPLY[@]})); then
    w=\${full%"\${full##*=}"}
    COMPREPLY=("\${COMPREPLY[@]#"$w"}")
  fi
  ((nospace)) && compopt -o nospace 2>/dev/null
  ((filenames)) && compopt -o filenames 2>/dev/null
  return 0
}

complete -F _costar costar
`;
}

// ---------------------------------------------------------------------------------------------
// zsh

/** Text inside an _arguments description: brackets and colons need a backslash. */
const zdesc = (s: string) => s.replace(/([\\[\]:])/g, '\\$1');
const zname = (path: string[]) => `_costar${path.map((p) => `_${p.replace(/[^A-Za-z0-9]/g, '_')}`).join('')}`;

function zshAction(v: Values): string {
  switch (v.kind) {
    case 'words':
      return `(${v.words.join(' ')})`;
    case 'list':
      return `_sequence compadd - ${v.words.join(' ')}`;
    case 'pairs':
      return `{_costar_pairs ${sq(v.keys.join(' '))} ${sq(v.values.join(' '))}}`;
    case 'file':
      return '_files';
    case 'dir':
      return '_files -/';
    default:
      return ' ';
  }
}

function zshFlag(f: Flag): string[] {
  const exclusive = !f.repeatable && f.names.length > 1 ? `(${f.names.join(' ')})` : '';
  return f.names.map((name) => {
    const value = f.values ? `:${zdesc(f.placeholder!.replace(/:/g, ''))}:${zshAction(f.values)}` : '';
    return sq(`${f.repeatable ? '*' : exclusive}${name}[${zdesc(f.description)}]${value}`);
  });
}

function zshScript(tree: Node): string {
  const functions: string[] = [];
  const globals = inherited(tree).flatMap(zshFlag);
  walk(tree, (n) => {
    const own = (n === tree ? tree.flags.filter((f) => !inherited(tree).includes(f)) : n.flags.filter((f) => !f.names.includes('--help'))).flatMap(zshFlag);
    const specs = ['$_costar_globals', ...own];
    let body: string;
    if (n.subcommands.length) {
      const described = n.subcommands.map((s) => sq(`${s.path.at(-1)}:${s.summary}`));
      const cases = n.subcommands.map((s) => `        ${sq(s.path.at(-1)!)}) ${zname(s.path)} ;;`);
      body = `  local curcontext=$curcontext state state_descr line ret=1
  local -a subcommands
  typeset -A opt_args
  _arguments -C -s ${specs.join(' \\\n    ')} \\
    ': :->command' \\
    '*:: :->argument' && return
  case $state in
    command)
      subcommands=(
        ${described.join('\n        ')}
      )
      _describe -t commands ${sq(`costar${n.path.map((p) => ` ${p}`).join('')} command`)} subcommands && ret=0 ;;
    argument)
      curcontext=\${curcontext%:*:*}:costar-$words[1]:
      case $words[1] in
${cases.join('\n')}
      esac ;;
  esac
  return ret`;
    } else {
      const args = n.args.map((a, i) => sq(`${a.variadic ? '*' : `${i + 1}`}:${zdesc(a.name)}:${zshAction(a.values)}`));
      body = `  _arguments -s ${[...specs, ...args].join(' \\\n    ')}`;
    }
    functions.push(`${zname(n.path)}() {\n${body}\n}`);
  });
  return `#compdef costar
# zsh completion for costar, generated by \`costar completion zsh\`.
# Try it:        source <(costar completion zsh)     (after compinit)
# Keep it:       costar completion zsh > "\${fpath[1]}/_costar"   then start a new shell

_costar_globals=(
  ${globals.join('\n  ')}
)

# key=value words: first the keys (with "="), then the values after "=".
_costar_pairs() {
  local -a keys values
  keys=(\${=1})
  values=(\${=2})
  if compset -P '*='; then
    (( $#values )) && compadd -a values
  else
    compadd -S = -a keys
  fi
}

${functions.join('\n\n')}

# Autoloaded from fpath this file is the body of _costar; sourced, it registers _costar.
if [[ $funcstack[1] == _costar ]]; then
  _costar "$@"
else
  compdef _costar costar
fi
`;
}

// ---------------------------------------------------------------------------------------------
// fish

/** Single-quoted for fish, where \\ and \\' are escapes inside single quotes. */
const fq = (s: string) => `'${s.replace(/[\\']/g, '\\$&')}'`;

/** Values labelled with what they are (`status`), rather than the flag's whole description. */
function fishValues(v: Values, label: string): string {
  switch (v.kind) {
    case 'words':
      return `-f -a ${fq(`(__costar_words ${sq(label)} ${v.words.join(' ')})`)}`;
    case 'list':
      return `-f -a ${fq(`(__costar_list ${sq(label)} ${v.words.join(' ')})`)}`;
    case 'pairs':
      return `-f -a ${fq(`(__costar_pairs ${sq(label)} ${sq(v.keys.join(' '))} ${sq(v.values.join(' '))})`)}`;
    case 'file':
      return '-F';
    case 'dir':
      return `-f -a ${fq('(__fish_complete_directories)')}`;
    default:
      return '-f';
  }
}

function fishScript(tree: Node): string {
  const subs: string[] = [];
  const valueFlags: string[] = [];
  const lines: string[] = [];
  const fishFlag = (f: Flag) => f.names.map((x) => (x.startsWith('--') ? `-l ${x.slice(2)}` : `-s ${x.slice(1)}`)).join(' ');
  walk(tree, (n) => {
    const key = n.path.join(' ');
    const own = n === tree ? n.flags : n.flags.filter((f) => !f.names.includes('--help'));
    const takes = [...own, ...(n === tree ? [] : inherited(tree))].filter((f) => f.values).flatMap((f) => f.names);
    valueFlags.push(`        case ${fq(key)}\n            echo ${takes.join(' ')}`);
    if (n.subcommands.length) {
      subs.push(`        case ${fq(key)}\n            echo ${n.subcommands.map((s) => s.path.at(-1)).join(' ')}`);
      lines.push(`# ${key || 'costar'}: subcommands`);
      for (const s of n.subcommands) lines.push(`complete -c costar -n ${fq(`__costar_at ${sq(key)} 0`)} -f -a ${fq(s.path.at(-1)!)} -d ${fq(s.summary)}`);
    }
    if (own.length) lines.push(`# ${key || 'costar'}: flags`);
    for (const f of own) {
      const cond = n === tree && inherited(tree).includes(f) ? '' : `-n ${fq(`__costar_in ${sq(key)}`)} `;
      lines.push(`complete -c costar ${cond}${fishFlag(f)}${f.values ? ` -r ${fishValues(f.values, f.placeholder!)}` : ''} -d ${fq(f.description)}`);
    }
    n.args.forEach((a, i) => {
      const at = a.variadic ? `__costar_at ${sq(key)} ${i}+` : `__costar_at ${sq(key)} ${i}`;
      if (a.values.kind !== 'text') lines.push(`complete -c costar -n ${fq(at)} ${fishValues(a.values, a.name)}`);
    });
  });
  return `# fish completion for costar, generated by \`costar completion fish\`.
# Try it:        costar completion fish | source
# Keep it:       costar completion fish > ~/.config/fish/completions/costar.fish

function __costar_subs --description 'subcommands of a costar command path'
    switch $argv[1]
${subs.join('\n')}
    end
end

function __costar_value_flags --description 'flags of a costar command path that take a value'
    switch $argv[1]
${valueFlags.join('\n')}
    end
end

# Prints the command path, then the number of positional arguments after it.
function __costar_state
    set -l path
    set -l pos 0
    set -l skip 0
    set -l tokens (commandline -opc)
    set -e tokens[1]
    for t in $tokens
        if test $skip = 1
            set skip 0
            continue
        end
        switch $t
            case '-*=*'
            case '-*'
                if contains -- $t (string split ' ' -- (__costar_value_flags "$path"))
                    set skip 1
                end
            case '*'
                if test $pos = 0; and contains -- $t (string split ' ' -- (__costar_subs "$path"))
                    set path (string trim -- "$path $t")
                else
                    set pos (math $pos + 1)
                end
        end
    end
    echo "$path"
    echo $pos
end

# True when the command path is $argv[1] (any number of positionals).
function __costar_in
    set -l state (__costar_state)
    test "$state[1]" = "$argv[1]"
end

# True when the command path is $argv[1] with $argv[2] positionals typed ("2+": at least 2).
function __costar_at
    set -l state (__costar_state)
    test "$state[1]" = "$argv[1]"; or return 1
    switch $argv[2]
        case '*+'
            test $state[2] -ge (string trim -c + -- $argv[2])
        case '*'
            test $state[2] = $argv[2]
    end
end

# Words, each labelled: __costar_words LABEL WORD...
function __costar_words
    for w in $argv[2..-1]
        printf '%s\\t%s\\n' $w $argv[1]
    end
end

# key=value words: the keys with "=", then each value after the key typed.
function __costar_pairs
    set -l token (commandline -ct)
    if string match -q -- '*=*' $token
        set -l key (string split -m 1 = -- $token)[1]
        for v in (string split -n ' ' -- $argv[3])
            printf '%s=%s\\t%s\\n' $key $v $argv[1]
        end
    else
        for k in (string split -n ' ' -- $argv[2])
            printf '%s=\\t%s\\n' $k $argv[1]
        end
    end
end

# Comma-separated lists: complete the last item with those not yet in the list.
function __costar_list
    set -l token (commandline -ct)
    set -l head (string replace -r '[^,]*$' '' -- $token)
    set -l taken (string split -n , -- $head)
    for w in $argv[2..-1]
        contains -- $w $taken; or printf '%s%s\\t%s\\n' $head $w $argv[1]
    end
end

complete -c costar -e
complete -c costar -f
${lines.join('\n')}
`;
}
