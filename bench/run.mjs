// npm run bench: every performance figure of costar, each as a ratio against a floor run side by
// side in the same process tree (interleaved runs, medians). Nothing here is a test: it prints.
//   COSTAR_BENCH_RUNS=5 npm run bench      more runs
//   COSTAR_BENCH_ONLY=validate,startup     only some sections (startup, validate, read, star, match,
//                                          business-case, charter, plan, xlsx, diff, history, docx)
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSurveyCsv } from './generate-csv.mjs';
import { generatePortfolio } from './generate-portfolio.mjs';
import { updateLatency } from './serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench', '.work');
const bin = join(root, 'bin', 'costar.js');
const RUNS = Number(process.env.COSTAR_BENCH_RUNS ?? 5);
const ONLY = process.env.COSTAR_BENCH_ONLY?.split(',');
const want = (name) => !ONLY || ONLY.includes(name);
const env = { ...process.env, NO_COLOR: '1', CI: '1' };
// A certificate bundle some machines' environment loads into every node process (40–60 ms of
// start-up, on both sides of every ratio) is no part of what is measured.
delete env.NODE_EXTRA_CA_CERTS;

function time(cmd, args, opts = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { env, encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && !opts.allowFail) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr?.slice(0, 500)}`);
  return ms;
}

/**
 * Runs `fn` with `dir` shown through bench/slow-drive.py at a mount point, when this machine can
 * (fusepy, /dev/fuse, mounting allowed); says why not otherwise.
 */
function slowDrive(dir, fn) {
  const mnt = mkdtempSync(join(tmpdir(), 'costar-slow-'));
  const fuse = spawn(existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3', [join(root, 'bench', 'slow-drive.py'), dir, mnt], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  fuse.stderr.on('data', (d) => (err += d));
  const until = Date.now() + 10_000;
  while (Date.now() < until && !existsSync(join(mnt, 'costar.yaml')) && fuse.exitCode === null) spawnSync('sleep', ['0.1']);
  try {
    if (!existsSync(join(mnt, 'costar.yaml'))) {
      console.log(`(no slow drive on this machine: needs python3-fusepy and /dev/fuse${err ? `; ${err.trim().split('\n').at(-1)}` : ''})`);
      return;
    }
    fn(mnt);
  } finally {
    fuse.kill();
    spawnSync('umount', [mnt]);
    rmSync(mnt, { recursive: true, force: true });
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs `subject` and `floor` alternately `runs` times; prints medians and the ratio. */
function compare(label, subject, floor, runs = RUNS) {
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    b.push(floor());
    a.push(subject());
  }
  const ma = median(a);
  const mb = median(b);
  const ratio = ma / mb;
  console.log(`${label.padEnd(58)} ${ma.toFixed(1).padStart(9)} ms  floor ${mb.toFixed(1).padStart(9)} ms  ratio ${ratio.toFixed(2)}×`);
  return { label, subject: ma, floor: mb, ratio };
}

const results = [];
console.log(`costar benchmarks: medians of ${RUNS} interleaved runs (startup: ${RUNS * 4})\n`);

if (want('startup')) {
  const n = RUNS * 4;
  results.push(compare('costar --version  vs  node -e 0', () => time(process.execPath, [bin, '--version']), () => time(process.execPath, ['-e', '0']), n));
  results.push(compare('costar --help  vs  node -e 0', () => time(process.execPath, [bin, '--help']), () => time(process.execPath, ['-e', '0']), n));
  const sea = join(root, 'dist', 'costar-linux-x64');
  if (existsSync(sea)) {
    results.push(compare('single executable --version  vs  node -e 0', () => time(sea, ['--version']), () => time(process.execPath, ['-e', '0']), n));
    results.push(compare('single executable --help  vs  node -e 0', () => time(sea, ['--help']), () => time(process.execPath, ['-e', '0']), n));
  } else console.log('(single executable not built: npm run package, then run again for its start-up figure)');
}

const big = join(work, 'big');
const needBig = ['validate', 'read', 'star', 'match', 'ajv'].some(want);
if (needBig) {
  if (!existsSync(join(big, 'costar.yaml')) || process.env.COSTAR_BENCH_REGENERATE) {
    console.log('\ngenerating 10,000 initiatives and 2,000 people …');
    generatePortfolio(big, 10000, 2000);
  }
  const floor = () => time(process.execPath, [join(root, 'bench', 'floor-parse.mjs'), big]);
  console.log('');
  if (want('validate')) results.push(compare('validate (10,000 initiatives, 2,000 people)  vs  read+parseDocument', () => time(process.execPath, [bin, 'validate', big]), floor));
  if (want('read')) {
    // How the store reads (store/portfolio.ts, ReadPlan): one file after another from the page
    // cache, many at once (fs.promises, a concurrency limit) when reads wait on the disk. First
    // the evidence for reading a warm portfolio one file after another (read + js-yaml, parse
    // on arrival) …
    const reads = (dir, mode, limit) => () => time(process.execPath, [join(root, 'bench', 'read-strategies.mjs'), mode, dir, ...(limit ? [String(limit)] : [])]);
    for (const limit of [16, 64]) results.push(compare(`read+parse 12,001 files: fs.promises (${limit} in flight)  vs  sync`, reads(big, 'promises', limit), reads(big, 'sync')));
    // … then a drive that waits half a millisecond on every open, stat and read (a network
    // drive, through FUSE): costar validate, switching to reads at once, against reading and
    // parsing the same files one after another.
    const charters = join(work, 'docs-charter-10000');
    if (!existsSync(join(charters, 'costar.yaml')) || process.env.COSTAR_BENCH_REGENERATE) generatePortfolio(charters, 10000, 200, 'charter');
    slowDrive(charters, (mnt) => {
      const runs = Math.min(RUNS, 3);
      results.push(compare('validate on a slow drive (10,201 files, 0.5 ms a read)  vs  sync read+parse', () => time(process.execPath, [bin, 'validate', mnt]), reads(mnt, 'sync'), runs));
      results.push(compare('fs.promises (32 in flight) on the slow drive  vs  sync read+parse', reads(mnt, 'promises', 32), reads(mnt, 'sync'), runs));
    });
  }
  if (want('star')) {
    const ok = spawnSync(process.execPath, [bin, 'star', '--json', '-C', big], { env, encoding: 'utf8', maxBuffer: 1 << 30 }).status === 0;
    if (ok) results.push(compare('star --json (same portfolio)  vs  read+parseDocument', () => time(process.execPath, [bin, 'star', '--json', '-C', big]), floor));
    else console.log('(star --json not available yet)');
  }
}

// A portfolio in the middle of its journey: a third of its initiatives still being scored (a
// warning each), one in two hundred with an error. Every one of those problems is placed.
if (want('validate-mid') || want('ajv')) {
  const mid = join(work, 'mid');
  if (!existsSync(join(mid, 'costar.yaml')) || process.env.COSTAR_BENCH_REGENERATE) {
    console.log('\ngenerating a mid-journey portfolio of 10,000 initiatives and 2,000 people …');
    generatePortfolio(mid, 10000, 2000, 'all', { midJourney: true });
  }
  console.log('');
  const floor = () => time(process.execPath, [join(root, 'bench', 'floor-parse.mjs'), mid]);
  const validate = () => time(process.execPath, [bin, 'validate', mid], { allowFail: true });
  if (want('validate-mid')) results.push(compare('validate, mid-journey (3,366 files with problems)  vs  read+parseDocument', validate, floor));
  if (want('ajv')) {
    const schemas = join(work, 'schemas');
    spawnSync(process.execPath, [bin, 'schema', '--out', schemas], { env });
    for (const [label, dir] of [['clean', big], ['mid-journey', mid]]) {
      if (!existsSync(join(dir, 'costar.yaml'))) continue;
      results.push(compare(`validate, ${label}  vs  yaml + ajv against costar schema`, () => time(process.execPath, [bin, 'validate', dir], { allowFail: true }), () => time(process.execPath, [join(root, 'bench', 'floor-ajv.mjs'), dir, schemas])));
    }
  }
}

if (want('match')) {
  const people = join(work, 'people');
  if (!existsSync(join(people, 'costar.yaml')) || process.env.COSTAR_BENCH_REGENERATE) generatePortfolio(people, 2000, 10000);
  const ok = spawnSync(process.execPath, [bin, 'people', 'match', '--json', '-C', people], { env, encoding: 'utf8', maxBuffer: 1 << 30 }).status === 0;
  if (ok) {
    results.push(
      compare('people match --json (10,000 people, 2,000 initiatives)  vs  validate', () => time(process.execPath, [bin, 'people', 'match', '--json', '-C', people]), () => time(process.execPath, [bin, 'validate', people])),
    );
  } else console.log('(people match not available yet)');
}

// people import of returns without ids must be linear (issue 10): 10× the rows in at most 10×
// the time. The floor is the same command on a tenth of the rows, so the ratio is the growth.
// --dry-run does all the work (parse, check every row, allocate ids, validate each record) but
// the writing, which on this machine's disk would drown it (one file, flushed, per return); the
// writing is measured too, at a fifth of the size, into a RAM-backed folder where there is one.
if (want('import')) {
  const dir = join(work, 'import');
  if (!existsSync(join(dir, 'portfolio', 'costar.yaml')) || process.env.COSTAR_BENCH_REGENERATE) {
    generatePortfolio(join(dir, 'portfolio'), 50, 200);
    for (const n of [2000, 10000, 20000, 100000]) generateSurveyCsv(join(dir, `returns-${n}.csv`), n);
  }
  const pf = join(dir, 'portfolio');
  const dry = (n) => () => time(process.execPath, [bin, 'people', 'import', join(dir, `returns-${n}.csv`), '--dry-run', '-C', pf]);
  const runs = Math.min(RUNS, 3);
  console.log('');
  results.push(compare('people import --dry-run 100,000 returns  vs  10,000', dry(100000), dry(10000), runs));
  const ram = existsSync('/dev/shm') ? mkdtempSync('/dev/shm/costar-bench-') : mkdtempSync(join(work, 'import-'));
  // Each run imports into a fresh copy; the copying is outside the timed part.
  const written = (n) => () => {
    const target = join(ram, `p-${n}`);
    rmSync(target, { recursive: true, force: true });
    cpSync(pf, target, { recursive: true });
    return time(process.execPath, [bin, 'people', 'import', join(dir, `returns-${n}.csv`), '-C', target]);
  };
  results.push(compare(`people import 20,000 returns  vs  2,000 (written${ram.startsWith('/dev/shm') ? ' to RAM' : ''})`, written(20000), written(2000), runs));
  rmSync(ram, { recursive: true, force: true });
}

// Documents: costar generate (parse, validate, compute, render, write) against the floor of
// rendering the same compiled template in a bare loop and writing the files.
const docBenches = [
  ['business-case', 2000, 'business cases for 2,000 initiatives'],
  ['charter', 10000, 'charters for 10,000 initiatives'],
];
if (docBenches.some(([k]) => want(k))) {
  const { build } = await import('esbuild');
  const helper = join(work, 'documents.mjs');
  mkdirSync(work, { recursive: true });
  await build({
    entryPoints: [join(root, 'bench', 'documents.ts')],
    outfile: helper,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  console.log('');
  for (const [kind, n, label] of docBenches) {
    if (!want(kind)) continue;
    // A portfolio of n initiatives holding what this document needs (and 200 people).
    const dir = join(work, `docs-${kind}-${n}`);
    if (!existsSync(join(dir, 'costar.yaml')) || process.env.COSTAR_BENCH_REGENERATE) generatePortfolio(dir, n, 200, kind);
    const ctx = join(work, `${kind}-contexts.json`);
    const probe = spawnSync(process.execPath, [helper, 'dump', dir, kind, ctx], { env, encoding: 'utf8', maxBuffer: 1 << 30 });
    if (probe.status !== 0) {
      console.log(`(${kind} documents not available yet: ${probe.stderr.split('\n')[0]})`);
      continue;
    }
    // Documents go to a RAM-backed folder when the machine has one, for both sides: this
    // machine's disk takes anywhere from 0.2 s to 3 s for the same 10,000 files, which would
    // drown what is measured (costar's work against the floor's).
    const outRoot = process.env.COSTAR_BENCH_OUT ?? (existsSync('/dev/shm') ? mkdtempSync('/dev/shm/costar-bench-') : work);
    const out1 = join(outRoot, `out-${kind}-costar`);
    const out2 = join(outRoot, `out-${kind}-floor`);
    // Whole commands, and the documents phase alone (costar: data + render + write, from
    // --verbose; floor: its render-and-write loop), interleaved.
    const whole = { a: [], b: [] };
    const phase = { a: [], b: [] };
    // A second floor: the same loop after reading and parsing every file of the portfolio with
    // js-yaml, which any tool making these documents from these files has to do first.
    const read = { a: whole.a, b: [] };
    const out3 = join(outRoot, `out-${kind}-floor-read`);
    for (let i = 0; i < RUNS; i++) {
      rmSync(out2, { recursive: true, force: true });
      let t0 = process.hrtime.bigint();
      const f = spawnSync(process.execPath, [helper, 'floor', ctx, kind, out2], { env, encoding: 'utf8', maxBuffer: 1 << 30 });
      whole.b.push(Number(process.hrtime.bigint() - t0) / 1e6);
      phase.b.push(Number(/loop (\d+) ms/.exec(f.stderr)?.[1]));
      rmSync(out3, { recursive: true, force: true });
      t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [helper, 'floor-read', dir, kind, ctx, out3], { env, encoding: 'utf8', maxBuffer: 1 << 30 });
      read.b.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (r.status !== 0) throw new Error(`the js-yaml floor failed: ${r.stderr}`);
      rmSync(out1, { recursive: true, force: true });
      t0 = process.hrtime.bigint();
      const c = spawnSync(process.execPath, [bin, 'generate', kind, '--all', '-C', dir, '--out', out1, '--verbose'], { env, encoding: 'utf8', maxBuffer: 1 << 30 });
      whole.a.push(Number(process.hrtime.bigint() - t0) / 1e6);
      const m = /data (\d+) ms, rendering (\d+) ms, writing (\d+) ms/.exec(c.stderr);
      phase.a.push(m ? Number(m[1]) + Number(m[2]) + Number(m[3]) : NaN);
    }
    const show = (label, x) => {
      const a = median(x.a);
      const b = median(x.b);
      console.log(`${label.padEnd(58)} ${a.toFixed(1).padStart(9)} ms  floor ${b.toFixed(1).padStart(9)} ms  ratio ${(a / b).toFixed(2)}×`);
      results.push({ label, subject: a, floor: b, ratio: a / b });
    };
    show(`generate ${label}  vs  render loop`, whole);
    show(`  of which the documents (data, render, write)  vs  loop`, phase);
    show(`generate ${label}  vs  js-yaml read + render loop`, read);
    if (outRoot.startsWith('/dev/shm/')) rmSync(outRoot, { recursive: true, force: true });
  }
}

// The budget plan: an exact 0/1 knapsack over 300 candidates, against validate of the same
// portfolio (the plan reads and checks it the same way, then appraises and optimises).
if (want('plan')) {
  const dir = join(work, 'plan-300');
  if (!existsSync(join(dir, 'costar.yaml')) || process.env.COSTAR_BENCH_REGENERATE) {
    // 360 initiatives of every status: about 300 are not stopped and so compete for the budget.
    generatePortfolio(dir, 360, 50, 'business-case');
  }
  const args = ['focus', 'plan', '--budget', '3000000', '--payer', 'council', '--json', '-C', dir];
  const probe = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (probe.status === 0) {
    const plan = JSON.parse(probe.stdout);
    console.log(`\nfocus plan: ${plan.funded.length + plan.notFunded.length} candidates, ${plan.funded.length} funded, optimal: ${plan.optimal}`);
    results.push(compare(`focus plan (${plan.funded.length + plan.notFunded.length} candidates)  vs  validate`, () => time(process.execPath, [bin, ...args]), () => time(process.execPath, [bin, 'validate', dir])));
  } else console.log(`(focus plan not available: ${probe.stderr.split('\n')[0]})`);
}

// The finance workbooks against the Markdown business cases of the same 2,000 initiatives.
if (want('xlsx')) {
  const dir = join(work, 'docs-business-case-2000');
  if (!existsSync(join(dir, 'costar.yaml')) || process.env.COSTAR_BENCH_REGENERATE) generatePortfolio(dir, 2000, 200, 'business-case');
  const outRoot = process.env.COSTAR_BENCH_OUT ?? (existsSync('/dev/shm') ? mkdtempSync('/dev/shm/costar-bench-') : work);
  const gen = (format, out) => () => {
    rmSync(out, { recursive: true, force: true });
    return time(process.execPath, [bin, 'generate', 'business-case', '--all', '--format', format, '-C', dir, '--out', out]);
  };
  console.log('');
  results.push(compare('generate business-case --format xlsx (2,000)  vs  md', gen('xlsx', join(outRoot, 'xlsx')), gen('md', join(outRoot, 'md'))));
  if (outRoot.startsWith('/dev/shm/')) rmSync(outRoot, { recursive: true, force: true });
}

// costar diff and history on a portfolio kept in git: 10,000 initiatives, 2,000 people.
if (want('diff') || want('history')) {
  const dir = join(work, 'git-10000');
  const gitEnv = (date) => ({ ...env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'b@example.org', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'b@example.org', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) });
  const git = (args, date) => {
    const r = spawnSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd: dir, env: gitEnv(date), encoding: 'utf8', maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  const ids = () => readdirSync(join(dir, 'initiatives')).filter((f) => f.endsWith('.yaml')).sort();
  /** Changes `n` initiative files starting at `from` (a status and a Co level: the star moves). */
  const touch = (from, n, tag) => {
    const names = ids();
    for (let k = 0; k < n; k++) {
      const f = join(dir, 'initiatives', names[(from + k * 197) % names.length]);
      writeFileSync(f, readFileSync(f, 'utf8').replace(/^status: .*$/m, `status: ${tag % 2 ? 'running' : 'piloting'}`) + `# change ${tag}\n`);
    }
  };
  if (!existsSync(join(dir, '.git')) || process.env.COSTAR_BENCH_REGENERATE) {
    rmSync(dir, { recursive: true, force: true });
    generatePortfolio(dir, 10000, 2000);
    git(['init', '-q']);
    git(['add', '-A']);
    git(['commit', '-q', '-m', 'portfolio'], '2018-01-15T12:00:00Z');
    // 100 commits, one a month, each changing 20 initiatives.
    for (let c = 1; c <= 100; c++) {
      touch(c * 31, 20, c);
      git(['add', '-A']);
      const d = new Date(Date.UTC(2018, c, 15, 12));
      git(['commit', '-q', '-m', `change ${c}`], d.toISOString());
    }
  }
  git(['checkout', '-q', '--', '.']);
  console.log('');
  if (want('diff')) {
    touch(5, 50, 1001); // 50 changed files in the working tree
    results.push(compare('diff (10,000 initiatives, 50 changed files)  vs  validate', () => time(process.execPath, [bin, 'diff', '--format', 'json', '-C', dir], { allowFail: true }), () => time(process.execPath, [bin, 'validate', dir], { allowFail: true })));
    git(['checkout', '-q', '--', '.']);
  }
  if (want('history')) {
    const validate = median(Array.from({ length: RUNS }, () => time(process.execPath, [bin, 'validate', dir], { allowFail: true })));
    const history = median(Array.from({ length: Math.min(RUNS, 3) }, () => time(process.execPath, [bin, 'history', '--json', '-C', dir])));
    const ratio = history / (100 * validate);
    console.log(`${'history (101 commits, 10,000 initiatives)  vs  100 × validate'.padEnd(58)} ${history.toFixed(1).padStart(9)} ms  floor ${(100 * validate).toFixed(1).padStart(9)} ms  ratio ${ratio.toFixed(3)}×`);
    results.push({ label: 'history vs 100 × validate', subject: history, floor: 100 * validate, ratio });
  }
}

