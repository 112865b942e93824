import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DebtLedgerApi } from '../../src/extension/composition';
import { api, waitFor } from './helpers';

/** Opens the dashboard and waits until the webview drew the trend read from git; returns what it drew. */
export async function openDashboard(ledger: DebtLedgerApi): Promise<NonNullable<ReturnType<DebtLedgerApi['dashboardPainted']>>> {
  await vscode.commands.executeCommand('debtLedger.openDashboard');
  await waitFor('the webview to draw the trend read from git', () => ledger.dashboardPainted()?.timing.trendPaintMs != null, 60_000);
  return ledger.dashboardPainted()!;
}

describe('Debt Dashboard', () => {
  it('draws totals at once, then one chart per kind for the current branch with main as the reference line', async () => {
    const ledger = await api();
    await waitFor('the first scan', async () => {
      await ledger.whenIdle();
      return ledger.items().length > 0;
    }, 30_000);
    const painted = await openDashboard(ledger);
    const data = ledger.dashboardData()!.data;
    assert.deepEqual(data.totals.map((t) => t.kind).sort(), ['marker', 'resilience', 'suppression']);
    assert.ok(data.overdue.some((i) => i.file === 'src/app.ts' && i.due === '2020-01-01'));
    // The trend follows the branch the totals describe; the base (definitionOfDone.base) is the reference.
    assert.equal(data.trends.length, 1);
    const [trend] = data.trends;
    assert.deepEqual([trend!.folder, trend!.branch, trend!.base], ['workspace', 'feature/login', 'main']);
    assert.equal(trend!.points.length, 2, 'two first-parent commits on feature/login');
    assert.equal(trend!.reference.length, 1, 'one on main');
    assert.equal(trend!.points.at(-1)!.marker, data.totals.find((t) => t.kind === 'marker')!.count, 'the last point is the branch as scanned');
    // What the webview drew, read back from its DOM: a chart per kind, each with its own labelled y scale.
    assert.deepEqual(painted.charts.map((c) => [c.folder, c.kind]), [['workspace', 'marker'], ['workspace', 'suppression'], ['workspace', 'resilience']]);
    for (const c of painted.charts) {
      const values = [...trend!.points, ...trend!.reference].map((p) => p[c.kind as 'marker']);
      assert.ok(c.ticks.length >= 2 && c.ticks[0]! <= Math.min(...values) && c.ticks.at(-1)! >= Math.max(...values), `${c.kind}: ticks ${c.ticks.join(',')} cover ${values.join(',')}`);
      assert.equal(c.points, 2);
      assert.equal(c.reference, 1);
    }
    const first = painted.timing;
    console.log(`      dashboard (no stored trend): webview ready ${first.readyMs} ms, first paint ${first.firstPaintMs} ms, trend painted ${first.trendPaintMs} ms after the command`);
    assert.equal(first.firstPaintHadTrend, false);
    assert.equal(first.firstPaintFromPage, true, 'the page came drawn by the host (totals before any post)');
    // A new panel (as in the next session) draws the stored trend in its first paint, before git answers.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const again = await openDashboard(ledger);
    console.log(`      dashboard (stored trend): webview ready ${again.timing.readyMs} ms, first paint ${again.timing.firstPaintMs} ms, with the trend; git's trend painted ${again.timing.trendPaintMs} ms after the command`);
    assert.equal(again.timing.firstPaintHadTrend, true);
    assert.equal(again.timing.firstPaintFromPage, true);
    await waitFor('blame dates', async () => {
      await ledger.whenIdle();
      return ledger.items().some((i) => i.introduced !== null);
    });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
