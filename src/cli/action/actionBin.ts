import { runAction } from './actionMain';

// The action's process edge (bundled to dist/action.js): everything else is testable through runAction.
void runAction({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.env.GITHUB_WORKSPACE || process.cwd(),
  env: process.env,
  isTTY: false,
  columns: 120,
}).then((code) => {
  process.exitCode = code;
});
