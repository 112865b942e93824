import * as vscode from 'vscode';

/**
 * User-facing messages. Each distinct message is shown once until `forget` (a broken config saved ten
 * times is one notification, not ten). Remembers what it showed, for the test API.
 */
export class Notifier {
  private readonly active = new Set<string>();
  readonly shown: string[] = [];

  /** Shows an error with actions; resolves to the action picked, if any. */
  async error(key: string, message: string, ...actions: string[]): Promise<string | undefined> {
    if (this.active.has(key)) return undefined;
    this.active.add(key);
    this.shown.push(message);
    return vscode.window.showErrorMessage(message, ...actions);
  }

  forget(key: string): void {
    this.active.delete(key);
  }
}
