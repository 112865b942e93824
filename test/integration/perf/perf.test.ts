import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, waitFor } from '../helpers';
import { PhaseProfiler } from './profiler';
import type { HostStats } from '../../../src/extension/util/blockMonitor';

/** One line per figure, `PERF {json}`, collected by scripts/perf-host.mjs. */
const report = (phase: string, figures: Record<string, unknown>): void => console.log(`PERF ${JSON.stringify({ phase, ...figures })}`);

type Ledger = Awaited<ReturnType<typeof api>>;
/** The figures now, with the scanner process's CPU time asked for at this moment (not as of its last answer). */
async function stats(ledger: Ledger): Promise<HostStats> {
  await ledger.sampleScanner();
  return ledger.hostStats();
}
/** One plain line: the extension host's CPU, the scanner process's, and their sum. */
const cpuLine = (phase: string, s: HostStats): void =>
  console.log(`PERF cpu ${phase}: host ${s.cpuMs} ms + scanner ${s.scannerCpuMs ?? 'n/a'} ms = ${s.totalCpuMs} ms in ${s.wallMs} ms wall (scanner RSS ${s.scannerRssMb ?? 'n/a'} MB)`);

describe('Debt Ledger on a real repository (timings)', () => {
  const profiler = new PhaseProfiler();

  it('shows the first ledger, then finishes the scan; reports CPU time and the longest block', async () => {
    await profiler.start();
    const started = performance.now();
    // What a user does: open the Debt Ledger view (which activates the extension).
    await vscode.commands.executeCommand('workbench.view.extension.debtLedger');
    const ledger = await api();
    const activatedMs = performance.now() - started;
    await waitFor('the first items in the view', () => ledger.firstLedger() !== null, 600_000);
    const first = ledger.firstLedger()!;
    const atFirst = await stats(ledger);
    await waitFor('the first scan', () => ledger.folders().every((f) => f.listedWith !== null), 600_000);
    const scanned = await stats(ledger);
    await profiler.stop('first-scan');
    const items = ledger.items().length;
    await ledger.whenIdle();
    const idle = await stats(ledger);
    // Which other extensions ran in this host next to ours (their work is in the host's figures).
    report('extensions', { active: vscode.extensions.all.filter((e) => e.isActive).map((e) => e.id) });
    report('first-scan', { activatedMs: Math.round(activatedMs), timing: ledger.activationTiming(), firstLedgerMs: first.ms, firstLedgerProvisional: first.provisional, atFirst, scanned, idle, items });
    cpuLine('first scan', scanned);
    cpuLine('first scan until idle (blame)', idle);
    assert.ok(items > 0);
  });

  it('stays responsive while typing in a file with items (decorations and ledger follow the buffer)', async () => {
    const ledger = await api();
    const byFile = new Map<string, number>();
    for (const i of ledger.items()) byFile.set(i.file, (byFile.get(i.file) ?? 0) + 1);
    const [file] = [...byFile].sort((a, b) => b[1] - a[1])[0]!;
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, file);
    const editor = await vscode.window.showTextDocument(uri);
    const original = editor.document.getText();
    await ledger.whenIdle();
    await profiler.start();
    await ledger.sampleScanner();
    ledger.resetHostStats();
    // 200 keystrokes, one every 30 ms, each an edit that the ledger rescans (debounced).
    const line = Math.min(editor.document.lineCount - 1, 5);
    for (let n = 0; n < 200; n++) {
      await editor.edit((e) => e.insert(new vscode.Position(line, 0), n % 40 === 39 ? '\n' : n % 40 === 0 ? '// TODO: typed ' : 'x'), { undoStopBefore: false, undoStopAfter: false });
      await new Promise((r) => setTimeout(r, 30));
    }
    await ledger.whenIdle();
    const typing = await stats(ledger);
    await profiler.stop('typing');
    report('typing', { file, lines: editor.document.lineCount, itemsInFile: byFile.get(file), typing, decorated: ledger.decorations().find((d) => d.file === file)?.styles.reduce((n, s) => n + s.ranges.length, 0) ?? 0 });
    cpuLine('typing', typing);
    // Leave the repository as it was: the original text, saved (same bytes as before).
    await editor.edit((e) => e.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), original));
    await editor.document.save();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('measures the same figures on an idle host, as the machine baseline', async () => {
    const ledger = await api();
    await ledger.whenIdle();
    await profiler.start();
    await ledger.sampleScanner();
    ledger.resetHostStats();
    // Nothing of ours runs: what remains is other extensions and the machine's load (other processes).
    await new Promise((r) => setTimeout(r, 10_000));
    const idle = await stats(ledger);
    await profiler.stop('idle');
    report('idle-baseline', { idle });
    cpuLine('idle host', idle);
  });
});
