import { GitFactsError } from '../git/branchFacts';
import type { SimpleGit } from 'simple-git';
import { assertRefShape, ensureGit } from '../git/gitGuards';
import { gitClient } from '../git/loadGit';
import type { DodItem, Signoff } from './model';

/** The notes ref sign-offs live under; share it with `git push origin refs/notes/debt-ledger`. */
export const NOTES_REF = 'refs/notes/debt-ledger';

/** Whether a person may sign an item off: `who` entries match a name, an email, or `@` + the email's local part. */
export function mayAct(item: DodItem, person: { name: string; email: string }): boolean {
  if (item.who.length === 0) return true;
  const handle = `@${person.email.split('@')[0]}`.toLowerCase();
  return item.who.some((w) => [person.name.toLowerCase(), person.email.toLowerCase(), handle].includes(w.toLowerCase()) || w === '*');
}

function parseNote(text: string, commit: string): Signoff[] {
  const out: Signoff[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim().startsWith('{')) continue;
    try {
      const raw = JSON.parse(line) as Partial<Signoff>;
      if (typeof raw.item === 'string' && (raw.action === 'signoff' || raw.action === 'revoke') && typeof raw.email === 'string') {
        out.push({ item: raw.item, action: raw.action, name: String(raw.name ?? ''), email: raw.email, at: String(raw.at ?? ''), commit, comment: typeof raw.comment === 'string' ? raw.comment : null });
      }
    } catch {
      // A line someone edited by hand: skipped, never fatal.
    }
  }
  return out;
}

/** Every sign-off and revocation recorded on the given commits, oldest first. */
export async function readSignoffs(root: string, commits: readonly string[]): Promise<Signoff[]> {
  const git = gitClient(root);
  let list: string;
  try {
    list = await git.raw(['notes', `--ref=${NOTES_REF}`, 'list']);
  } catch {
    return [];
  }
  const wanted = new Set(commits);
  const found: Signoff[] = [];
  for (const line of list.split('\n')) {
    const [, commit] = line.trim().split(/\s+/);
    if (!commit || !wanted.has(commit)) continue;
    found.push(...parseNote(await git.raw(['notes', `--ref=${NOTES_REF}`, 'show', commit]), commit));
  }
  return found.sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * Records a sign-off (or its revocation) by the git user on HEAD, appending to the commit's note so
 * other reviewers' lines stay. Enforces the item's `who`. Outside a repository, without commits or
 * without git it fails with a one-line GitFactsError / GitNotFoundError.
 */
export async function recordSignoff(root: string, item: DodItem, action: Signoff['action'], comment: string | null, now = new Date()): Promise<Signoff> {
  if (!item.manual) throw new GitFactsError(`"${item.id}" is checked automatically`, 'only manual items are signed off');
  ensureGit();
  const git = gitClient(root);
  const inside = await git.raw(['rev-parse', '--is-inside-work-tree']).then((o) => o.trim() === 'true', () => false);
  if (!inside) throw new GitFactsError(`${root} is not inside a git repository`, 'sign off in a clone of the repository');
  const commit = await git.raw(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']).then((o) => o.trim(), () => '');
  if (!commit) throw new GitFactsError('the branch has no commits yet', 'commit first; a sign-off is recorded on a commit');
  const name = (await git.raw(['config', 'user.name']).catch(() => '')).trim();
  const email = (await git.raw(['config', 'user.email']).catch(() => '')).trim();
  if (!name || !email) throw new GitFactsError('git user.name and user.email are not set', 'git config user.name "Your Name" && git config user.email you@example.com');
  if (!mayAct(item, { name, email })) throw new GitFactsError(`${name} <${email}> may not sign off "${item.id}"`, `allowed: ${item.who.join(', ')}`);
  const signoff: Signoff = { item: item.id, action, name, email, at: now.toISOString(), commit, comment };
  await appendNoteAtomically(git, commit, JSON.stringify({ ...signoff, commit: undefined }));
  return signoff;
}

const ZERO_OID = '0'.repeat(40);

/**
 * Appends a line to a commit's note with compare-and-swap on the notes ref, so two reviewers signing at
 * the same moment both keep their line: the append is made on a private ref starting from the notes
 * ref's current value, then `git update-ref <notes ref> <new> <old>` moves the shared ref only if it
 * still points where we started; otherwise the append is redone on the new value.
 */
async function appendNoteAtomically(git: SimpleGit, commit: string, line: string): Promise<void> {
  const scratch = `refs/notes/debt-ledger-pending-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  try {
    for (let attempt = 0; ; attempt++) {
      const old = await git.raw(['rev-parse', '--verify', '--quiet', NOTES_REF]).then((o) => o.trim(), () => '');
      if (old) await git.raw(['update-ref', scratch, old]);
      else await git.raw(['update-ref', '-d', scratch]).catch(() => undefined);
      await git.raw(['notes', `--ref=${scratch}`, 'append', '-m', line, '--end-of-options', commit]);
      const next = (await git.raw(['rev-parse', '--verify', scratch])).trim();
      try {
        await git.raw(['update-ref', NOTES_REF, next, old || ZERO_OID]);
        return;
      } catch (err) {
        // Someone else moved the notes ref (or holds its lock) since we read it: start again from theirs.
        if (attempt >= 30) throw new GitFactsError(`could not record the sign-off: ${NOTES_REF} kept changing`, `try again (${(err as Error).message.split('\n')[0]})`);
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 40));
      }
    }
  } finally {
    await git.raw(['update-ref', '-d', scratch]).catch(() => undefined);
  }
}

/**
 * Brings in sign-offs pushed by others without losing local ones: fetches the remote's notes ref and
 * merges line by line (`cat_sort_uniq`), so two reviewers signing the same commit both survive.
 */
export async function mergeRemoteSignoffs(root: string, remote = 'origin'): Promise<void> {
  assertRefShape(remote, 'remote');
  ensureGit();
  const git = gitClient(root);
  const tracking = 'refs/notes/debt-ledger-remote';
  await git.raw(['fetch', '--end-of-options', remote, `+${NOTES_REF}:${tracking}`]);
  const local = await git.raw(['rev-parse', '--verify', '--quiet', NOTES_REF]).then((o) => o.trim(), () => '');
  if (!local) await git.raw(['update-ref', NOTES_REF, tracking]);
  else await git.raw(['notes', `--ref=${NOTES_REF}`, 'merge', '--strategy=cat_sort_uniq', tracking]);
}
