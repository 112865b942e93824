// Integration tests in a real VS Code extension host (see scripts/vscode-host.mjs for which one).
// Expects `tsc -p .` (out/) and the bundles (dist/) to be built: `npm test` does both first.
// The fixture workspace is copied to a temp folder and made a git repository, so tests may edit it.
import { cpSync, mkdtempSync, rmSync, existsSync, writeFileSync } from 'node:fs';
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

let code = 0;
const run = async (name, testsPath, env = {}) => {
  console.log(`\n--- ${name}`);
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : {}),
      extensionDevelopmentPath: repo,
      extensionTestsPath: path.join(repo, testsPath),
      launchArgs: [workspace, '--disable-extensions'],
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
  // Restricted Mode needs the bundled host (the shim opens the folder untrusted); a desktop VS Code asks a person.
  if (executable && process.env.VSCODE_SERVER_MAIN) await run('Restricted Mode', 'out/test/integration/restricted/index.js', { VSCODE_SHIM_RESTRICTED: '1' });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
