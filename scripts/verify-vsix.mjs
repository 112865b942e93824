// `npm run verify-vsix`: installs debt-ledger.vsix (from `npm run package`) into a clean extensions
// folder of the VS Code host with --install-extension, opens the sample workspace WITHOUT the development
// path (so only the installed copy can run), and saves a screenshot once the Ledger view shows items.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureVsCodeHost, repo } from './vscode-host.mjs';

const vsix = path.join(repo, 'debt-ledger.vsix');
if (!existsSync(vsix)) {
  console.error('debt-ledger.vsix not found: run "npm run package" first');
  process.exit(1);
}
const executable = ensureVsCodeHost();
if (!executable || !process.env.CODE_SERVER_BIN) {
  console.error('needs the bundled VS Code host (Linux): see scripts/vscode-host.mjs');
  process.exit(1);
}
const extensionsDir = mkdtempSync(path.join(os.tmpdir(), 'dlx-'));
try {
  const install = spawnSync(process.env.CODE_SERVER_BIN, ['--install-extension', vsix, '--extensions-dir', extensionsDir], { encoding: 'utf8' });
  console.log(install.stdout.trim());
  if (install.status !== 0) throw new Error(`install failed: ${install.stderr}`);
  console.log(`installed: ${readdirSync(extensionsDir).filter((d) => !d.startsWith('.') && d !== 'extensions.json').join(', ')}`);
  const out = path.join(repo, 'docs/images/ledger-installed.png');
  const run = spawnSync(executable, [`--extensions-dir=${extensionsDir}`, path.join(repo, 'examples/sample-service')], {
    stdio: 'inherit',
    env: { ...process.env, VSCODE_SHIM_SCREENSHOT: out, VSCODE_SHIM_CLICK: 'Debt Ledger', VSCODE_SHIM_EXPECT: 'move the base URL into configuration', VSCODE_SHIM_CLEAR_NOTIFICATIONS: '1' },
  });
  if (run.status !== 0) throw new Error('the installed extension did not show the ledger');
  console.log('the installed .vsix shows the Ledger view');
} finally {
  rmSync(extensionsDir, { recursive: true, force: true });
}
