import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, EXTENSION_ID, waitFor } from '../helpers';
import { bareWebview, type BareTiming } from './bareWebview';

/** One line per figure, `PERF {json}`. */
const report = (phase: string, figures: Record<string, unknown>): void => console.log(`PERF ${JSON.stringify({ phase, ...figures })}`);

describe('the Debt Dashboard on a real repository (timings)', () => {
  it('paints from what is known, then again with the trend from git; next to a minimal webview measured the same way', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.debtLedger');
    const ledger = await api();
    const extensionUri = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;
    // What a user does: the ledger is on screen (the last session's snapshot, or the first streamed items), then the dashboard.
    await waitFor('the first items in the view', () => ledger.firstLedger() !== null, 600_000);
    for (const phase of ['while scanning', 'reopened, after the scan', 'reopened again']) {
      if (phase !== 'while scanning') {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await waitFor('the first scan', () => ledger.folders().every((f) => f.listedWith !== null), 600_000);
        await ledger.whenIdle();
      }
      // VS Code's own webview start-up in the same state of the host: an empty page, then one with our two files.
      // Just before the reopened dashboard; after the first one (which stays the window's first webview).
      const measureBare = async (): Promise<BareTiming[]> => [await bareWebview(extensionUri, 'inline'), await bareWebview(extensionUri, 'resources')];
      const before = phase === 'while scanning' ? [] : await measureBare();
      const items = ledger.items().length;
      await vscode.commands.executeCommand('debtLedger.openDashboard');
      await waitFor('the trend painted', () => ledger.dashboardPainted()?.timing.trendPaintMs != null, 600_000);
      const painted = ledger.dashboardPainted()!;
      const trends = ledger.dashboardData()!.data.trends;
      const bare = phase === 'while scanning' ? await measureBare() : before;
      report('dashboard', { phase, items, ...painted.timing, postedBytes: JSON.stringify(ledger.dashboardData()).length, charts: painted.charts.length, trends: trends.map((t) => ({ branch: t.branch, base: t.base, points: t.points.length, reference: t.reference.length })) });
      report('bare-webview', { phase, bare });
      const t = painted.timing;
      console.log(`PERF dashboard ${phase}: ready ${t.readyMs} ms (document ${t.webviewLoad?.documentMs ?? '?'} ms, its service worker started ${t.webviewLoad?.navigation.workerStart ?? '?'} ms, page written ${t.webviewLoad?.writtenMs ?? '?'} ms, script ran after ${t.webviewLoadMs} ms of the webview's own load), first paint ${t.firstPaintMs} ms; minimal webview: ${bare.map((b) => `${b.variant} ready ${b.readyMs} ms (document ${b.documentMs}, worker ${b.navigation.workerStart ?? '?'}, own load ${b.loadMs})`).join('; ')}`);
      assert.ok(painted.charts.length >= 3);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
