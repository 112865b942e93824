// `npm run screenshot [-- <mode>] [<folder>] [--out <png>]`: opens a folder in the real VS Code host with the
// extension loaded, shows one feature and saves a PNG (default under docs/images/). Modes:
//   (none) [--expect <text>]      the Ledger view of <folder> (default: the sample workspace)   ledger.png
//   --folders <folder>            the Ledger grouped by folder at the default sidebar width, after the scan
//                                                                                        ledger-folders-<name>.png
//   --highlights light|dark       the sample's first debt item in the editor, ledger beside it   highlights-<theme>.png
//   --dashboard light|dark [<folder>]  the Debt Dashboard once its trend is drawn (default: a throwaway sample
//                                 repository on a feature branch)                              dashboard-<theme>.png
//   --walkthrough                 the Get Started walkthrough (Debt Ledger: Get Started)          walkthrough.png
//   --dod                         the Definition of Done view of the sample on a feature branch   dod.png
//   --branch                      the Ledger showing only what the sample's feature branch adds   branch.png
//   --ci                          the sample's GitHub workflow and `debt-ledger dod` in a terminal ci.png
// --clip x,y,w,h saves only that part of the 1280x800 window; --also <png>@x,y,w,h saves a part as well
// (the walkthrough's images in media/walkthrough/).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { makeSampleRepo } from './sample-repo.mjs';
import { ensureVsCodeHost, repo } from './vscode-host.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const VALUED = new Set(['--out', '--expect', '--dashboard', '--highlights', '--clip', '--also', '--expand']);
const positional = args.find((a, i) => !a.startsWith('--') && !VALUED.has(args[i - 1]));
const mode = ['--folders', '--highlights', '--dashboard', '--walkthrough', '--dod', '--branch', '--ci'].find((m) => args.includes(m)) ?? 'ledger';
const theme = opt(mode, 'light');
const sampleRepo = ['--dod', '--branch', '--ci'].includes(mode) || (mode === '--dashboard' && !positional);
const folder = sampleRepo ? await makeSampleRepo() : path.resolve(positional ?? path.join(repo, 'examples/sample-service'));
const base = { VSCODE_SHIM_CLICK: 'Debt Ledger', VSCODE_SHIM_EXPECT: opt('--expect', 'move the base URL into configuration'), VSCODE_SHIM_SIDEBAR_WIDTH: '640', VSCODE_SHIM_CLEAR_NOTIFICATIONS: '1' };
const modes = {
  ledger: { out: 'ledger.png', env: {} },
  // --expand <label|label>: tree rows to open after the scan (a big ledger starts collapsed).
  '--folders': { out: `ledger-folders-${path.basename(folder)}.png`, env: { VSCODE_SHIM_EXPECT: 'by', VSCODE_SHIM_EXPECT_GONE: 'Scanning', VSCODE_SHIM_COMMAND: 'Debt Ledger: Group By...=>Folder', VSCODE_SHIM_WAIT_MS: '2000', VSCODE_SHIM_SIDEBAR_WIDTH: '', VSCODE_SHIM_EXPAND: opt('--expand', '') } },
  '--highlights': { out: `highlights-${theme}.png`, env: { VSCODE_SHIM_COMMAND: 'Debt Ledger: Go to Next Debt Item', VSCODE_SHIM_THEME: theme, VSCODE_SHIM_SIDEBAR_WIDTH: '420', VSCODE_SHIM_KEYS: 'End' } },
  // Waits for the last chart's caption: the trend from git is drawn.
  '--dashboard': { out: `dashboard-${theme}.png`, env: { VSCODE_SHIM_EXPECT: 'by tag', VSCODE_SHIM_COMMAND: 'Debt Ledger: Open Debt Dashboard', VSCODE_SHIM_EXPECT_FRAME: 'Resilience gaps', VSCODE_SHIM_THEME: theme, VSCODE_SHIM_SIDEBAR_WIDTH: '', VSCODE_SHIM_WAIT_MS: '1500' } },
  // The sidebar closed, so the walkthrough has the width to show its steps beside the step's image.
  '--walkthrough': { out: 'walkthrough.png', env: { VSCODE_SHIM_CLICK: '', VSCODE_SHIM_EXPECT: '', VSCODE_SHIM_COMMAND: 'View: Toggle Primary Side Bar Visibility|Debt Ledger: Get Started', VSCODE_SHIM_SIDEBAR_WIDTH: '' } },
  // The Definition of Done view starts collapsed to its header: the Ledger collapses, the DoD view opens.
  '--dod': { out: 'dod.png', env: { VSCODE_SHIM_EXPECT: 'by tag', VSCODE_SHIM_COLLAPSE: 'Ledger|Definition of Done', VSCODE_SHIM_EXPECT_FRAME: 'Tests updated with the code' } },
  '--branch': { out: 'branch.png', env: { VSCODE_SHIM_EXPECT: 'by tag', VSCODE_SHIM_COMMAND: 'Debt Ledger: Show Only New on This Branch', VSCODE_SHIM_SIDEBAR_WIDTH: '520' } },
  '--ci': { out: 'ci.png', env: { VSCODE_SHIM_OPEN: '.github/workflows/debt-ledger.yml', VSCODE_SHIM_SIDEBAR_WIDTH: '', VSCODE_SHIM_COMMAND: 'View: Toggle Primary Side Bar Visibility', VSCODE_SHIM_WAIT_MS: '800', VSCODE_SHIM_PANEL_HEIGHT: '480', VSCODE_SHIM_TERMINAL: `alias debt-ledger="node ${path.join(repo, 'dist/cli.js')}"|clear|debt-ledger dod`, VSCODE_SHIM_TERMINAL_WAIT_MS: '8000' } },
}[mode];
if (mode === '--ci') {
  // The README's GitHub Actions example, as a team would commit it.
  mkdirSync(path.join(folder, '.github/workflows'), { recursive: true });
  writeFileSync(path.join(folder, '.github/workflows/debt-ledger.yml'), `name: Debt Ledger
on: pull_request
permissions: { contents: read, security-events: write, pull-requests: write }
jobs:
  debt-ledger:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with: { fetch-depth: 0 }
      - id: ledger
        uses: debt-ledger/debt-ledger@v0.1.0
        with: { fail-on: "overdue,resilience/timeout", require-signoffs: true }
      - if: always() && steps.ledger.outputs.sarif
        uses: github/codeql-action/upload-sarif@v3
        with: { sarif_file: "\${{ steps.ledger.outputs.sarif }}", category: debt-ledger }
`);
}
const out = path.resolve(opt('--out', path.join(repo, 'docs/images', modes.out)));

const built = spawnSync(process.execPath, [path.join(repo, 'scripts/build.mjs'), '--production'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(1);
const executable = ensureVsCodeHost();
if (!executable) {
  console.error('screenshots need the bundled VS Code host (Linux) or VSCODE_EXECUTABLE pointing at the shim');
  process.exit(1);
}
const run = spawnSync(executable, [`--extensionDevelopmentPath=${repo}`, '--disable-extensions', folder], {
  stdio: 'inherit',
  env: { ...process.env, ...base, ...modes.env, VSCODE_SHIM_SCREENSHOT: out,
    ...(opt('--clip', null) ? { VSCODE_SHIM_CLIP: opt('--clip', null) } : {}),
    ...(opt('--also', null) ? { VSCODE_SHIM_ALSO: opt('--also', null).replace(/^[^@]+/, (f) => path.resolve(f)) } : {}),
    ...(process.env.VSCODE_SHIM_SIDEBAR_WIDTH !== undefined ? { VSCODE_SHIM_SIDEBAR_WIDTH: process.env.VSCODE_SHIM_SIDEBAR_WIDTH } : {}) },
});
if (sampleRepo) rmSync(folder, { recursive: true, force: true });
process.exit(run.status ?? 1);
