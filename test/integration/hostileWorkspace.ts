import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, readText, render, waitFor, workspaceUri, writeText } from './helpers';

/**
 * Hostile workspace files in the editor, run trusted (hostile.test.ts) and in Restricted Mode
 * (restricted.test.ts): one file nested too deeply for the parser, and a configuration with keys
 * from Object.prototype, must leave the rest of the ledger visible with a clear message.
 */
export function hostileWorkspaceTests(): void {
  const debtIds = async (): Promise<string[]> => {
    const ledger = await api();
    await ledger.whenIdle();
    return ledger.items().filter((i) => i.kind !== 'resilience').map((i) => i.id).sort();
  };

  it('a file nested too deeply to parse: its marker comes from the comment scan, the rest of the ledger stays, the reason is given', async () => {
    const ledger = await api();
    const before = await debtIds();
    assert.ok(before.length > 3, 'the fixture ledger is there');
    const deep = workspaceUri('src', 'deep.ts');
    // `fetch` makes it a resilience candidate, so the compiler parses it (and overflows); a file without a
    // network word is read by the lexer pass and needs no parse at all. 5,000 levels: the scan worker's
    // larger stack still parses the 1,500 that overflow the CLI's.
    await writeText(deep, `// TODO: deep generated item\nconst x = fetch${'('.repeat(5000)}1${')'.repeat(5000)};\n`);
    try {
      await vscode.commands.executeCommand('debtLedger.scanWorkspace');
      await waitFor('the deep file\'s item and its skip reason', async () => {
        await ledger.whenIdle();
        return ledger.items().some((i) => i.file === 'src/deep.ts' && i.text === 'deep generated item') && ledger.skipped().some((s) => s.file === 'src/deep.ts');
      });
      const after = await debtIds();
      assert.deepEqual(before.filter((id) => !after.includes(id)), [], 'every other item is kept');
      assert.match(ledger.skipped().find((s) => s.file === 'src/deep.ts')!.reason, /^too deeply nested to parse: markers read by a comment scan/);
      assert.ok(render(ledger.treeSnapshot()).some((l) => l.includes('deep generated item')), render(ledger.treeSnapshot()).join('\n'));
    } finally {
      await vscode.workspace.fs.delete(deep);
      await waitFor('the deep file\'s item to go', async () => { await ledger.whenIdle(); return !ledger.items().some((i) => i.file === 'src/deep.ts'); });
    }
  });

  it('a .debtledger.json with keys from Object.prototype: a clear message, the ledger stays visible', async () => {
    const ledger = await api();
    const config = workspaceUri('.debtledger.json');
    const good = await readText(config);
    const before = await debtIds();
    await writeText(config, good.replace(/^\s*\{/, '{ "valueOf": 1, "__proto__": { "tags": ["EVIL"] }, "constructor": {},'));
    try {
      await waitFor('the configuration message', () => ledger.notifications().some((m) => m.includes('is invalid (.debtledger.json valueOf: unknown key)')));
      await ledger.whenIdle();
      assert.ok(render(ledger.treeSnapshot())[0]!.startsWith('Configuration invalid: .debtledger.json valueOf: unknown key'), render(ledger.treeSnapshot()).join('\n'));
      assert.deepEqual(await debtIds(), before, 'the ledger stays visible');
    } finally {
      await writeText(config, good);
      await waitFor('the configuration to be valid again', async () => {
        await ledger.whenIdle();
        return !render(ledger.treeSnapshot())[0]!.startsWith('Configuration invalid');
      });
    }
  });
}
