// `npm run perf:host -- <folder> [--cold]`: opens a real repository in the real VS Code host with the
// extension and prints its timings: activation, first ledger in the view, first scan, extension-host CPU time
// and the longest event-loop block (first scan, then 200 keystrokes). The second (warm) run keeps the
// workspace storage, so the last session's ledger is shown from the snapshot while the scan runs.
// Run under the shared host lock: `flock /tmp/vscode-host.lock npm run perf:host -- <folder>`.
// --dashboard (`npm run perf:dashboard -- <folder>`): times the Debt Dashboard instead, from its command to the
// webview's first paint and to the paint with the trend from git (test/integration/dashboardPerf).
// --profile=<dir>: also writes a CPU profile of the extension host per phase (<dir>/<run>/<phase>.cpuprofile,
// from an unminified build so the stacks have names); `node scripts/perf-longtasks.mjs <file>` reads one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureVsCodeHost, repo } from './vscode-host.mjs';

const require = createRequire(import.meta.url);
const { runTests } = require('@vscode/test-electron');
const folder = path.resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '.');
const profileDir = process.argv.find((a) => a.startsWith('--profile='))?.slice('--profile='.length);
const built = spawnSync(process.execPath, [path.join(repo, 'scripts/build.mjs'), ...(profileDir ? [] : ['--production'])], { stdio: 'inherit' });
if (built.status !== 0) process.exit(1);
const executable = ensureVsCodeHost();
const git = spawnSync('git', ['-C', folder, 'rev-parse', 'HEAD'], { encoding: 'utf8' });
const files = spawnSync('git', ['-C', folder, 'ls-files'], { encoding: 'utf8', maxBuffer: 1 << 28 });
console.log(`perf: ${folder} at ${git.stdout.trim() || '(not git)'}, ${files.stdout.split('\n').filter(Boolean).length} files in git; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
const keep = mkdtempSync('/tmp/dlp-');
let code = 0;
try {
  // --cold: one run without the last session's snapshot and content cache only (big repositories take long).
  for (const run of process.argv.includes('--cold') ? ['cold'] : ['cold', 'warm']) {
    console.log(`\n--- ${run} start`);
    process.env.VSCODE_SHIM_USER_DATA_DIR = keep;
    if (profileDir) {
      process.env.DEBTLEDGER_PERF_PROFILE = path.resolve(profileDir, run);
      mkdirSync(process.env.DEBTLEDGER_PERF_PROFILE, { recursive: true });
    }
    try {
      await runTests({ vscodeExecutablePath: executable, extensionDevelopmentPath: repo, extensionTestsPath: path.join(repo, `out/test/integration/${process.argv.includes('--dashboard') ? 'dashboardPerf' : 'perf'}/index.js`), launchArgs: [folder, '--disable-extensions'] });
    } catch (err) {
      console.error(`${run} failed: ${err instanceof Error ? err.message : String(err)}`);
      code = 1;
    }
  }
} finally {
  rmSync(keep, { recursive: true, force: true });
}
process.exit(code);
