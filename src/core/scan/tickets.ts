// Ticket references as a person reads them: bug-tracker URLs first, then `#123` and `ABC-123` outside URLs.

// Upper-case keys that look like tickets but are standards or encodings.
const NOT_TICKET_KEYS = new Set(['UTF', 'ISO', 'SHA', 'RFC', 'ECMA', 'ES', 'IE', 'HTTP', 'TLS', 'SSL', 'CVE', 'UCS', 'WCAG', 'ISO8601', 'X', 'UTC', 'GMT']);

/**
 * Bug-tracker URLs, most specific first (a Chromium `.../issues/detail?id=1` must not stop at `detail`).
 * Documentation links match none of these, so they are never tickets.
 */
const TRACKER_URLS: readonly RegExp[] = [
  /\bhttps?:\/\/[^\s)\]>]+\/show_bug\.cgi\?id=\d+/, // Bugzilla (Mozilla, WebKit, GCC...)
  /\bhttps?:\/\/[^\s)\]>]+\/issues\/detail\?id=\d+/, // Monorail (bugs.chromium.org), Google Code
  /\b(?:https?:\/\/)?crbug\.com\/(?:[\w-]+\/)?\d+/, // Chromium short links
  /\bhttps?:\/\/linear\.app\/[\w-]+\/issue\/[A-Za-z][A-Za-z0-9]*-\d+/, // Linear
  /\bhttps?:\/\/[^\s)\]>]+\/_workitems\/edit\/\d+/, // Azure DevOps
  /\bhttps?:\/\/[^\s)\]>]+\/-\/(?:issues|merge_requests|work_items)\/\d+/, // GitLab
  /\bhttps?:\/\/[^\s)\]>]+\/(?:issues|pull|pulls|merge_requests|browse|tickets?|work_items)\/[A-Za-z0-9-]*\d[A-Za-z0-9-]*/, // GitHub, Jira, Trac, issues.chromium.org...
];
/** Google's issue tracker: `b/123456` (Firebase, Angular, Chromium code). */
const BUGANIZER = /(?<![\w/.])b\/\d{4,}\b/;
const ANY_URL = /\b(?:https?:\/\/|www\.)[^\s)\]>]+/g;
const HASH_TICKET = /(?:^|[\s([,;])(#\d+)\b/;
const KEY_TICKET = /\b([A-Z][A-Z0-9]{1,9})-(\d+)\b/g;

/** The first bug-tracker URL in a text, or null. */
export function findTrackerUrl(text: string): string | null {
  for (const re of TRACKER_URLS) {
    const m = re.exec(text);
    if (m) return m[0];
  }
  return null;
}

/** The first ticket reference in a text: a bug-tracker URL, else the earliest `#123` or `ABC-123` outside URLs. */
export function findTicket(text: string): string | null {
  const url = findTrackerUrl(text);
  if (url) return url;
  const buganizer = BUGANIZER.exec(text);
  if (buganizer) return buganizer[0];
  // Keys and anchors inside other links (documentation, specs) are not tickets: blank the links out.
  const plain = text.replace(ANY_URL, (u) => ' '.repeat(u.length));
  const hash = HASH_TICKET.exec(plain);
  KEY_TICKET.lastIndex = 0;
  let key: RegExpExecArray | null = KEY_TICKET.exec(plain);
  while (key && NOT_TICKET_KEYS.has(key[1]!)) key = KEY_TICKET.exec(plain);
  if (hash && (!key || hash.index < key.index)) return hash[1]!;
  return key ? key[0] : null;
}
