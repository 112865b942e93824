// Scale rows of `npm run bench` (issue 16): the warm path as a CLI process against ripgrep, one file changed,
// blame on generated repositories of 5k-40k files, trend over a generated 6,000-commit history, CODEOWNERS
// with 2,000 rules, and the first scan's peak RSS. Repositories are generated under .bench/repos (cached).
// Run alone: node scripts/bench/scale.mjs [--runs N] [--sizes 5000,10000] [--corpus <folder> --corpus-config <file>] [--only warm]
// (after `npx tsc -p . && node scripts/build.mjs --production`).
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRepo } from './genRepo.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pad = (s, n) => String(s).padEnd(n);
const hasTime = existsSync('/usr/bin/time');

/** Runs a process; wall ms from here, CPU seconds and peak RSS from /usr/bin/time when present. */
function measure(cmd, argv, opts = {}) {
  const timeFile = path.join(opts.benchDir, 'time.txt');
  const [c, a] = hasTime ? ['/usr/bin/time', ['-o', timeFile, '-f', '%U %S %M', cmd, ...argv]] : [cmd, argv];
  const started = performance.now();
  const r = spawnSync(c, a, { encoding: 'utf8', maxBuffer: 256 << 20, cwd: opts.cwd, env: opts.env ?? process.env });
  const ms = performance.now() - started;
  if (r.status !== 0 && !opts.allowFail) throw new Error(`${cmd} ${argv.join(' ')} failed:\n${r.stderr}`);
  const [u, s, kb] = hasTime ? readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
  return { ms, cpuMs: (u + s) * 1000, rssMb: kb / 1024, stdout: r.stdout };
}

function child(benchDir, mode, root, arg = '') {
  const r = measure(process.execPath, [path.join(here, 'scale-child.mjs'), mode, root, arg], { benchDir });
  return { ...JSON.parse(r.stdout.trim().split('\n').pop()), wallMs: r.ms, cpuMs: r.cpuMs };
}

function row(name, ms, target, note = '') {
  const ratio = target?.ms ? ` ${(ms / target.ms).toFixed(2)}x of ${target.label}` : '';
  const ok = target?.ms ? (ms <= target.ms * (target.factor ?? 1) ? 'ok' : 'MISS') : '';
  console.log(`${pad(name, 52)}${pad(Number.isFinite(ms) ? ms.toFixed(0) : '-', 10)}${pad(ok, 6)}${ratio}${note ? `  ${note}` : ''}`);
}

const WARM_ROUNDS = 15;

