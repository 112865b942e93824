import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { RemoteFacts } from '../git/remote';
import type { LedgerItem } from '../model';
import type { HttpPolicy } from './http';
import { idInBody, issueContent, permalink, type Forge } from './issueContent';
import { addTicketToMarker, type LineEdit } from './markerEdit';
import type { RemoteIssue, TicketProvider } from './providers/provider';

export interface CreatePlan {
  item: LedgerItem;
  /** The issue that carries the item's id: found (`existing`), just created, or null in a dry run. */
  issue: RemoteIssue | null;
  action: 'found' | 'created' | 'would create';
  /** The marker change that records the issue; null when the line moved on or there is no issue yet. */
  edit: LineEdit | null;
}

export interface CreateIssuesOptions {
  root: string;
  provider: TicketProvider;
  forge: Forge;
  remote: RemoteFacts;
  /** `owner/repo` or `group/project` the issues go to. */
  repo: string;
  /** HEAD, for permalinks; null = links without a commit are left out. */
  commit: string | null;
  dryRun: boolean;
  policy: HttpPolicy;
  now?: number;
}

async function lineOf(root: string, file: string, line: number): Promise<string | null> {
  try {
    return (await fs.readFile(path.join(root, file), 'utf8')).split('\n')[line - 1]?.replace(/\r$/, '') ?? null;
  } catch {
    return null;
  }
}

/**
 * Creates one issue per item unless an issue labelled `debt-ledger` already carries the item's stable id
 * (so a re-run, or a moved marker, never duplicates), and works out the marker edit for each. Issues
 * are created one at a time and never retried (a POST is not idempotent).
 */
export async function createIssues(items: readonly LedgerItem[], options: CreateIssuesOptions): Promise<CreatePlan[]> {
  if (!options.provider.listLedgerIssues || !options.provider.createIssue) throw new Error(`${options.provider.type} cannot create issues here`);
  const byId = new Map<string, RemoteIssue>();
  for (const issue of await options.provider.listLedgerIssues(options.repo, options.policy)) {
    const id = idInBody(issue.body);
    if (id && !byId.has(id)) byId.set(id, issue);
  }
  const plans: CreatePlan[] = [];
  for (const item of items) {
    let issue = byId.get(item.id) ?? null;
    let action: CreatePlan['action'] = 'found';
    if (!issue && options.dryRun) action = 'would create';
    else if (!issue) {
      const link = options.commit ? permalink(options.forge, options.remote, options.commit, item.file, item.line) : null;
      issue = await options.provider.createIssue(options.repo, issueContent(item, link, options.now), options.policy);
      byId.set(item.id, issue);
      action = 'created';
    }
    const text = issue ? await lineOf(options.root, item.file, item.line) : null;
    const change = text !== null && issue ? addTicketToMarker(text, item.column, item.tag, `#${issue.number}`) : null;
    plans.push({ item, issue, action, edit: change ? { file: item.file, line: item.line, ...change } : null });
  }
  return plans;
}

/**
 * Applies line edits, each only when its line still reads `before`; one write per file (temp file +
 * rename). Returns the edits applied.
 */
export async function applyLineEdits(root: string, edits: readonly LineEdit[]): Promise<LineEdit[]> {
  const applied: LineEdit[] = [];
  const byFile = new Map<string, LineEdit[]>();
  for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, list] of byFile) {
    const abs = path.join(root, file);
    // Never write through a symlink or into anything but a regular file.
    const stat = await fs.lstat(abs).catch(() => null);
    if (!stat?.isFile()) continue;
    const text = await fs.readFile(abs, 'utf8');
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const lines = text.split(/\r?\n/);
    for (const e of list) {
      if (lines[e.line - 1] !== e.before) continue;
      lines[e.line - 1] = e.after;
      applied.push(e);
    }
    const tmp = `${abs}.debt-ledger-${process.pid}.tmp`;
    await fs.writeFile(tmp, lines.join(eol), { mode: stat.mode & 0o7777 });
    await fs.rename(tmp, abs);
  }
  return applied;
}
