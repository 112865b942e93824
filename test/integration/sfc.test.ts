import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, waitFor, workspaceUri, writeText } from './helpers';

// A Vue single-file component: the script block is TS for the compiler, at the file's own offsets.
const VUE = [
  '<template>',
  '  <p>TODO: template text, not a comment</p>',
  '  <!-- TODO: a markup comment -->',
  '</template>',
  '',
  '<script setup lang="ts">',
  'async function load(url: string) {',
  '  return fetch(url);',
  '}',
  '</script>',
  '',
].join('\n');

describe('single-file components in a real VS Code', () => {
  it('finds a resilience gap inside a .vue script block at its line, and the quick fix edits that place', async () => {
    const ledger = await api();
    const uri = workspaceUri('src', 'Client.vue');
    await writeText(uri, VUE);
    try {
      await waitFor('the component\'s items', async () => {
        await ledger.whenIdle();
        return ledger.items().filter((i) => i.file === 'src/Client.vue').length === 3;
      });
      const items = ledger.items().filter((i) => i.file === 'src/Client.vue').map((i) => `${i.line}:${i.column} ${i.kind} ${i.tag} ${i.kind === 'marker' ? i.text : ''}`.trim()).sort();
      assert.deepEqual(items, ['3:8 marker TODO a markup comment', '8:10 resilience resilience/retry', '8:10 resilience resilience/timeout']);

      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const ours = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Debt Ledger');
      await waitFor('two resilience diagnostics on the component', () => ours().length === 2);
      const code = (d: vscode.Diagnostic): string => (d.code as { value: string }).value;
      assert.deepEqual(ours().map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${code(d)}`).sort(), [
        '7:9-19 resilience/retry',
        '7:9-19 resilience/timeout',
      ]);
      const timeout = ours().find((d) => code(d) === 'resilience/timeout')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, timeout.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.title === 'Add signal: AbortSignal.timeout(10000)');
      assert.ok(fix, actions.map((a) => a.title).join(', '));
      assert.ok(await vscode.workspace.applyEdit(fix.edit!));
      assert.equal(doc.lineAt(7).text, '  return fetch(url, { signal: AbortSignal.timeout(10000) });');
      assert.equal(doc.getText().split('\n').length, VUE.split('\n').length, 'the edit stays inside the script block, nothing else moves');
      await waitFor('the timeout diagnostic to go (from the unsaved buffer)', async () => {
        await ledger.whenIdle();
        return ours().length === 1 && code(ours()[0]!) === 'resilience/retry';
      });
      await doc.save();
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
      await waitFor('the component\'s items to go', async () => {
        await ledger.whenIdle();
        return !ledger.items().some((i) => i.file === 'src/Client.vue');
      });
    }
  });
});
