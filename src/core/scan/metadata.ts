import { findTicket, findTrackerUrl } from './tickets';
export { findTicket } from './tickets';

/** Structured fields a marker can carry in its text. */
export interface MarkerMetadata {
  /** The first of `owners`; null when none. */
  owner: string | null;
  /** Every owner named, in order (`TODO(alice, bob)`). */
  owners: string[];
  ticket: string | null;
  due: string | null;
  /** Versions, milestones and area words (`TODO(v9)`, `TODO(billing)`), as written. */
  labels: string[];
  /** The text with the due-date token and the owner parenthesis removed, whitespace collapsed. */
  text: string;
}

/**
 * Who can own a marker, for telling `TODO(alice)` (an owner) from `TODO(billing)` (an area label):
 * handles from CODEOWNERS, `.mailmap` and the configured `owners` list. See docs/metadata.md.
 */
export interface OwnerDirectory {
  has(word: string): boolean;
}

export const NO_OWNERS: OwnerDirectory = { has: () => false };

const DUE_BRACKET = /\[(\d{4}-\d{2}-\d{2})\]/;
const DUE_KEYWORD = /\bdue\s*[:=]\s*(\d{4}-\d{2}-\d{2})\b/i;
// `@handle` as a word of its own: not a scoped package (`@types/node`), a decorator (`@Injectable()`),
// an e-mail address or a version (`pkg@1.2`).
const OWNER_MENTION = /(?:^|[\s(,])(@[A-Za-z0-9][\w.-]*[\w])(?![\w./(@-])(?!\s+decorators?\b)/g;
const HANDLE = /^@[A-Za-z0-9][\w.-]*$/;
const WORD = /^(?=[\w.-]*[A-Za-z])[A-Za-z0-9][\w.-]*$/;
/** `Babel 9`, `Node 22`, `TS 5.4`, `React v19`: a product and its next version. */
const PRODUCT_VERSION = /^[A-Za-z][\w.-]*\s+v?\d+(?:\.[\dxX*]+)*$/;
/** `v9`, `V9`, `v3.2`, `2.0`, `1.x`, `M3` (milestone), `next-major`. */
const VERSION = /^(?:[vV]\d+(?:\.[\dxX*]+)*|\d+\.[\dxX*]+(?:\.[\dxX*]+)*|[mM]\d+|next-?(?:major|minor|release)|major|breaking)$/;
// JSDoc and TSDoc tags are never people.
const DOC_TAGS = new Set(['page', 'media', 'import', 'font-face', 'keyframes', 'supports', 'charset', 'layer', 'container', 'tailwind', 'apply', 'param', 'returns', 'return', 'deprecated', 'see', 'link', 'throws', 'type', 'typedef', 'example', 'internal', 'public', 'private', 'beta', 'alpha', 'override', 'since', 'default', 'defaultvalue', 'inheritdoc', 'remarks', 'template', 'todo', 'fixme', 'ts-ignore', 'ts-expect-error', 'ts-nocheck', 'ts-check', 'jsx', 'flow', 'license', 'preserve', 'generated', 'experimental', 'readonly', 'packagedocumentation', 'module', 'file', 'fileoverview', 'author', 'callback', 'property', 'prop', 'augments', 'extends', 'implements', 'class', 'constructor', 'function', 'enum', 'const', 'async', 'abstract', 'override']);

/** A `YYYY-MM-DD` string that names a real calendar day. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function asTicket(part: string): string | null {
  if (/^\d+$/.test(part)) return `#${part}`; // TODO(1234): an issue number
  if (findTrackerUrl(part) === part) return part;
  return findTicket(part) === part ? part : null;
}

/** True for a version or milestone label (`v9`, `2.0`, `M3`), never an owner. */
export function isVersionLabel(part: string): boolean {
  return VERSION.test(part);
}

/**
 * Reads owners, ticket, due date and labels from a marker. `paren` is the content of `TAG(...)` when
 * present: its parts are sorted by shape into ticket (`#12`, `ABC-12`, a bare `1234`, a tracker URL),
 * due date, label (a version or milestone), owner (`@handle`, or a word the directory knows) and label
 * (any other word). A parenthesis that reads as a phrase (three words or more, no comma) is text.
 */
export function parseMetadata(paren: string | null, body: string, directory: OwnerDirectory = NO_OWNERS): MarkerMetadata {
  const owners: string[] = [];
  const labels: string[] = [];
  let ticket: string | null = null;
  let due: string | null = null;
  let text = body;
  const whole = paren?.trim() ?? '';
  if (PRODUCT_VERSION.test(whole)) {
    labels.push(whole.replace(/\s+/g, ' ')); // TODO(Babel 9), TODO(Node 22): a milestone, not an owner and ticket
  } else if (paren !== null) {
    const parts = paren.split(/[,\s]+/).filter(Boolean);
    if (parts.length >= 3 && !paren.includes(',') && !parts.some((p) => p.startsWith('@') || asTicket(p))) {
      text = `${paren} ${text}`;
    } else {
      for (const part of parts) {
        const dueValue = part.replace(/^due[:=]/i, '');
        const t: string | null = ticket ? null : asTicket(part);
        if (t) ticket = t;
        else if (!due && isCalendarDate(dueValue)) due = dueValue;
        else if (isVersionLabel(part)) labels.push(part);
        else if (HANDLE.test(part) && !DOC_TAGS.has(part.slice(1).toLowerCase())) owners.push(part);
        else if (WORD.test(part) && directory.has(part)) owners.push(part);
        else labels.push(part);
      }
    }
  }
  const bracket = DUE_BRACKET.exec(text) ?? DUE_KEYWORD.exec(text);
  if (bracket) {
    if (!due && isCalendarDate(bracket[1]!)) due = bracket[1]!;
    text = text.slice(0, bracket.index) + text.slice(bracket.index + bracket[0].length);
  }
  // A word in the parenthesis (`TODO(mack)`) is the best guess at an owner: no mention in the text replaces it.
  if (owners.length === 0 && !labels.some(isPlainWord)) {
    for (const m of text.matchAll(OWNER_MENTION)) {
      if (DOC_TAGS.has(m[1]!.slice(1).toLowerCase())) continue;
      owners.push(m[1]!);
      break;
    }
  }
  if (!ticket) ticket = findTicket(text);
  text = text.replace(/\s+/g, ' ').trim();
  return { owner: owners[0] ?? null, owners, ticket, due, labels, text };
}

/** A label that could be a person: a plain word, not a version or milestone. */
export function isPlainWord(label: string): boolean {
  return WORD.test(label) && !isVersionLabel(label);
}

/**
 * Moves plain-word labels the directory knows into the owners, in place (used once git authors are
 * known: `TODO(mduan)` on a line by Mack Duan <mduan@...>). Returns whether anything moved.
 */
export function promoteOwners(item: { owner: string | null; owners: string[]; labels: string[] }, directory: OwnerDirectory): boolean {
  if (item.owners.length > 0) return false;
  const people = item.labels.filter((l) => isPlainWord(l) && directory.has(l));
  if (people.length === 0) return false;
  item.owners = people;
  item.owner = people[0]!;
  item.labels = item.labels.filter((l) => !people.includes(l));
  return true;
}
