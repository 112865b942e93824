import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api } from '../helpers';

describe('Tickets in Restricted Mode', () => {
  it('asks no tracker even with the setting on, and Create Issue... opens nothing', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const ledger = await api();
    const opened: string[] = [];
    ledger.stubOpenExternal((url) => {
      opened.push(url);
      return Promise.resolve(true);
    });
    await vscode.workspace.getConfiguration('debtLedger').update('tickets.enabled', true, vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('debtLedger.refresh');
      await ledger.whenIdle();
      await new Promise((r) => setTimeout(r, 800));
      await ledger.whenIdle();
      const ticketed = ledger.items().filter((i) => i.ticket !== null);
      assert.ok(ticketed.length > 0, 'the fixture has ticketed items');
      assert.ok(ticketed.every((i) => i.ticketState === undefined), 'no ticket state: nothing was asked');
      const unticketed = ledger.items().find((i) => i.kind === 'marker' && i.ticket === null)!;
      await vscode.commands.executeCommand('debtLedger.createIssue', unticketed.id, { issue: '5' });
      assert.deepEqual(opened, []);
    } finally {
      await vscode.workspace.getConfiguration('debtLedger').update('tickets.enabled', undefined, vscode.ConfigurationTarget.Global);
      ledger.stubOpenExternal(undefined);
    }
  });
});
