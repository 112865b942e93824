// Runs the compiled unit tests (out/test/unit/**/*.test.js) with Node's own test runner.
// Node 20's `--test <dir>` would also pick up helpers under a `test` folder, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

const dir = 'out/test/unit';
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.test.js')).map((f) => path.join(dir, f)).sort();
if (files.length === 0) {
  console.error(`no unit tests found in ${dir}: run tsc first`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...process.argv.slice(2), ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