/** CLI re-run with nothing changed and with one file changed, against ripgrep over the same folder. */
function warmPath({ repo, benchDir, root, config, runs, label, ratioTarget = true }) {
  const xdg = path.join(benchDir, 'xdg-scale');
  const cliArgs = (extra = []) => [path.join(repo, 'dist/cli.js'), 'scan', root, ...(config ? ['--config', config] : []), '--format', 'json', '--output', path.join(benchDir, 'scale-out.json'), ...extra];
  const env = { ...process.env, XDG_CACHE_HOME: xdg };
  const files = spawnSync('rg', ['--no-config', '-uu', '--files', '-g', '*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}', '-g', '!**/.git/**', '--', '.'], { cwd: root, encoding: 'utf8', maxBuffer: 256 << 20 }).stdout.split('\n').filter(Boolean);
  const rg = () => measure('rg', ['--no-config', '-uu', '-c', '-i', '-w', 'TODO|FIXME|HACK|XXX|BUG|DEBT', '-g', '*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}', '-g', '!**/.git/**', '--', '.'], { cwd: root, benchDir, allowFail: true });
  // Changing a file's content: append a comment line; its mtime moves out of the racy window afterwards.
  const victim = path.join(root, files[Math.floor(files.length / 2)]);
  const original = readFileSync(victim);
  const age = () => {
    const when = (Date.now() - 60_000) / 1000;
    utimesSync(victim, when, when);
  };
  rmSync(xdg, { recursive: true, force: true });
  measure(process.execPath, cliArgs(), { benchDir, env }); // fill
  measure(process.execPath, cliArgs(), { benchDir, env }); // records the stored output (the fill may be racy)
  const traced = spawnSync(process.execPath, cliArgs(), { env: { ...env, DEBT_LEDGER_TRACE_WARM: '1' }, encoding: 'utf8' });
  const outcome = /warm path: (\w+)/.exec(traced.stderr)?.[1] ?? 'unknown';
  const s = { rg: [], rgCpu: [], cli: [], cliCpu: [], noBlame: [], changed: [], changedCpu: [], bare: [], bareCpu: [], noCa: [], noCaCpu: [] };
  // NODE_EXTRA_CA_CERTS makes every Node process parse that file at start-up (~60 ms of CPU here): the same
  // re-run without it shows what a default Node set-up pays.
  const caEnv = process.env.NODE_EXTRA_CA_CERTS ? Object.fromEntries(Object.entries(env).filter(([k]) => k !== 'NODE_EXTRA_CA_CERTS')) : null;
  // A round takes ~2 s, and single processes of 100-250 ms on this 2-core VM vary by ±30%: medians of at
  // least WARM_ROUNDS rounds (rg and the CLI alternate in each) keep the ratio from swinging with one slow run.
  const rounds = Math.max(runs, WARM_ROUNDS);
  try {
    for (let i = 0; i < rounds; i++) {
      const r = rg();
      s.rg.push(r.ms);
      s.rgCpu.push(r.cpuMs);
      const warm = measure(process.execPath, cliArgs(), { benchDir, env });
      s.cli.push(warm.ms);
      s.cliCpu.push(warm.cpuMs);
      const bare = measure(process.execPath, ['-e', '0'], { benchDir, env });
      s.bare.push(bare.ms);
      s.bareCpu.push(bare.cpuMs);
      if (caEnv) {
        const noCa = measure(process.execPath, cliArgs(), { benchDir, env: caEnv });
        s.noCa.push(noCa.ms);
        s.noCaCpu.push(noCa.cpuMs);
      }
      measure(process.execPath, cliArgs(['--no-blame']), { benchDir, env }); // its own stored output, for this state
      s.noBlame.push(measure(process.execPath, cliArgs(['--no-blame']), { benchDir, env }).ms);
      appendFileSync(victim, `// bench edit ${i}\n`);
      age();
      const changed = measure(process.execPath, cliArgs(), { benchDir, env });
      s.changed.push(changed.ms);
      s.changedCpu.push(changed.cpuMs);
      writeFileSync(victim, original);
      age();
      measure(process.execPath, cliArgs(), { benchDir, env }); // back to the unchanged state
    }
  } finally {
    writeFileSync(victim, original);
  }
  const m = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, median(v)]));
  console.log(`\n${label}: ${files.length} files (unchanged re-run: ${outcome}; medians of ${rounds} rounds)`);
  row('ripgrep TODO regex over the folder', m.rg, null, `cpu ${m.rgCpu.toFixed(0)} ms`);
  // The issue sets the ratio on the bench corpus; the monorepo's target is the 300 ms row (its ratio is shown, not judged).
  const vsRg = (what) => (ratioTarget ? { ms: m.rg, factor: 1.5, label: what } : null);
  const ratioNote = (ms) => (ratioTarget ? '' : `${(ms / m.rg).toFixed(2)}x of ripgrep (not judged here: see the 300 ms row)  `);
  row('cached CLI re-run, nothing changed', m.cli, vsRg('ripgrep (target <= 1.5x)'), `${ratioNote(m.cli)}cpu ${m.cliCpu.toFixed(0)} ms = ${(m.cliCpu / m.rgCpu).toFixed(2)}x ripgrep's cpu`);
  row('  same, --no-blame', m.noBlame, vsRg('ripgrep'), ratioNote(m.noBlame));
  row('  for reference: node -e 0 (Node\'s bare start-up)', m.bare, null, `${(m.bare / m.rg).toFixed(2)}x of ripgrep, cpu ${m.bareCpu.toFixed(0)} ms`);
  if (caEnv) row('  same re-run without NODE_EXTRA_CA_CERTS', m.noCa, vsRg('ripgrep'), `${ratioNote(m.noCa)}cpu ${m.noCaCpu.toFixed(0)} ms (the variable is set here; Node parses that file at start-up)`);
  row('one file changed, CLI re-run', m.changed, { ms: m.cli, factor: 2, label: 'the unchanged re-run (target <= 2x)' }, `cpu ${m.changedCpu.toFixed(0)} ms = ${(m.changedCpu / m.cliCpu).toFixed(2)}x`);
  return m;
}

