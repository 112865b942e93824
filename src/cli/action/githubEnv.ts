import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';

/** GitHub caps one step's job summary at 1 MiB (docs: "Adding a job summary"). */
export const STEP_SUMMARY_MAX_BYTES = 1024 * 1024;

/** What the action needs from the pull-request event payload (`GITHUB_EVENT_PATH`); nulls outside a PR. */
export interface PullRequestFacts {
  baseSha: string | null;
  baseRef: string | null;
  headSha: string | null;
  number: number | null;
}

/** Reads the event file; a missing, unreadable or non-PR payload gives nulls, never a crash. */
export async function readPullRequest(eventPath: string | undefined): Promise<PullRequestFacts> {
  const none: PullRequestFacts = { baseSha: null, baseRef: null, headSha: null, number: null };
  if (!eventPath) return none;
  const raw = await fs.readFile(eventPath, 'utf8').catch(() => null);
  if (raw === null) return none;
  let event: unknown;
  try {
    event = JSON.parse(raw);
  } catch {
    return none;
  }
  const pr = (event as { pull_request?: { base?: { sha?: unknown; ref?: unknown }; head?: { sha?: unknown }; number?: unknown } } | null)?.pull_request;
  const sha = (v: unknown): string | null => (typeof v === 'string' && /^[0-9a-f]{40,64}$/.test(v) ? v : null);
  return {
    baseSha: sha(pr?.base?.sha),
    baseRef: typeof pr?.base?.ref === 'string' ? pr.base.ref : null,
    headSha: sha(pr?.head?.sha),
    number: typeof pr?.number === 'number' ? pr.number : null,
  };
}

/**
 * `name<<delimiter` blocks for `$GITHUB_OUTPUT` (the multi-line syntax, so a value can never start a
 * second output); the delimiter is random and checked against the value.
 */
export function outputBlock(values: Record<string, string | number | boolean>): string {
  return Object.entries(values).map(([name, value]) => {
    const text = String(value);
    let delimiter: string;
    do delimiter = `DEBT_LEDGER_${randomBytes(8).toString('hex')}`; while (text.includes(delimiter));
    return `${name}<<${delimiter}\n${text}\n${delimiter}\n`;
  }).join('');
}

/** Cuts Markdown to fit the step summary's byte cap (on a line boundary, with a note). */
export function fitSummary(markdown: string, maxBytes = STEP_SUMMARY_MAX_BYTES): string {
  if (Buffer.byteLength(markdown, 'utf8') <= maxBytes) return markdown;
  const note = '\n\n… cut to fit the 1 MiB job summary; see the Markdown artifact.\n';
  let cut = markdown.slice(0, maxBytes - Buffer.byteLength(note, 'utf8'));
  while (Buffer.byteLength(cut, 'utf8') > maxBytes - Buffer.byteLength(note, 'utf8')) cut = cut.slice(0, -1024);
  return cut.slice(0, cut.lastIndexOf('\n') + 1) + note;
}

export async function appendFileIfSet(file: string | undefined, text: string): Promise<void> {
  if (file) await fs.appendFile(file, text);
}
