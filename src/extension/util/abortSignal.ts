import type * as vscode from 'vscode';

/**
 * Runs core work that takes an AbortSignal under VS Code cancellation: the signal aborts when any of the
 * tokens (a progress notification's, our own for superseded runs) is cancelled.
 */
export async function withAbortSignal<T>(tokens: readonly vscode.CancellationToken[], work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const subscriptions = tokens.map((t) => t.onCancellationRequested(() => controller.abort()));
  try {
    return await work(controller.signal);
  } finally {
    subscriptions.forEach((s) => s.dispose());
  }
}