export async function runScaleBench({ repo, benchDir, runs = 3, corpus = null, corpusConfig = null, sizes = [5000, 10000, 20000, 40000], only = null }) {
  const repos = path.join(benchDir, 'repos');
  mkdirSync(repos, { recursive: true });
  console.log('\n=== scale (issue 16) ===   columns: wall ms, target met, ratio');
  const gen = async (name, opts) => {
    const g = await generateRepo(path.join(repos, name), opts);
    if (!g.reused) console.log(`generated ${name} (${opts.files} files, ${opts.commits} commits) in ${(g.ms / 1000).toFixed(1)} s`);
    return g.dir;
  };

  if (corpus) warmPath({ repo, benchDir, root: corpus, config: corpusConfig, runs, label: 'bench corpus' });
  const mono = await gen('mono8005', { files: 8005, commits: 2000 });
  const mm = warmPath({ repo, benchDir, root: mono, config: null, runs, label: 'generated monorepo mono8005 (2,000 commits)', ratioTarget: false });
  row('  target: cached CLI re-run <= 300 ms', mm.cli, { ms: 300, label: '300 ms' });
  if (only === 'warm') return;
  const first = child(benchDir, 'scan', mono, path.join(benchDir, 'first-scan-cache.json'));
  rmSync(path.join(benchDir, 'first-scan-cache.json'), { force: true });
  rmSync(path.join(benchDir, 'first-scan-cache.ledger.json'), { force: true });
  console.log(`${pad('first scan (core, as the extension), peak RSS MB', 52)}${pad(first.maxRssMb.toFixed(0), 10)}${pad(first.maxRssMb <= 300 ? 'ok' : 'MISS', 6)} target <= 300 MB; ${first.items} items, ${first.parsed} parsed, ${(first.wallMs / 1000).toFixed(1)} s`);

  console.log('\nblame, generated repositories (commits = files / 4), per blamed file:');
  for (const files of sizes) {
    const dir = await gen(`blame${files}`, { files, commits: files / 4 });
    const chain = child(benchDir, 'blame', dir, 'chain:300');
    const walk = child(benchDir, 'blame', dir, `walk:${files >= 20000 ? 20 : 40}`);
    // The one history pass is shared by every file with items: spread it over all of them.
    const perFile = (chain.blameMs - chain.historyMs) / chain.blamed + chain.historyMs / chain.withItems;
    const walkPerFile = walk.blameMs / walk.blamed;
    console.log(`${pad(`  ${files} files, ${chain.withItems} with items`, 52)}chain ${perFile.toFixed(1)} ms/file (${chain.blamed} files; history pass ${(chain.historyMs / 1000).toFixed(1)} s), whole-history walk ${walkPerFile.toFixed(1)} ms/file (${walk.blamed} files): ${(walkPerFile / perFile).toFixed(1)}x`);
  }

  const hist = await gen('trend6000', { files: 1000, commits: 6000 });
  for (const points of [12, 100]) {
    const r = child(benchDir, 'trend', hist, String(points));
    row(`trend, ${points} points, 6,000 commits, cold`, r.wallMs, { ms: 10_000, label: '10 s' }, `cpu ${(r.cpuMs / 1000).toFixed(1)} s; ${r.points} points, peak ${r.maxRssMb.toFixed(0)} MB`);
  }

  const big = await gen('owners20k', { files: 20000, commits: 1 });
  const ownersFile = path.join(big, '.github', 'CODEOWNERS');
  const cache = path.join(benchDir, 'owners-cache.json');
  const rules = ['* @org/all'];
  for (let i = 1; i < 2000; i++) {
    const k = i % 4;
    rules.push(k === 0 ? `/packages/p${i % 50}/src/d${i % 20}/ @org/team${i}` : k === 1 ? `packages/p${i % 50}/**/f${i}*.ts @org/team${i}` : k === 2 ? `*.generated${i}.ts @org/gen${i}` : `f${i}.ts @dev${i}`);
  }
  rmSync(ownersFile, { force: true });
  child(benchDir, 'owners', big, cache); // fill the scan cache
  const o = { without: [], with: [], cpuWithout: [], cpuWith: [], rssWithout: [], rssWith: [] };
  for (let i = 0; i < runs; i++) {
    rmSync(ownersFile, { force: true });
    const a = child(benchDir, 'owners', big, cache);
    mkdirSync(path.dirname(ownersFile), { recursive: true });
    writeFileSync(ownersFile, rules.join('\n') + '\n');
    const b = child(benchDir, 'owners', big, cache);
    o.without.push(a.wallMs);
    o.with.push(b.wallMs);
    o.cpuWithout.push(a.cpuMs);
    o.cpuWith.push(b.cpuMs);
    o.rssWithout.push(a.maxRssMb);
    o.rssWith.push(b.maxRssMb);
  }
  rmSync(ownersFile, { force: true });
  console.log(`\nCODEOWNERS, 2,000 rules, 20,000 files (cached scan + ownership):`);
  row('  without CODEOWNERS', median(o.without), null);
  row('  with 2,000 rules', median(o.with), { ms: median(o.without), factor: 1.2, label: 'without (target <= 1.2x)' }, `cpu ${(median(o.cpuWith) / median(o.cpuWithout)).toFixed(2)}x; RSS +${(median(o.rssWith) - median(o.rssWithout)).toFixed(0)} MB (target <= 50)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : undefined);
  // --cli-repo <dir>: time another build's dist/cli.js (e.g. a checkout of main, for before/after figures).
  const repo = path.resolve(opt('--cli-repo') ?? path.resolve(here, '../..'));
  await runScaleBench({
    repo,
    benchDir: path.resolve(here, '../../.bench'),
    runs: Number(opt('--runs') ?? 3),
    corpus: opt('--corpus') ? path.resolve(opt('--corpus')) : null,
    corpusConfig: opt('--corpus-config') ? path.resolve(opt('--corpus-config')) : null,
    sizes: (opt('--sizes') ?? '5000,10000,20000,40000').split(',').map(Number),
    // --only warm: the warm-path rows alone (a quick check while working; the default runs every row).
    only: opt('--only') ?? null,
  });
}
