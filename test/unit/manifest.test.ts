import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { COMMANDS } from '../../src/extension/constants';

const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as {
  contributes: { commands: { command: string; title: string; category?: string }[] };
  engines: { vscode: string };
  main: string;
  bin: Record<string, string>;
  files: string[];
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

type Manifest = {
  contributes: {
    menus: Record<string, { command: string }[]>;
    configuration: { properties: Record<string, unknown> }[];
    views: Record<string, { id: string }[]>;
    jsonValidation: { fileMatch: string; url: string }[];
  };
  capabilities: { untrustedWorkspaces: { supported: string | boolean } };
};
const full = manifest as unknown as Manifest;

it('menus only reference contributed commands', () => {
  const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
  for (const [menu, entries] of Object.entries(full.contributes.menus)) {
    for (const e of entries) assert.ok(contributed.has(e.command), `${menu} references ${e.command}`);
  }
});

it('contributes the settings the configuration facade reads, the view, the schema and trust capability', () => {
  const settings = Object.assign({}, ...full.contributes.configuration.map((c) => c.properties)) as Record<string, unknown>;
  for (const key of ['tags', 'suppressions', 'exclude', 'maxFileSize', 'groupBy', 'statusBar.enabled', 'debounceMs']) {
    assert.ok(`debtLedger.${key}` in settings, `debtLedger.${key} is contributed`);
  }
  assert.deepEqual(full.contributes.views.debtLedger!.map((v) => v.id), ['debtLedger.ledger', 'debtLedger.dod']);
  assert.deepEqual(full.contributes.jsonValidation, [{ fileMatch: '.debtledger.json', url: './schemas/debtledger.schema.json' }]);
  assert.equal(full.capabilities.untrustedWorkspaces.supported, 'limited');
});

it('keeps a top-level .vscodeignore allowlist for the .vsix naming the same paths as "files" for npm pack', () => {
  const ignoreFile = path.join(__dirname, '../../../.vscodeignore');
  assert.ok(existsSync(ignoreFile), '.vscodeignore at the top level');
  const rules = readFileSync(ignoreFile, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  assert.equal(rules[0], '**', 'everything is ignored first');
  const allowed = rules.slice(1);
  for (const rule of allowed) assert.ok(rule.startsWith('!'), `${rule}: after "**" every rule allows`);
  // package.json always ships (vsce and npm add it themselves); .vscodeignore names it for the reader.
  assert.deepEqual(allowed.map((r) => r.slice(1)).filter((r) => r !== 'package.json').sort(), [...manifest.files].sort());
});
