import * as vscode from 'vscode';
import { SCOPES, UNCOUNTED_SCOPES } from '../../core/scope/model';
import type { CommandContext } from './commandContext';

const DETAIL: Record<string, string> = {
  source: 'the code you ship',
  test: 'tests, fixtures, e2e',
  example: 'examples, demos, docs',
  generated: 'generated files (never counted)',
  vendored: 'third-party copies (never counted)',
  tooling: 'build and dev scripts, config files',
};

/** Chooses the scopes the Ledger view shows; remembered per workspace (see ViewState.scopesFor). */
export async function filterScopeCommand(ctx: CommandContext): Promise<void> {
  const items = ctx.controller.folders().flatMap((l) => l.index.items());
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.scope, (counts.get(i.scope) ?? 0) + 1);
  const current = ctx.state.scopesFor(items.some((i) => i.scope === 'test')) ?? [...SCOPES];
  const picks = await vscode.window.showQuickPick(
    SCOPES.map((s) => ({ label: s, description: `${counts.get(s) ?? 0}${UNCOUNTED_SCOPES.includes(s) ? ' · not counted' : ''}`, detail: DETAIL[s], picked: current.includes(s) })),
    { canPickMany: true, placeHolder: 'Show items in these scopes (none = all)' },
  );
  if (!picks) return;
  await ctx.state.setScopes(picks.length === SCOPES.length ? null : picks.map((p) => p.label));
}
