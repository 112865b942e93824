import * as vscode from 'vscode';
import { CONFIG_FILE_NAME } from '../../core/config/config';
import { CONTEXT } from '../constants';
import type { DodStatus } from '../dod/dodController';
import type { LedgerController } from '../ledger/ledgerController';

let last: boolean | undefined;

/** Sets `debtLedger.hasConfig` (some folder has `.debtledger.json`) for the views' welcome content. */
export async function syncConfigContext(controller: LedgerController): Promise<void> {
  const found = await Promise.all(controller.folders().map((l) => vscode.workspace.fs.stat(vscode.Uri.joinPath(l.folder.uri, CONFIG_FILE_NAME)).then(() => true, () => false)));
  const has = found.some(Boolean);
  if (has === last) return;
  last = has;
  await vscode.commands.executeCommand('setContext', CONTEXT.hasConfig, has);
}

/** One line for the Definition of Done view's header (shown while the view is collapsed). */
export function dodSummary(status: DodStatus): string {
  if (status.kind === 'none') return '';
  if (status.kind === 'message') return status.text;
  const r = status.result;
  if (r.branch === r.base || r.base.endsWith(`/${r.branch}`)) return `${r.branch}: base branch`;
  const failing = r.items.filter((i) => i.state === 'fail').length;
  const pending = r.items.filter((i) => i.state === 'pending' || i.state === 'stale').length;
  return r.done ? `${r.branch}: done` : `${r.branch}: ${[failing && `${failing} failing`, pending && `${pending} to sign off`].filter(Boolean).join(', ') || 'not done'}`;
}