// Word charters against the Markdown charters of the same 10,000 initiatives (target: at most 4×).
if (want('docx')) {
  const dir = join(work, 'docs-charter-10000');
  if (!existsSync(join(dir, 'costar.yaml')) || process.env.COSTAR_BENCH_REGENERATE) generatePortfolio(dir, 10000, 200, 'charter');
  const outRoot = process.env.COSTAR_BENCH_OUT ?? (existsSync('/dev/shm') ? mkdtempSync('/dev/shm/costar-bench-') : work);
  const gen = (format, out) => () => {
    rmSync(out, { recursive: true, force: true });
    return time(process.execPath, [bin, 'generate', 'charter', '--all', '--format', format, '--as-of', '2027-01-31', '-C', dir, '--out', out]);
  };
  console.log('');
  results.push(compare('generate charter --all --format docx (10,000)  vs  md', gen('docx', join(outRoot, 'docx')), gen('md', join(outRoot, 'md')), Math.min(RUNS, 3)));
  if (outRoot.startsWith('/dev/shm/')) rmSync(outRoot, { recursive: true, force: true });
}

// costar serve on the demo (COSTAR_BENCH_ONLY=serve): the wall rendered server-side (a fresh process that reads the portfolio
// and renders the page with the server's render function, no HTTP) against `costar star --json`
// (target: at most 3×); and the update latency from a file write to the `change` event (p95 under 1 s).
if (want('serve')) {
  const demo = join(work, 'serve-demo');
  rmSync(demo, { recursive: true, force: true });
  cpSync(join(root, 'fixtures', 'demo'), demo, { recursive: true });
  console.log('');
  results.push(compare('serve: the wall rendered (demo, fresh process)  vs  star --json', () => time(process.execPath, [join(root, 'bench', 'serve.mjs'), 'render', demo]), () => time(process.execPath, [bin, 'star', '--json', '-C', demo])));
  const inproc = JSON.parse(spawnSync(process.execPath, [join(root, 'bench', 'serve.mjs'), 'render', demo], { encoding: 'utf8' }).stdout);
  console.log(`${'serve: in-process render of the wall (read + render)'.padEnd(58)} first ${inproc.cold.toFixed(1)} ms, then ${inproc.warm.toFixed(1)} ms (${inproc.bytes} bytes)`);
  const lat = await updateLatency(demo, 100);
  console.log(`${'serve: file write to change event, 100 writes'.padEnd(58)} p50 ${lat.p50.toFixed(1)} ms  p95 ${lat.p95.toFixed(1)} ms  max ${lat.max.toFixed(1)} ms`);
  results.push({ label: 'serve update latency p95 (ms)', subject: lat.p95, floor: 1000, ratio: lat.p95 / 1000 });
}

console.log('\nRatios are subject ÷ floor; below 1.00 means faster than the floor.');
