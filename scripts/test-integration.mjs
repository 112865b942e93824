// Integration tests in a real VS Code extension host (see scripts/vscode-host.mjs for which one).
// Expects `tsc -p .` (out/) and the bundles (dist/) to be built: `npm test` does both first.
// The fixture workspace is copied to a temp folder and made a git repository, so tests may edit it.
import { cpSync, mkdirSync, mkdtempSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureVsCodeHost, hostVersion, repo } from './vscode-host.mjs';

const require = createRequire(import.meta.url);
const { runTests } = require('@vscode/test-electron');
const { simpleGit } = require('simple-git');

for (const built of ['dist/extension.js', 'out/test/integration/index.js']) {
  if (!existsSync(path.join(repo, built))) {
    console.error(`${built} is missing: run "npm run build" and "tsc -p ." first (npm test does).`);
    process.exit(1);
  }
}

const executable = ensureVsCodeHost();
console.log(`VS Code host: ${executable ? `${hostVersion(executable)} via ${path.relative(repo, executable)}` : 'downloaded by @vscode/test-electron'}`);

// Short path: the server puts unix sockets under the user-data dir (108-character limit).
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dlw-'));
const workspace = path.join(tmp, 'workspace');
cpSync(path.join(repo, 'test/fixtures/workspace'), workspace, { recursive: true });
const git = simpleGit({ baseDir: workspace });
await git.init(['--initial-branch=main']);
await git.addConfig('user.name', 'Fixture');
await git.addConfig('user.email', 'fixture@example.com');
await git.add(['-A']);
await git.commit('fixture');
// A feature branch with one commit, for the Definition of Done view.
await git.checkoutLocalBranch('feature/login');
writeFileSync(path.join(workspace, 'CHANGELOG.md'), '# Changes\n- login\n');
await git.add(['-A']);
await git.commit('DL-1 note the login change');

// Multi-root: two repositories, each with its own configuration and Definition of Done, in one .code-workspace.
const makeRepo = async (name, config, files, branch, branchFiles) => {
  const dir = path.join(tmp, name);
  for (const [file, text] of Object.entries({ '.debtledger.json': JSON.stringify(config), ...files })) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const g = simpleGit({ baseDir: dir });
  await g.init(['--initial-branch=main']);
  await g.addConfig('user.name', 'Fixture');
  await g.addConfig('user.email', 'fixture@example.com');
  await g.add(['-A']);
  await g.commit('fixture');
  await g.checkoutLocalBranch(branch);
  for (const [file, text] of Object.entries(branchFiles)) writeFileSync(path.join(dir, file), text);
  await g.add(['-A']);
  await g.commit('DL-1 branch work');
  return dir;
};
await makeRepo('alpha', { tags: ['TODO', 'FIXME'], definitionOfDone: { base: 'main', items: [{ id: 'changelog', title: 'Changelog updated', check: { type: 'filesChanged', when: ['**'], require: ['CHANGELOG.md'] } }] } },
  { 'src/a.ts': '// TODO: alpha todo\n// FIXME: alpha fixme\n\nexport const x = 1; // HACK: not a tag in alpha\n' }, 'feature/a', { 'CHANGELOG.md': '# Changes\n' });
await makeRepo('beta', { tags: ['HACK'], definitionOfDone: { base: 'main', items: [{ id: 'budget', title: 'No net new debt', check: { type: 'debtBudget', max: 0 } }] } },
  { 'src/b.ts': '// TODO: not a tag in beta\n// HACK: beta hack\n' }, 'feature/b', { 'src/c.ts': '// HACK: added on the branch\n' });
const multiRoot = path.join(tmp, 'multi.code-workspace');
writeFileSync(multiRoot, JSON.stringify({ folders: [{ path: 'alpha' }, { path: 'beta' }] }));

let code = 0;
const run = async (name, testsPath, env = {}, opened = workspace) => {
  console.log(`\n--- ${name}`);
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : {}),
      extensionDevelopmentPath: repo,
      extensionTestsPath: path.join(repo, testsPath),
      launchArgs: [...(opened ? [opened] : []), '--disable-extensions'],
    });
  } catch (err) {
    console.error(`${name} failed: ${err instanceof Error ? err.message : String(err)}`);
    code = 1;
  } finally {
    process.env = saved;
  }
};
try {
  await run('trusted workspace', 'out/test/integration/index.js');
  await run('multi-root workspace', 'out/test/integration/multiroot/index.js', {}, multiRoot);
  await run('empty window', 'out/test/integration/empty/index.js', {}, null);
  // Restricted Mode needs the bundled host (the shim opens the folder untrusted); a desktop VS Code asks a person.
  if (executable && process.env.VSCODE_SERVER_MAIN) await run('Restricted Mode', 'out/test/integration/restricted/index.js', { VSCODE_SHIM_RESTRICTED: '1' });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
