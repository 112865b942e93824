import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, render, waitFor } from '../helpers';

describe('Debt Ledger in a multi-root workspace', () => {
  it('shows both folders in the ledger, each scanned with its own configuration', async () => {
    assert.deepEqual(vscode.workspace.workspaceFolders?.map((f) => f.name), ['alpha', 'beta']);
    const ledger = await api();
    await waitFor('both folders scanned', async () => {
      await ledger.whenIdle();
      return ledger.folders().every((f) => f.listedWith !== null);
    }, 30_000);
    assert.deepEqual(render(ledger.treeSnapshot()), [
      'alpha (2)',
      '  FIXME (1)',
      '    alpha fixme (src/a.ts:2)',
      '  TODO (1)',
      '    alpha todo (src/a.ts:1)',
      // beta counts only HACK (its own .debtledger.json): its TODO is not an item.
      'beta (2)',
      '  HACK (2)',
      '    beta hack (src/b.ts:2)',
      '    added on the branch (src/c.ts:1)',
    ]);
  });

  it('checks each folder against its own Definition of Done', async () => {
    const ledger = await api();
    await vscode.commands.executeCommand('debtLedger.dod.recheck');
    await ledger.whenIdle();
    // Folders, headers and items (evidence lines, indented deeper, left out).
    const view = render(ledger.dodSnapshot()).filter((l) => !/^ {4}/.test(l)).map((l) => l.replace(/[0-9a-f]{7}/g, '<sha>'));
    assert.deepEqual(view, [
      'alpha (feature/a: done)',
      '  feature/a → main (done · merge base <sha> · incl. uncommitted)',
      '  Changelog updated (pass)',
      'beta (feature/b: 1 failing)',
      '  feature/b → main (not done · merge base <sha> · incl. uncommitted)',
      '  No net new debt (fail)',
    ]);
  });
});

describe('the Debt Dashboard in a multi-root workspace', () => {
  it('draws a trend per folder, each on its own branch with its own base as the reference', async () => {
    const ledger = await api();
    await vscode.commands.executeCommand('debtLedger.openDashboard');
    await waitFor('both trends drawn', () => ledger.dashboardPainted()?.timing.trendPaintMs != null, 60_000);
    const trends = ledger.dashboardData()!.data.trends;
    assert.deepEqual(trends.map((t) => [t.folder, t.branch, t.base, t.points.length, t.reference.length]), [['alpha', 'feature/a', 'main', 2, 1], ['beta', 'feature/b', 'main', 2, 1]]);
    // Each folder counted with its own configuration: beta's TODO is not a tag there, its branch adds a HACK.
    assert.deepEqual(trends.map((t) => t.points.map((p) => p.marker)), [[2, 2], [1, 2]]);
    const charts = ledger.dashboardPainted()!.charts;
    assert.deepEqual(charts.map((c) => `${c.folder}/${c.kind}`), ['alpha/marker', 'alpha/suppression', 'alpha/resilience', 'beta/marker', 'beta/suppression', 'beta/resilience']);
    assert.deepEqual(charts.find((c) => c.folder === 'beta' && c.kind === 'marker')!.ticks, [0, 1, 2]);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
