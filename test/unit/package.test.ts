import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TOOL_VERSION } from '../../src/core/version';
import { GITLAB_SCHEMA, SARIF_SCHEMA } from './helpers/ciSchemas';
import { validate } from './helpers/jsonSchema';
import { tempDir } from './helpers/tempDir';
import { zipEntries } from './helpers/zip';

const REPO = path.join(__dirname, '../../..');

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 240_000 });
}
function ok(r: SpawnSyncReturns<string>, what: string): string {
  assert.equal(r.status, 0, `${what}: exit ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** A fenced block of the README, found by its `<!-- readme-test:<name> -->` marker, verbatim. */
export function readmeBlock(name: string): string {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const m = new RegExp(`<!-- readme-test:${name} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\`\\n`).exec(readme);
  assert.ok(m, `README has no block marked readme-test:${name}`);
  return m[1]!;
}

// npm must never reach past the tarball: offline, no audit, no fund (config through env, the commands stay verbatim).
const NPM_ENV = { npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', NO_COLOR: '1' };

describe('the npm package, packed and installed into a throwaway project', () => {
  it('packs fresh production bundles (prepack), schema, README and LICENSE only; installs offline; runs --version, scan, dod and the README examples', (t) => {
    const work = tempDir(t);
    const packOut = ok(run('npm', ['pack', '--json', '--pack-destination', work], REPO, NPM_ENV), 'npm pack');
    assert.match(packOut, /esbuild: built/, 'prepack built the bundles');
    // The prepack build prints first; the JSON report is the array that starts a line.
    const packed = JSON.parse(packOut.slice(packOut.search(/^\[/m))) as { filename: string; files: { path: string }[]; entryCount: number }[];
    const files = packed[0]!.files.map((f) => f.path).sort();
    for (const needed of ['dist/cli.js', 'dist/cliMain.js', 'dist/parser.js', 'schemas/debtledger.schema.json', 'README.md', 'LICENSE', 'package.json']) assert.ok(files.includes(needed), `${needed} in ${files.join(', ')}`);
    for (const f of files) assert.ok(!/^(src|test|out|scripts|node_modules|docs|examples)\//.test(f) && !f.endsWith('.map'), `${f} should not ship`);
    const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { private?: boolean; dependencies?: Record<string, string>; bin: Record<string, string>; engines: { node: string } };
    assert.equal(manifest.private, undefined);
    assert.deepEqual(manifest.dependencies ?? {}, {}, 'the bundles hold every runtime dependency');
    assert.equal(manifest.bin['debt-ledger'], 'dist/cli.js');
    assert.match(manifest.engines.node, /^>=20/);
    const tarball = path.join(work, packed[0]!.filename);

    // A project on a feature branch, cloned from an "origin" that has main.
    const origin = path.join(work, 'origin.git');
    const seed = path.join(work, 'seed');
    mkdirSync(seed);
    const git = (cwd: string, ...args: string[]): string => ok(run('git', args, cwd), `git ${args.join(' ')}`);
    git(seed, 'init', '-q', '--initial-branch=main');
    git(seed, 'config', 'user.email', 'ann@example.com');
    git(seed, 'config', 'user.name', 'Ann');
    git(seed, 'config', 'commit.gpgsign', 'false');
    writeFileSync(path.join(seed, 'package.json'), JSON.stringify({ name: 'demo', version: '1.0.0', private: true }, null, 2));
    writeFileSync(path.join(seed, '.gitignore'), 'node_modules/\n*.tgz\n');
    writeFileSync(path.join(seed, '.debtledger.json'), JSON.stringify({ definitionOfDone: { base: 'main', items: [{ id: 'ticketed', title: 'New debt is ticketed', check: { type: 'noNewUnticketedDebt' } }] } }));
    mkdirSync(path.join(seed, 'src'));
    writeFileSync(path.join(seed, 'src/a.ts'), '// TODO(#1): old and ticketed\nexport const a = 1;\n');
    // Install from the tarball: no network (offline), no dependencies to fetch.
    ok(run('npm', ['install', '--save-dev', tarball], seed, NPM_ENV), 'npm install <tarball>');
    assert.ok(existsSync(path.join(seed, 'node_modules/debt-ledger/dist/parser.js')));
    git(seed, 'add', '-A');
    git(seed, 'commit', '-qm', 'initial');
    git(work, 'clone', '-q', '--bare', seed, origin);
    const project = path.join(work, 'project');
    git(work, 'clone', '-q', origin, project);
    git(project, 'config', 'user.email', 'ann@example.com');
    git(project, 'config', 'user.name', 'Ann');
    git(project, 'config', 'commit.gpgsign', 'false');
    git(project, 'checkout', '-q', '-b', 'feature/x');
    writeFileSync(path.join(project, 'src/b.ts'), '// FIXME(@ann): #2 new, owned and ticketed\nexport const b = 2;\n');
    git(project, 'add', '-A');
    git(project, 'commit', '-qm', 'feature');
    ok(run('npm', ['ci'], project, NPM_ENV), 'npm ci');

    const npx = (...args: string[]): SpawnSyncReturns<string> => run('npx', ['--no-install', 'debt-ledger', ...args], project, { ...NPM_ENV, XDG_CACHE_HOME: path.join(work, 'cache') });
    assert.equal(ok(npx('--version'), '--version').trim(), TOOL_VERSION);
    const scan = JSON.parse(ok(npx('scan', '--format', 'json'), 'scan')) as { items: { file: string }[] };
    assert.deepEqual(scan.items.map((i) => i.file), ['src/a.ts', 'src/b.ts'], 'node_modules (the installed bundle) is not scanned');
    assert.match(ok(npx('dod'), 'dod'), /DONE, 1\/1 item\b/);

    // README, "Any other CI": the block verbatim in a shell that stops at the first failure.
    const generic = run('bash', ['-e', '-o', 'pipefail', '-c', readmeBlock('generic')], project, { ...NPM_ENV, XDG_CACHE_HOME: path.join(work, 'cache') });
    assert.equal(generic.status, 0, `${generic.stdout}\n${generic.stderr}`);
    assert.match(generic.stdout, /^src\/b\.ts\(1,4\): info DL1: FIXME: .*\[owner @ann, ticket #2\]$/m);
    assert.match(readFileSync(path.join(project, 'dod.md'), 'utf8'), /^## Definition of done: ✅ done/);
    assert.deepEqual(validate(JSON.parse(readFileSync(path.join(project, 'debt-ledger.sarif'), 'utf8')), SARIF_SCHEMA), []);

    // README, GitLab CI: each script line verbatim, then the artifact it names is a valid Code Quality report.
    const gitlab = readmeBlock('gitlab');
    const script = [...gitlab.matchAll(/^ {4}- (.+)$/gm)].map((m) => m[1]!).filter((l) => !l.startsWith('if:'));
    assert.ok(script.some((l) => l.includes('--format gitlab')), script.join('\n'));
    const artifact = /codequality: (\S+)/.exec(gitlab)![1]!;
    const ci = run('bash', ['-e', '-o', 'pipefail', '-c', script.join('\n')], project, { ...NPM_ENV, CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main', XDG_CACHE_HOME: path.join(work, 'cache') });
    assert.equal(ci.status, 0, `${ci.stdout}\n${ci.stderr}`);
    const report = JSON.parse(readFileSync(path.join(project, artifact), 'utf8')) as { fingerprint: string }[];
    assert.deepEqual(validate(report, GITLAB_SCHEMA), []);
    assert.equal(report.length, 2);
  });
});

// vsce renames these three inside the .vsix; everything else keeps its repository path under extension/.
const VSIX_NAMES: Record<string, string> = { 'extension/readme.md': 'README.md', 'extension/changelog.md': 'CHANGELOG.md', 'extension/LICENSE.txt': 'LICENSE' };

describe('the .vsix, built by npm run package from the .vscodeignore allowlist', () => {
  it('holds exactly the bundles, webview script, media, schema, README, LICENSE and CHANGELOG, the same set npm pack ships', (t) => {
    const ignore = readFileSync(path.join(REPO, '.vscodeignore'), 'utf8');
    assert.equal(ignore.split('\n').find((l) => l.trim() !== '' && !l.startsWith('#')), '**', '.vscodeignore is an allowlist');
    const work = tempDir(t);
    ok(run(process.execPath, ['scripts/build.mjs', '--production'], REPO), 'production build');
    const out = path.join(work, 'debt-ledger.vsix');
    const packaged = ok(run(process.execPath, ['scripts/package-vsix.mjs', '--out', out], REPO, { NO_COLOR: '1' }), 'package-vsix');
    const entries = zipEntries(readFileSync(out));
    const names = entries.map((e) => e.name).sort();
    // media/ and schemas/ ship whole (media/**, schemas/**); the rest is named one by one.
    const whole = ['media', 'schemas'].flatMap((dir) => (readdirSync(path.join(REPO, dir), { recursive: true, withFileTypes: true }) as Dirent[]).filter((e) => e.isFile()).map((e) => `extension/${path.relative(REPO, path.join(e.parentPath, e.name)).split(path.sep).join('/')}`));
    const expected = [
      '[Content_Types].xml', 'extension.vsixmanifest',
      'extension/LICENSE.txt', 'extension/changelog.md', 'extension/package.json', 'extension/readme.md',
      'extension/dist/cli.js', 'extension/dist/cliMain.js', 'extension/dist/extension.js', 'extension/dist/parser.js', 'extension/dist/scanWorker.js', 'extension/dist/webview/dashboard.js',
      ...whole,
    ].sort();
    assert.deepEqual(names, expected);
    assert.match(packaged, new RegExp(`Packaged: .*debt-ledger\\.vsix \\(${expected.length} files`), 'vsce packaged no more than it listed');
    assert.ok(existsSync(path.join(REPO, 'dist/action.js')), 'the build wrote dist/action.js, which the .vsix leaves out');

    // The packaged manifest is the repository's, without the npm allowlist vsce cannot combine with .vscodeignore.
    const repoManifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.ok(Array.isArray(repoManifest.files), 'package.json keeps "files" for npm pack');
    const withoutFiles = { ...repoManifest };
    delete withoutFiles.files;
    assert.deepEqual(JSON.parse(entries.find((e) => e.name === 'extension/package.json')!.read().toString('utf8')), withoutFiles);
    assert.equal(entries.find((e) => e.name === 'extension/dist/extension.js')!.read().length, readFileSync(path.join(REPO, 'dist/extension.js')).length);

    // Both allowlists select the same files (npm pack needs no build for its list: --dry-run, no prepack).
    const dry = JSON.parse(ok(run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], REPO, NPM_ENV), 'npm pack --dry-run')) as { files: { path: string }[] }[];
    const fromVsix = names.filter((n) => n.startsWith('extension/')).map((n) => VSIX_NAMES[n] ?? n.slice('extension/'.length)).sort();
    assert.deepEqual(dry[0]!.files.map((f) => f.path).sort(), fromVsix);
  });
});
