/**
 * `costar completion`: the scripts come from the real CLI (run where there is no portfolio) and are
 * exercised in the shells themselves: bash through its completion function, fish through
 * `complete -C`, zsh at a real prompt in tmux. Shells that are not installed are skipped.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARG_VALUES, commandTree, OPTION_VALUES, type Node } from '../../src/cli/completion/index.js';
import { buildProgram, COMMANDS } from '../../src/cli/program.js';
import { CO_LEVELS, COS, STATUSES } from '../../src/core/vocab.js';
import { tempDir } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';
import { hasTmux, tmuxServer } from '../helpers/pty.js';

const has = (cmd: string) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
const dir = tempDir('costar-completion-');
const scripts: Record<string, string> = {};

beforeAll(async () => {
  for (const shell of ['bash', 'zsh', 'fish']) {
    const r = await costarIn(['completion', shell], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    scripts[shell] = join(dir, `costar.${shell}`);
    writeFileSync(scripts[shell], r.stdout);
  }
  mkdirSync(join(dir, 'portfolio', 'initiatives'), { recursive: true });
  writeFileSync(join(dir, 'portfolio', 'initiatives', 'walks.yaml'), 'id: walks\n');
});

function walk(n: Node, visit: (n: Node) => void): void {
  visit(n);
  n.subcommands.forEach((s) => walk(s, visit));
}

describe('costar completion', () => {
  it('rejects an unknown shell with a usage error naming the shells', async () => {
    const r = await costarIn(['completion', 'tcsh'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bash, zsh, fish');
    expect((await costarIn(['completion'], { cwd: dir })).code).toBe(2);
  });

  it('keeps its vocabulary tables in step with the commands', () => {
    const tree = commandTree(COMMANDS, buildProgram().options.map((o) => ({ flags: o.flags, description: o.description })));
    const flags = new Set<string>();
    const args = new Set<string>();
    walk(tree, (n) => {
      for (const f of n.flags) for (const name of f.names) flags.add(`${n.path.join(' ')} ${name}`);
      for (const a of n.args) args.add(`${n.path.join(' ')} ${a.name}`);
    });
    expect(Object.keys(OPTION_VALUES).filter((k) => !flags.has(k))).toEqual([]);
    expect(Object.keys(ARG_VALUES).filter((k) => !args.has(k))).toEqual([]);
    // The global flags are those commander parses.
    expect([...flags].filter((k) => k.startsWith(' ')).sort()).toEqual(
      ['-C', '--portfolio', '--no-input', '--no-color', '--verbose', '-V', '--version', '-h', '--help'].map((f) => ` ${f}`).sort(),
    );
  });
});

describe.runIf(has('bash'))('bash', () => {
  /** Calls _costar as bash would (words split at "=", as COMP_WORDBREAKS has it by default); the replies of each case. */
  function complete(cases: string[][]): string[][] {
    const calls = cases.map((words) => {
      const line = words.join(' ');
      return `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; COMP_LINE='${line}'; COMP_POINT=${line.length}; COMPREPLY=(); _costar; printf '%s\\n' "\${COMPREPLY[*]}"`;
    });
    const r = spawnSync('bash', ['--norc', '--noprofile', '-c', `source '${scripts.bash}'\n${calls.join('\n')}`], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').slice(0, cases.length).map((l) => l.split(' ').filter(Boolean).sort());
  }

  it('is valid bash', () => {
    const r = spawnSync('bash', ['-n', scripts.bash!], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });

  it('completes commands, subcommands, flags and their values', () => {
    const cases: [string[], string[]][] = [
      [['costar', 'foc'], ['focus']],
      [['costar', 'gr'], ['grow']],
      [['costar', 'map', ''], ['add', 'list']],
      [['costar', '-C', 'portfolio', 'map', 'a'], ['add']],
      [['costar', 'map', 'add', '--status', ''], [...STATUSES]],
      [['costar', 'validate', '--format', ''], ['github', 'json', 'junit', 'stylish']],
      [['costar', 'validate', '--format', '=', 'j'], ['json', 'junit']],
      [['costar', 'validate', '--fail-on', ''], ['error', 'warning']],
      [['costar', 'map', 'add', '--co', ''], COS.map((c) => `${c}=`)],
      [['costar', 'map', 'add', '--co', 'co-design', '=', ''], [...CO_LEVELS]],
      [['costar', 'map', 'add', '--co', 'co-design', '=', 'em'], ['emerging']],
      [['costar', 'map', 'add', '--how', 'co-de'], ['co-delivery=', 'co-design=']],
      [['costar', 'explore', '--co', 'co-a'], ['co-assessment']],
      [['costar', 'generate', ''], ['briefing', 'business-case', 'charter', 'grow-plan', 'privacy-notice', 'report']],
      [['costar', 'generate', 'charter', '--format', ''], ['docx', 'html', 'md', 'xlsx']],
      [['costar', 'focus', 'pl'], ['plan']],
      [['costar', 'focus', 'plan', '--pa'], ['--payer']],
      [['costar', 'focus', 'plan', '--b'], ['--budget']],
      [['costar', 'generate', 'charter', 'x', ''], []],
      [['costar', 'market', 'menu', '--for', 'c'], ['carers', 'commissioners', 'councillors']],
      [['costar', 'people', 'add', '--kind', ''], ['group', 'individual', 'organisation']],
      [['costar', 'grow', 'add-indicator', 'walks', '--kind', ''], ['outcome', 'process']],
      [['costar', 'grow', 'review', 'walks', '--by', 'users,'], ['users,councillors', 'users,partners', 'users,staff']],
      [['costar', 'focus', 'score', 'walks', '--set', 'ea'], ['ease=']],
      [['costar', 'completion', ''], ['bash', 'fish', 'zsh']],
      [['costar', 'help', 'ma'], ['map', 'market']],
      [['costar', 'star', '--s'], ['--svg']],
      [['costar', '--v'], ['--verbose', '--version']],
      [['costar', 'status', '--v'], ['--verbose']],
      [['costar', '--portfolio', 'port'], ['portfolio']],
      [['costar', 'set', 'portfolio/initiatives/w'], ['portfolio/initiatives/walks.yaml']],
    ];
    const got = complete(cases.map(([words]) => words));
    cases.forEach(([words, want], i) => expect({ words, replies: got[i] }).toEqual({ words, replies: [...want].sort() }));
  });

  it('offers every declared value of every flag', () => {
    const tree = commandTree(COMMANDS, buildProgram().options.map((o) => ({ flags: o.flags, description: o.description })));
    const cases: [string[], string[]][] = [];
    walk(tree, (n) => {
      for (const f of n.flags) if (f.values?.kind === 'words') for (const name of f.names) cases.push([['costar', ...n.path, name, ''], [...f.values.words]]);
    });
    expect(cases.length).toBeGreaterThan(10);
    const got = complete(cases.map(([words]) => words));
    cases.forEach(([words, want], i) => expect({ words, replies: got[i] }).toEqual({ words, replies: [...want].sort() }));
  });
});

