import { runCli } from './main';

// The process edge: everything else is testable through runCli.
void runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  columns: process.stdout.columns ?? 120,
}).then((code) => {
  process.exitCode = code;
});
