/** Structured fields a marker can carry in its text. */
export interface MarkerMetadata {
  owner: string | null;
  ticket: string | null;
  due: string | null;
  /** The text with the due-date token and the owner parenthesis removed, whitespace collapsed. */
  text: string;
}

// Upper-case keys that look like tickets but are standards or encodings.
const NOT_TICKET_KEYS = new Set(['UTF', 'ISO', 'SHA', 'RFC', 'ECMA', 'ES', 'IE', 'HTTP', 'TLS', 'SSL', 'CVE', 'UCS', 'WCAG']);
const ISSUE_URL = /\bhttps?:\/\/[^\s)\]>]+\/(?:issues|pull|pulls|merge_requests|browse|tickets?|work_items)\/[A-Za-z0-9-]+/;
const HASH_TICKET = /(?:^|[\s([,;])(#\d+)\b/;
const KEY_TICKET = /\b([A-Z][A-Z0-9]{1,9})-(\d+)\b/g;
const DUE_BRACKET = /\[(\d{4}-\d{2}-\d{2})\]/;
const DUE_KEYWORD = /\bdue\s*[:=]\s*(\d{4}-\d{2}-\d{2})\b/i;
const OWNER_MENTION = /(?:^|\s)(@[A-Za-z0-9][\w.-]*[\w])/;

/** A `YYYY-MM-DD` string that names a real calendar day. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The first ticket reference in a text: an issue URL, `#123` or `ABC-123`. */
export function findTicket(text: string): string | null {
  // An issue URL wins over the `#n` or key inside it; otherwise the earliest reference.
  const url = ISSUE_URL.exec(text);
  if (url) return url[0];
  const hash = HASH_TICKET.exec(text);
  KEY_TICKET.lastIndex = 0;
  let key: RegExpExecArray | null = KEY_TICKET.exec(text);
  while (key && NOT_TICKET_KEYS.has(key[1]!)) key = KEY_TICKET.exec(text);
  if (hash && (!key || hash.index < key.index)) return hash[1]!;
  return key ? key[0] : null;
}

function isTicket(value: string): boolean {
  return findTicket(value) === value;
}

/**
 * Reads owner, ticket and due date from a marker. `paren` is the content of `TAG(...)` when present:
 * its parts are sorted into ticket, due date and owner by shape.
 */
export function parseMetadata(paren: string | null, body: string): MarkerMetadata {
  let owner: string | null = null;
  let ticket: string | null = null;
  let due: string | null = null;
  if (paren !== null) {
    for (const part of paren.split(/[,\s]+/).filter(Boolean)) {
      if (!ticket && isTicket(part)) ticket = part;
      else if (!due && isCalendarDate(part.replace(/^due[:=]/i, ''))) due = part.replace(/^due[:=]/i, '');
      else if (!owner) owner = part;
    }
  }
  let text = body;
  const bracket = DUE_BRACKET.exec(text) ?? DUE_KEYWORD.exec(text);
  if (bracket) {
    if (!due && isCalendarDate(bracket[1]!)) due = bracket[1]!;
    text = text.slice(0, bracket.index) + text.slice(bracket.index + bracket[0].length);
  }
  if (!owner) owner = OWNER_MENTION.exec(text)?.[1] ?? null;
  if (!ticket) ticket = findTicket(text);
  text = text.replace(/\s+/g, ' ').trim();
  return { owner, ticket, due, text };
}
