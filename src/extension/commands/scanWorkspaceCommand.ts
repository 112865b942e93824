import * as vscode from 'vscode';
import { loadConfig } from '../../core/config/loadConfig';
import { formatConfigErrors } from '../../core/config/resolveConfig';
import { scanWorkspace } from '../../core/scan/scanner';
import { summaryLine } from '../../cli/formatters/summary';

/**
 * Scans every workspace folder with progress and cancellation, and writes the summary to the output
 * channel. In an untrusted workspace, files are listed without running git.
 */
export async function scanWorkspaceCommand(output: vscode.OutputChannel): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage('Debt Ledger: open a folder to scan.');
    return;
  }
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Debt Ledger: scanning', cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        for (const folder of folders) {
          const root = folder.uri.fsPath;
          const loaded = await loadConfig(root);
          if (loaded.errors.length > 0) {
            output.appendLine(formatConfigErrors(loaded.errors, `${folder.name}/.debtledger.json`));
            void vscode.window.showErrorMessage(`Debt Ledger: ${folder.name}/.debtledger.json is invalid; see the Debt Ledger output.`);
            continue;
          }
          const result = await scanWorkspace({
            root,
            config: loaded.config,
            useGit: vscode.workspace.isTrusted,
            signal: controller.signal,
            onProgress: (done, total) => progress.report({ message: `${folder.name}: ${done}/${total} files` }),
          });
          output.appendLine(`${folder.name}: ${summaryLine(result.items)} (${result.stats.filesScanned} files, ${result.stats.durationMs} ms)`);
          for (const s of result.skipped) output.appendLine(`  skipped ${s.file}: ${s.reason}`);
        }
      } catch (err) {
        if (!controller.signal.aborted) throw err;
        output.appendLine('Scan cancelled.');
      } finally {
        subscription.dispose();
      }
    },
  );
}
