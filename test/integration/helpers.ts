import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DebtLedgerApi, NodeSnapshot } from '../../src/extension/composition';

export const EXTENSION_ID = 'debt-ledger.debt-ledger';

export async function api(): Promise<DebtLedgerApi> {
  const ext = vscode.extensions.getExtension<DebtLedgerApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  return ext.isActive ? ext.exports : ext.activate();
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  // (no segments: the folder itself)
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run with a workspace folder open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Polls until `check` returns true (file events arrive asynchronously). */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** `label (description)` per node, children indented: easy to compare and to read in a failure. */
export function render(nodes: NodeSnapshot[], depth = 0): string[] {
  return nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.label}${n.description ? ` (${n.description})` : ''}`, ...render(n.children, depth + 1)]);
}

export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}
