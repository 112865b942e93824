// `npm run screenshot [-- <folder>] [--out <png>] [--expect <text>]`: opens a folder (default: the sample
// workspace) in the real VS Code host with the extension loaded, clicks the Debt Ledger activity-bar
// entry, waits until the tree shows <text>, and saves a PNG (default docs/images/ledger.png).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { makeSampleRepo } from './sample-repo.mjs';
import { ensureVsCodeHost, repo } from './vscode-host.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
// --dod: a throwaway repository of the sample on a feature branch, with the Ledger view collapsed so the
// Definition of Done view has the room.
const dod = args.includes('--dod');
// --dashboard light|dark: the Debt Dashboard of a throwaway sample repository, in that theme.
const dashboardTheme = opt('--dashboard', null);
// --highlights light|dark: the sample's first debt item opened in the editor (Go to Next Debt Item), ledger beside it.
const highlightTheme = opt('--highlights', null);
// --walkthrough: the Get Started walkthrough.
const walkthrough = args.includes('--walkthrough');
const folder = dod || dashboardTheme ? await makeSampleRepo() : path.resolve(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? path.join(repo, 'examples/sample-service'));
const out = path.resolve(opt('--out', path.join(repo, dashboardTheme ? `docs/images/dashboard-${dashboardTheme}.png` : highlightTheme ? `docs/images/highlights-${highlightTheme}.png` : walkthrough ? 'docs/images/walkthrough.png' : dod ? 'docs/images/dod.png' : 'docs/images/ledger.png')));
const expect = opt('--expect', dod ? 'Tests updated with the code' : 'move the base URL into configuration');

const built = spawnSync(process.execPath, [path.join(repo, 'scripts/build.mjs'), '--production'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(1);
const executable = ensureVsCodeHost();
if (!executable) {
  console.error('screenshots need the bundled VS Code host (Linux) or VSCODE_EXECUTABLE pointing at the shim');
  process.exit(1);
}
const run = spawnSync(executable, [`--extensionDevelopmentPath=${repo}`, '--disable-extensions', folder], {
  stdio: 'inherit',
  env: { ...process.env, VSCODE_SHIM_SCREENSHOT: out, VSCODE_SHIM_CLICK: 'Debt Ledger', VSCODE_SHIM_EXPECT: expect, VSCODE_SHIM_SIDEBAR_WIDTH: '640', VSCODE_SHIM_CLEAR_NOTIFICATIONS: '1', ...(dod ? { VSCODE_SHIM_COLLAPSE: 'Ledger' } : {}),
    ...(dashboardTheme ? { VSCODE_SHIM_COMMAND: 'Debt Ledger: Open Debt Dashboard', VSCODE_SHIM_THEME: dashboardTheme, VSCODE_SHIM_SIDEBAR_WIDTH: '' } : {}),
    ...(highlightTheme ? { VSCODE_SHIM_COMMAND: 'Debt Ledger: Go to Next Debt Item', VSCODE_SHIM_THEME: highlightTheme, VSCODE_SHIM_SIDEBAR_WIDTH: '420' } : {}),
    ...(walkthrough ? { VSCODE_SHIM_COMMAND: 'Debt Ledger: Get Started', VSCODE_SHIM_SIDEBAR_WIDTH: '' } : {}),
    ...(process.env.VSCODE_SHIM_SIDEBAR_WIDTH !== undefined ? { VSCODE_SHIM_SIDEBAR_WIDTH: process.env.VSCODE_SHIM_SIDEBAR_WIDTH } : {}) },
});
if (dod || dashboardTheme) rmSync(folder, { recursive: true, force: true });
process.exit(run.status ?? 1);