describe.runIf(has('fish'))('fish', () => {
  it('is valid fish and completes values', () => {
    expect(spawnSync('fish', ['--no-execute', scripts.fish!]).status).toBe(0);
    const lines = ['costar foc', 'costar map add --status ', 'costar validate --format ', 'costar map add --co co-design=e', 'costar grow review --by users,'];
    const r = spawnSync('fish', ['--no-config', '-c', `source '${scripts.fish}'; for l in $argv; complete -C"$l" | string split -f1 \\t | string join ' '; end`, ...lines], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n').map((l) => l.split(' ').sort())).toEqual([
      ['focus'],
      [...STATUSES].sort(),
      ['github', 'json', 'junit', 'stylish'],
      ['co-design=emerging', 'co-design=established'],
      ['users,councillors', 'users,partners', 'users,staff'],
    ]);
  });
});

describe.runIf(has('zsh'))('zsh', () => {
  it('is valid zsh', () => {
    const r = spawnSync('zsh', ['-n', scripts.zsh!], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });

  it.runIf(hasTmux())('completes at a real prompt', async () => {
    const session = `costar-zsh-${process.pid}`;
    const { args: tmuxArgs, kill } = tmuxServer();
    const screen = () => spawnSync('tmux', tmuxArgs('capture-pane', '-p', '-t', session), { encoding: 'utf8' }).stdout;
    const waitFor = async (text: string) => {
      for (const start = Date.now(); !screen().includes(text); await new Promise((r) => setTimeout(r, 100))) {
        if (Date.now() - start > 15_000) throw new Error(`timed out waiting for ${text}:\n${screen()}`);
      }
    };
    const type = (text: string) => spawnSync('tmux', tmuxArgs('send-keys', '-t', session, '-l', text));
    const press = (...keys: string[]) => spawnSync('tmux', tmuxArgs('send-keys', '-t', session, ...keys));
    spawnSync('tmux', tmuxArgs('new-session', '-d', '-s', session, '-x', '120', '-y', '30', `cd '${dir}' && env -i TERM=xterm HOME='${dir}' PATH="$PATH" zsh -f -i`));
    try {
      type(`PS1='$ '; autoload -U compinit && compinit -u -D && source '${scripts.zsh}' && echo READY`);
      press('Enter');
      await waitFor('\nREADY');
      type('costar validate --format ');
      press('Tab');
      await waitFor('junit');
      expect(screen()).toMatch(/github +json +junit +stylish/);
      press('C-u');
      type('costar map add --co co-design=');
      press('Tab');
      await waitFor('established');
      expect(screen()).toMatch(/emerging +established +potential/);
      press('C-u');
      type('costar stat');
      press('Tab');
      await waitFor('costar status');
    } finally {
      kill();
    }
  });
});
