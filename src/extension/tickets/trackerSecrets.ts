import * as vscode from 'vscode';
import type { Env } from '../../core/tickets/providers/provider';

/** Variables the trackers read; a token stored here stands in for the environment variable of that name. */
export const TOKEN_VARIABLES = ['GITHUB_TOKEN', 'GITLAB_TOKEN', 'JIRA_API_TOKEN', 'JIRA_EMAIL', 'LINEAR_API_KEY'] as const;

const KEY = (name: string): string => `debtLedger.tracker.${name}`;

/**
 * Tracker tokens in VS Code's SecretStorage (the OS keychain), never in settings, files or logs. The
 * environment of the extension host is the fallback; a stored value wins.
 */
export class TrackerSecrets {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** The environment with stored tokens laid over it (also for configured `tokenEnv` names). */
  async env(extraNames: readonly string[] = []): Promise<Env> {
    const env: Record<string, string | undefined> = { ...process.env };
    for (const name of new Set([...TOKEN_VARIABLES, ...extraNames])) {
      const value = await this.secrets.get(KEY(name));
      if (value) env[name] = value;
    }
    return env;
  }

  async set(name: string, value: string): Promise<void> {
    if (value === '') await this.secrets.delete(KEY(name));
    else await this.secrets.store(KEY(name), value);
  }
}

/** "Set Tracker Token...": which variable, then the value in a password box; empty clears it. */
export async function setTrackerTokenCommand(secrets: TrackerSecrets): Promise<void> {
  const name = await vscode.window.showQuickPick([...TOKEN_VARIABLES], { placeHolder: 'Which token? (stored in the OS keychain through VS Code, never in a file)' });
  if (!name) return;
  const value = await vscode.window.showInputBox({ prompt: `${name} (empty to remove the stored one)`, password: true, ignoreFocusOut: true });
  if (value === undefined) return;
  await secrets.set(name, value.trim());
  void vscode.window.showInformationMessage(`Debt Ledger: ${name} ${value.trim() ? 'stored' : 'removed'}.`);
}
