import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, EXTENSION_ID } from '../helpers';

describe('Debt Ledger in an empty window', () => {
  it('leaves both views empty, so their welcome content with buttons shows, and every button is a real command', async () => {
    assert.equal(vscode.workspace.workspaceFolders, undefined);
    const ledger = await api();
    await ledger.whenIdle();
    // An empty tree is what makes VS Code show the viewsWelcome content.
    assert.deepEqual(ledger.treeSnapshot(), []);
    assert.deepEqual(ledger.dodSnapshot(), []);
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { viewsWelcome: { view: string; contents: string; when: string }[] } };
    const empty = manifest.contributes.viewsWelcome.filter((w) => w.when === 'workspaceFolderCount == 0');
    assert.deepEqual(empty.map((w) => w.view).sort(), ['debtLedger.dod', 'debtLedger.ledger']);
    const commands = new Set(await vscode.commands.getCommands(true));
    const links = manifest.contributes.viewsWelcome.flatMap((w) => [...w.contents.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]!));
    assert.ok(links.includes('workbench.action.files.openFolder') && links.includes('debtLedger.dod.createFromTemplate') && links.includes('debtLedger.getStarted'));
    for (const id of links) assert.ok(commands.has(id), `the welcome button command ${id} is registered`);
  });
});
