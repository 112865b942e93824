/**
 * CODEOWNERS patterns compiled once into one matcher. A CODEOWNERS file with thousands of rules used to be
 * a loop over one `ignore` instance per rule for every path (each caching every path it saw: 2,000 rules
 * made a 20k-file scan 7.8x slower and 1 GB larger). Here each rule becomes one anchored regular
 * expression with gitignore semantics (the same as before), and rules are bucketed by what a path must
 * contain for them to match: a literal first segment (`/src/...`), a literal extension (`*.ts`), or a
 * literal name anywhere (`node_modules`). A path tests only its buckets' rules plus the few that fit none,
 * last rule first, and stops at the first match (the last matching rule wins).
 */
export interface CompiledRule {
  index: number;
  re: RegExp;
}

interface Buckets {
  byFirst: Map<string, number[]>;
  byExt: Map<string, number[]>;
  byName: Map<string, number[]>;
  general: number[];
}

const WILD = /[*?[\\]/;

function escape(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}

/** gitignore pattern body (no leading/trailing slash) -> regex source, `/`-aware (wildmatch with PATHNAME). */
function translate(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '*') {
      if (body[i + 1] === '*') {
        const before = i === 0 || body[i - 1] === '/';
        const after = i + 2 === body.length || body[i + 2] === '/';
        if (before && after) {
          if (i + 2 === body.length) out += '.*';
          else {
            out += '(?:.*/)?';
            i += 2; // the slash too
            continue;
          }
          i++;
          continue;
        }
      }
      out += '[^/]*';
      while (body[i + 1] === '*') i++;
    } else if (ch === '?') out += '[^/]';
    else if (ch === '[') {
      const end = body.indexOf(']', i + 2);
      if (end < 0) out += '\\[';
      else {
        let cls = body.slice(i + 1, end);
        if (cls.startsWith('!')) cls = `^${cls.slice(1)}`;
        out += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (ch === '\\' && i + 1 < body.length) out += escape(body[++i]!);
    else out += escape(ch);
  }
  return out;
}

/** One pattern -> its regex (matching a file, or any file under a matched folder) and its bucket. */
export function compilePattern(pattern: string): { re: RegExp; bucket: { kind: 'first' | 'ext' | 'name'; key: string } | null } | null {
  let p = pattern.replace(/\\ /g, ' ');
  const dirOnly = p.endsWith('/');
  if (dirOnly) p = p.replace(/\/+$/, '');
  const anchored = p.startsWith('/') || p.includes('/');
  p = p.replace(/^\/+/, '');
  if (!p) return null;
  const tail = dirOnly ? '/.*$' : '(?:/.*)?$';
  let re: RegExp;
  try {
    re = new RegExp(`^${anchored ? '' : '(?:.*/)?'}${translate(p)}${tail}`);
  } catch {
    return null; // a class gitignore would also reject: the rule matches nothing
  }
  const first = p.split('/')[0]!;
  if (anchored) return { re, bucket: WILD.test(first) || first === '**' ? null : { kind: 'first', key: first } };
  const ext = /^\*\.([^*?[\\/.]+)$/.exec(p) ?? /^\*[^*?[\\/]*\.([^*?[\\/.]+)$/.exec(p);
  if (ext) return { re, bucket: { kind: 'ext', key: ext[1]! } };
  if (!WILD.test(p)) return { re, bucket: { kind: 'name', key: p } };
  return { re, bucket: null };
}

export class OwnerMatcher {
  private readonly rules: RegExp[] = [];
  private readonly buckets: Buckets = { byFirst: new Map(), byExt: new Map(), byName: new Map(), general: [] };

  /** Adds the next rule (later rules win); returns its index. A pattern that can match nothing still takes an index. */
  add(pattern: string): number {
    const compiled = compilePattern(pattern);
    const index = this.rules.length;
    this.rules.push(compiled?.re ?? /$^/);
    if (!compiled) return index;
    const b = compiled.bucket;
    const map = b?.kind === 'first' ? this.buckets.byFirst : b?.kind === 'ext' ? this.buckets.byExt : b?.kind === 'name' ? this.buckets.byName : null;
    if (map && b) map.set(b.key, [...(map.get(b.key) ?? []), index]);
    else this.buckets.general.push(index);
    return index;
  }

  /** Index of the last rule matching the path (POSIX, relative to the repository top), or -1. */
  lastMatch(file: string): number {
    const segments = file.split('/');
    const name = segments[segments.length - 1]!;
    const dot = name.lastIndexOf('.');
    const candidates: number[] = [...this.buckets.general];
    const push = (xs: number[] | undefined): void => {
      if (xs) for (const x of xs) candidates.push(x);
    };
    push(this.buckets.byFirst.get(segments[0]!));
    if (dot >= 0) push(this.buckets.byExt.get(name.slice(dot + 1)));
    for (const s of new Set(segments)) push(this.buckets.byName.get(s));
    candidates.sort((a, b) => b - a);
    for (const i of candidates) if (this.rules[i]!.test(file)) return i;
    return -1;
  }
}
