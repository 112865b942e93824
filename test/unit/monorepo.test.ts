import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectWorkspaces, pnpmWorkspaceGlobs } from '../../src/core/workspaces/workspaces';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseConfigText } from '../../src/core/config/loadConfig';
import { configTemplateFor } from '../../src/core/config/initTemplate';
import { dodTemplate } from '../../src/core/dod/dodTemplate';
import { repositoryLayout } from '../../src/core/dod/templateLayout';
import { cli } from './helpers/cli';
import { tempDir } from './helpers/tempDir';

const MONOREPO = {
  'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n  - \"apps/*\" # apps\n  - '!packages/legacy'\n",
  'package.json': '{ "name": "root", "private": true }',
  'packages/server/package.json': '{ "name": "@acme/server" }',
  'packages/server/src/router.ts': '// TODO: one\n// FIXME: two\n',
  'packages/server/test/router.test.ts': '// TODO: a test\n// TODO: another test\n// TODO: third test\n',
  'packages/client/package.json': '{ "name": "@acme/client" }',
  'packages/client/src/generated/api.ts': '// TODO: generated copy\n',
  'packages/legacy/package.json': '{ "name": "legacy" }',
  'packages/legacy/src/x.ts': '// TODO: legacy\n',
  'apps/web/package.json': '{ "name": "web" }',
  'apps/web/src/page.tsx': '// HACK: web\n',
  'scripts/release.mjs': '// TODO: tooling\n',
};

describe('workspaces', () => {
  it('reads pnpm-workspace.yaml, package.json workspaces, lerna.json and nx project.json', (t) => {
    assert.deepEqual(pnpmWorkspaceGlobs("packages:\n  - 'packages/*'\n  - apps/**\nother: 1\n"), ['packages/*', 'apps/**']);
    const pnpm = detectWorkspaces(tempDir(t, MONOREPO));
    assert.deepEqual(pnpm.packages.map((p) => p.name), ['web', '@acme/client', '@acme/server']);
    assert.equal(pnpm.packageOf('packages/server/src/router.ts'), '@acme/server');
    assert.equal(pnpm.packageOf('packages/legacy/src/x.ts'), null);
    assert.equal(pnpm.packageOf('scripts/release.mjs'), null);
    const npm = detectWorkspaces(tempDir(t, { 'package.json': '{ "workspaces": { "packages": ["libs/*"] } }', 'libs/a/package.json': '{ "name": "a" }', 'turbo.json': '{}' }));
    assert.deepEqual([npm.tools, npm.packages], [['npm', 'turbo'], [{ dir: 'libs/a', name: 'a' }]]);
    const lerna = detectWorkspaces(tempDir(t, { 'lerna.json': '{ "packages": ["modules/*"] }', 'modules/m/package.json': '{}' }));
    assert.deepEqual(lerna.packages, [{ dir: 'modules/m', name: 'm' }]);
    const nx = detectWorkspaces(tempDir(t, { 'nx.json': '{}', 'apps/shop/project.json': '{ "name": "shop" }', 'libs/ui/project.json': '{}' }));
    assert.deepEqual([nx.tools, nx.packages.map((p) => p.name)], [['nx'], ['shop', 'ui']]);
    assert.deepEqual(detectWorkspaces(tempDir(t, { 'package.json': 'not json' })).packages, []);
  });
});

