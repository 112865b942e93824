// `npm run package` (after the production build): debt-ledger.vsix from the .vscodeignore allowlist.
// The repository keeps two allowlists: .vscodeignore for the .vsix and "files" in package.json for
// npm pack. vsce refuses to package a folder that has both ("VSCE does not support combining both
// strategies") and has no option to ignore "files", so this script
//   1. asks vsce which files .vscodeignore selects (its public listFiles, the same rules `vsce ls` uses),
//   2. copies exactly those into a temporary folder, with .vscodeignore and a package.json without "files",
//   3. runs `vsce package --no-dependencies --out <out>` there, and removes the folder.
// Flags: --out <path> (default: debt-ledger.vsix at the repository root).
import { listFiles, PackageManager } from '@vscode/vsce';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outIndex = process.argv.indexOf('--out');
if (outIndex !== -1 && !process.argv[outIndex + 1]) {
  console.error('--out needs a path');
  process.exit(2);
}
const out = path.resolve(outIndex === -1 ? path.join(repo, 'debt-ledger.vsix') : process.argv[outIndex + 1]);

const require = createRequire(import.meta.url);
const vsceDir = path.dirname(require.resolve('@vscode/vsce/package.json'));
const vsceBin = path.join(vsceDir, JSON.parse(readFileSync(path.join(vsceDir, 'package.json'), 'utf8')).bin.vsce);

const files = await listFiles({ cwd: repo, packageManager: PackageManager.None });
for (const needed of ['package.json', 'dist/extension.js']) {
  if (!files.includes(needed)) {
    console.error(`${needed} is not selected by .vscodeignore (or missing: run the production build first)`);
    process.exit(1);
  }
}

const stage = mkdtempSync(path.join(os.tmpdir(), 'debt-ledger-vsix-'));
let status = 1;
try {
  for (const file of [...files, '.vscodeignore']) {
    mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
    copyFileSync(path.join(repo, file), path.join(stage, file));
  }
  // The .vsix gets the manifest as it is, minus the npm allowlist vsce cannot combine with .vscodeignore.
  const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
  delete manifest.files;
  writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const run = spawnSync(process.execPath, [vsceBin, 'package', '--no-dependencies', '--out', out], { cwd: stage, stdio: 'inherit' });
  status = run.status ?? 1;
  if (run.error) console.error(`vsce did not run: ${run.error.message}`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
process.exit(status);
