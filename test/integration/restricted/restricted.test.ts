import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, render } from '../helpers';
import { hostileWorkspaceTests } from '../hostileWorkspace';

describe('Debt Ledger in Restricted Mode (an untrusted folder)', () => {
  it('runs in the untrusted folder and builds the ledger from file contents, without git', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the host opened the folder in Restricted Mode');
    const ledger = await api();
    await ledger.whenIdle();
    assert.deepEqual(ledger.folders(), [{ name: 'workspace', listedWith: 'walk', trusted: false }]);
    const tree = render(ledger.treeSnapshot());
    assert.ok(tree.includes('TODO (3)') && tree.includes('  <img src=x onerror=alert(1)> (src/xss.ts:1)') && tree.includes('  first item #1 (src/app.ts:3 · @ann · #1)'), tree.join('\n'));
    assert.ok(ledger.items().some((i) => i.kind === 'resilience'), 'resilience analysis needs no git either');
    assert.deepEqual(ledger.dodSnapshot().map((n) => n.label), ['The Definition of Done needs git, which Restricted Mode does not run.']);
  });

  describe('hostile files (Restricted Mode)', () => {
    hostileWorkspaceTests();
  });
});
