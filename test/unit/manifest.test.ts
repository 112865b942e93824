import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { COMMANDS } from '../../src/extension/constants';

const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as {
  contributes: { commands: { command: string; title: string; category?: string }[] };
  engines: { vscode: string };
  main: string;
  bin: Record<string, string>;
};

it('contributes exactly the commands in the constants file, each titled under the Debt Ledger category', () => {
  const contributed = manifest.contributes.commands.map((c) => c.command).sort();
  assert.deepEqual(contributed, Object.values(COMMANDS).sort());
  for (const c of manifest.contributes.commands) {
    assert.equal(c.category, 'Debt Ledger');
    assert.ok(c.title.length > 0);
  }
});

it('targets a VS Code host these machines can run, with bundles as entry points', () => {
  assert.equal(manifest.engines.vscode, '^1.100.0');
  assert.equal(manifest.main, './dist/extension.js');
  assert.deepEqual(manifest.bin, { 'debt-ledger': 'dist/cli.js' });
});