describe('scan of a monorepo', () => {
  it('carries package and scope in JSON; --package and --scope filter', async (t) => {
    const dir = tempDir(t, MONOREPO);
    const json = JSON.parse((await cli(['scan', dir, '-f', 'json', '--no-git'], '/')).stdout) as { items: { file: string; package: string | null; scope: string }[] };
    const router = json.items.find((i) => i.file === 'packages/server/src/router.ts')!;
    assert.deepEqual([router.package, router.scope], ['@acme/server', 'source']);
    const pkg = JSON.parse((await cli(['scan', dir, '-f', 'json', '--no-git', '--package', '@acme/server'], '/')).stdout) as { items: { file: string }[] };
    assert.equal(pkg.items.length, 5);
    const byDir = JSON.parse((await cli(['scan', dir, '-f', 'json', '--no-git', '--package', 'packages/server', '--scope', 'test'], '/')).stdout) as { items: { file: string }[] };
    assert.equal(byDir.items.length, 3);
    const unknown = await cli(['scan', dir, '--no-git', '--package', 'nope'], '/');
    assert.deepEqual([unknown.code, unknown.stderr.trim()], [2, 'debt-ledger: --package: no package "nope" (packages: web, @acme/client, @acme/server)']);
    const badScope = await cli(['scan', dir, '--no-git', '--scope', 'tests'], '/');
    assert.equal(badScope.code, 2);
  });

  it('the table lists everything but counts neither generated nor vendored; hotspots and --sort interest are source', async (t) => {
    const dir = tempDir(t, MONOREPO);
    const table = (await cli(['scan', dir, '--no-git'], '/')).stdout;
    assert.match(table, /packages\/client\/src\/generated\/api\.ts/);
    assert.match(table, /^8 items \(TODO 6, FIXME 1, HACK 1\), 0 overdue in 5 files/m);
    assert.match(table, /^By scope: source 4, test 3, tooling 1; not counted: generated 1$/m);
    assert.match(table, /^By package: @acme\/server 5, web 1 \(outside packages 2\)$/m);
    const ranked = (await cli(['scan', dir, '--no-git', '--sort', 'interest'], '/')).stdout;
    assert.doesNotMatch(ranked, /router\.test\.ts/);
    assert.match(ranked, /Ranked: source only; 5 more items in test, example, tooling, generated or vendored files not shown \(--scope all to include them\)/);
    const all = (await cli(['scan', dir, '--no-git', '--sort', 'interest', '--scope', 'all'], '/')).stdout;
    assert.match(all, /router\.test\.ts/);
    assert.equal((await cli(['scan', dir, '--no-git', '--fail-on', 'count>8'], '/')).code, 0, 'the generated copy is not counted');
    assert.equal((await cli(['scan', dir, '--no-git', '--fail-on', 'count>8', '--scope', 'all'], '/')).code, 1, 'unless asked for');
  });
});

describe('debt-ledger init', () => {
  it('writes a valid configuration whose Definition of Done globs match the workspaces, once', async (t) => {
    const dir = tempDir(t, MONOREPO);
    const run = await cli(['init', dir], '/');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /layout: 3 workspace packages \(pnpm: packages\/\*, apps\/\*\)/);
    const { config, errors } = parseConfigText(readFileSync(path.join(dir, '.debtledger.json'), 'utf8'));
    assert.deepEqual(errors, []);
    const tests = config.definitionOfDone!.items.find((i) => i.id === 'tests')!.check;
    assert.deepEqual(tests, { type: 'testsChanged', source: ['packages/*/src/**', 'apps/*/src/**'], tests: ['packages/*/{test,tests,__tests__}/**', 'apps/*/{test,tests,__tests__}/**', '**/*.{test,spec}.*'] });
    const again = await cli(['init', dir], '/');
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists/);
  });

  it('a single package gets src/**, tests only when it has tests, and the template always parses', async (t) => {
    const dir = tempDir(t, { 'src/a.ts': '', 'test/a.test.ts': '' });
    const dod = dodTemplate(await repositoryLayout(dir, false));
    assert.deepEqual(parseConfigText(configTemplateFor(dod)).config.definitionOfDone!.items[0]!.check, { type: 'testsChanged', source: ['src/**'], tests: ['{test,tests,__tests__}/**', '**/*.{test,spec}.*'] });
    const untested = dodTemplate(await repositoryLayout(tempDir(t, { 'src/a.ts': '' }), false));
    assert.equal(untested.definitionOfDone.items.some((i) => i.id === 'tests'), false);
    assert.deepEqual(parseConfigText(configTemplateFor(null)).errors, []);
  });

  it('dod without a configuration file says how to create one', async (t) => {
    const dir = tempDir(t, { 'src/a.ts': '' });
    const run = await cli(['dod', dir], '/');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /no \.debtledger\.json in .*: create one with a Definition of Done for this layout with: debt-ledger init/);
  });
});
