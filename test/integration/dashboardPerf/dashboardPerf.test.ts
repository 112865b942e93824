import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, waitFor } from '../helpers';

/** One line per figure, `PERF {json}`. */
const report = (phase: string, figures: Record<string, unknown>): void => console.log(`PERF ${JSON.stringify({ phase, ...figures })}`);

describe('the Debt Dashboard on a real repository (timings)', () => {
  it('paints from what is known, then again with the trend from git', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.debtLedger');
    const ledger = await api();
    // What a user does: the ledger is on screen (the last session's snapshot, or the first streamed items), then the dashboard.
    await waitFor('the first items in the view', () => ledger.firstLedger() !== null, 600_000);
    for (const phase of ['while scanning', 'reopened, after the scan']) {
      if (phase !== 'while scanning') {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await waitFor('the first scan', () => ledger.folders().every((f) => f.listedWith !== null), 600_000);
        await ledger.whenIdle();
      }
      const items = ledger.items().length;
      await vscode.commands.executeCommand('debtLedger.openDashboard');
      await waitFor('the trend painted', () => ledger.dashboardPainted()?.timing.trendPaintMs != null, 600_000);
      const painted = ledger.dashboardPainted()!;
      const trends = ledger.dashboardData()!.data.trends;
      report('dashboard', { phase, items, ...painted.timing, charts: painted.charts.length, trends: trends.map((t) => ({ branch: t.branch, base: t.base, points: t.points.length, reference: t.reference.length })) });
      assert.ok(painted.charts.length >= 3);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
