import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { reportError } from '../../src/cli/errors';
import { tempDir } from './helpers/tempDir';

// No code path prints a stack trace for a user's error: the real process, as a user runs it.

const BIN = path.join(__dirname, '../../src/cli/bin.js');
const STACK = /\n\s+at |Error: /;

describe('the CLI top-level handler', () => {
  it('user errors are one line and exit 2, in a real process', (t) => {
    const plain = tempDir(t, { 'a.ts': '// TODO: x\n' });
    const proto = tempDir(t, { 'a.ts': '// TODO: x\n', '.debtledger.json': '{"valueOf": 1}' });
    const dod = tempDir(t, { '.debtledger.json': '{"definitionOfDone": {"items": [{"id": "x", "title": "x", "manual": true}]}}' });
    const env = { ...process.env, XDG_CACHE_HOME: path.join(plain, '.c'), GIT_CEILING_DIRECTORIES: path.dirname(plain) };
    const cases: [string[], string, RegExp][] = [
      [['scan', './missing'], plain, /^debt-ledger: \.\/missing is not a folder\n$/],
      [['signoff', 'x'], dod, /^debt-ledger: .* is not inside a git repository; sign off in a clone of the repository\n$/],
      [['scan', '.', '--no-git'], proto, /^debt-ledger: invalid configuration:\n\.debtledger\.json valueOf: unknown key\n$/],
      [['scan', '.', '--format', 'nope'], plain, /^debt-ledger: unknown --format "nope"/],
      [['scan', '.', '--no-git', '-o', '.'], plain, /^debt-ledger: cannot write \.: it is a folder\n$/],
      [['scan', '.', '--no-git', '--baseline-file', 'nope.json'], plain, /^debt-ledger: no baseline at nope\.json/],
      [['trend', '.'], plain, /^debt-ledger: /],
      [['dod', '.'], dod, /^debt-ledger: .* is not inside a git repository/],
      [['--bogus'], plain, /^debt-ledger: Unknown option '--bogus'/],
    ];
    for (const [args, cwd, message] of cases) {
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env });
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message, args.join(' '));
      assert.doesNotMatch(r.stderr, STACK, args.join(' '));
    }
  });

  it('a true bug is one "please report" line; the stack only with --debug', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'x')");
    const quiet = reportError(bug, false);
    assert.equal(quiet.code, 2);
    assert.equal(quiet.text, "debt-ledger: internal error: Cannot read properties of undefined (reading 'x'). This is a bug; please report it with the command you ran. (run with --debug for details)\n");
    const loud = reportError(bug, true);
    assert.match(loud.text, /please report it[^\n]*\nTypeError: Cannot read properties[\s\S]*\n\s+at /);
  });
});
