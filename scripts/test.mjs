// `npm test`: type-check + compile tests, lint, unit tests (node --test), the bundles, then the
// integration tests inside a real VS Code extension host (installed on first use, see
// scripts/vscode-host.mjs). Ends with a plain `N passed, N failed` line that CI log readers understand.
// SKIP_INTEGRATION=1 skips the host tests (a quick inner loop; CI never sets it).
import { spawn } from 'node:child_process';

const steps = [
  { name: 'compile (tsc, strict)', cmd: ['node_modules/typescript/bin/tsc', '-p', '.'] },
  { name: 'lint (eslint)', cmd: ['node_modules/eslint/bin/eslint.js', '.'] },
  { name: 'unit tests (node --test)', cmd: ['scripts/test-unit.mjs'], counts: true },
  { name: 'bundle (esbuild)', cmd: ['scripts/build.mjs', '--production'] },
  { name: 'integration tests (VS Code extension host)', cmd: ['scripts/test-integration.mjs'], counts: true, skip: process.env.SKIP_INTEGRATION === '1' },
];

let passed = 0;
let failed = 0;
let broken = [];
for (const step of steps) {
  if (step.skip) {
    console.log(`\n=== ${step.name}: skipped (SKIP_INTEGRATION=1)`);
    continue;
  }
  console.log(`\n=== ${step.name}`);
  const output = await new Promise((resolve) => {
    let text = '';
    const child = spawn(process.execPath, step.cmd, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, FORCE_COLOR: '0' } });
    child.stdout.on('data', (d) => {
      text += d;
      process.stdout.write(d);
    });
    child.on('close', (code) => resolve({ code, text }));
  });
  if (step.counts) {
    // node --test's spec reporter ("ℹ pass N"), or the host shim's plain "N passed, N failed".
    // Several host runs each print their own line: add them all up.
    const spec = /^ℹ pass (\d+)$/m.exec(output.text);
    const plain = [...output.text.matchAll(/^(\d+) passed, (\d+) failed/gm)];
    passed += spec ? Number(spec[1]) : plain.reduce((n, m) => n + Number(m[1]), 0);
    failed += spec ? Number(/^ℹ fail (\d+)$/m.exec(output.text)?.[1] ?? 0) : plain.reduce((n, m) => n + Number(m[2]), 0);
  }
  if (output.code !== 0) {
    broken.push(step.name);
    if (!step.counts) failed++;
    // Later steps are still worth running: one report with every problem.
  }
}
if (broken.length > 0) console.log(`\nFailed steps: ${broken.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(broken.length > 0 ? 1 : 0);
