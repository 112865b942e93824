import type { RemoteFacts } from '../git/remote';
import type { LedgerItem } from '../model';
import type { NewIssue } from './providers/provider';

/** The forge a remote's host is, by the configured providers (github.com/gitlab.com by default). */
export type Forge = 'github' | 'gitlab';

/** The hidden line that makes an issue findable by the item's stable id (idempotent `tickets create`). */
export function idMarker(id: string): string {
  return `<!-- debt-ledger-id: ${id} -->`;
}

/** The stable id an issue body carries, if any. */
export function idInBody(body: string): string | null {
  return /<!-- debt-ledger-id: ([0-9a-f]{6,40}(?:-\d+)?) -->/.exec(body)?.[1] ?? null;
}

/** A link to the item's line at a commit: `…/blob/<sha>/<file>#L<line>` (GitLab: `…/-/blob/…`). */
export function permalink(forge: Forge, remote: RemoteFacts, commit: string, file: string, line: number): string {
  const path = file.split('/').map(encodeURIComponent).join('/');
  return `https://${remote.host}/${remote.path}/${forge === 'gitlab' ? '-/' : ''}blob/${commit}/${path}#L${line}`;
}

/** Age in whole days from the item's introducing commit; null when not known. */
export function ageDays(item: LedgerItem, now = Date.now()): number | null {
  if (!item.introduced) return null;
  const t = Date.parse(item.introduced.date);
  return Number.isNaN(t) ? null : Math.max(0, Math.floor((now - t) / 86_400_000));
}

const TITLE_MAX = 100;
const TEXT_MAX = 1500;

/**
 * What a new issue for an unticketed item says: title from tag and text; body with the text, a
 * permalink at the commit, owner, age, place and the hidden stable id. Only the marker's own comment text
 * goes out, never surrounding code.
 */
export function issueContent(item: LedgerItem, link: string | null, now = Date.now()): NewIssue {
  const text = item.text || '(no text)';
  const title = `${item.tag}: ${text}`.length > TITLE_MAX ? `${`${item.tag}: ${text}`.slice(0, TITLE_MAX - 1)}…` : `${item.tag}: ${text}`;
  const age = ageDays(item, now);
  const body = [
    text.length > TEXT_MAX ? `${text.slice(0, TEXT_MAX - 1)}…` : text,
    '',
    `- Where: ${link ? `[${item.file}:${item.line}](${link})` : `${item.file}:${item.line}`}`,
    `- Owner: ${item.owner ?? item.team ?? 'none'}`,
    `- Age: ${age === null ? 'not committed yet' : `${age} day${age === 1 ? '' : 's'}${item.introduced ? ` (since ${item.introduced.date.slice(0, 10)})` : ''}`}`,
    '',
    `Created from a ${item.tag} marker by Debt Ledger. ${idMarker(item.id)}`,
  ].join('\n');
  return { title, body, labels: ['debt-ledger', item.tag.toLowerCase().replace(/[^a-z0-9-]+/g, '')].filter(Boolean) };
}

/**
 * The tracker's new-issue page with title, body and labels filled in (no token needed). GitHub takes
 * `title`, `body`, `labels`; GitLab takes `issue[title]` and `issue[description]`, and labels as a
 * `/label` quick action in the description.
 */
export function newIssueUrl(forge: Forge, remote: RemoteFacts, issue: NewIssue): string {
  const base = `https://${remote.host}/${remote.path}`;
  if (forge === 'github') {
    const q = new URLSearchParams({ title: issue.title, body: issue.body, labels: issue.labels.join(',') });
    return `${base}/issues/new?${q.toString()}`;
  }
  const labels = issue.labels.map((l) => `~"${l}"`).join(' ');
  const q = new URLSearchParams({ 'issue[title]': issue.title, 'issue[description]': `${issue.body}\n\n/label ${labels}` });
  return `${base}/-/issues/new?${q.toString()}`;
}
