import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { OwnerDirectory } from '../scan/metadata';
import { CODEOWNERS_LOCATIONS } from './codeowners';
import { noteRead } from '../fs/readTrail';

function read(file: string): string {
  noteRead(file);
  try {
    const text = readFileSync(file, 'utf8');
    return text.length > 1024 * 1024 ? '' : text;
  } catch {
    return '';
  }
}

/** Handles a CODEOWNERS or .mailmap names: `@alice` -> alice, `@org/billing` -> org/billing and billing, `a.b@x.com` -> a.b. */
function handlesOf(token: string): string[] {
  const t = token.trim().toLowerCase();
  if (!t) return [];
  if (t.startsWith('@')) {
    const name = t.slice(1);
    return name.includes('/') ? [name, name.slice(name.lastIndexOf('/') + 1)] : [name];
  }
  const email = /^<?([^@<>\s]+)@[^@<>\s]+>?$/.exec(t);
  return email ? [email[1]!] : [t];
}

/** A directory of the given handles (case-insensitive; `@` optional). */
export function ownerDirectoryOf(handles: Iterable<string>): OwnerDirectory & { readonly size: number; readonly fingerprint: string } {
  const set = new Set<string>();
  for (const h of handles) for (const x of handlesOf(h)) set.add(x);
  return { has: (word) => set.has(word.replace(/^@/, '').toLowerCase()), size: set.size, fingerprint: createHash('sha1').update([...set].sort().join('\n')).digest('hex').slice(0, 12) };
}

/**
 * Who can own a marker in a folder: the configured `owners`, every owner in CODEOWNERS (users, teams and
 * their short names, e-mail local parts) and every name and e-mail in `.mailmap`. Read synchronously
 * (small files, read once per scan); a missing or unreadable file adds nothing.
 */
export function loadOwnerDirectory(root: string | null, configured: readonly string[]): ReturnType<typeof ownerDirectoryOf> {
  // Editor updates ask on every edit: reuse a directory read in the last few seconds.
  const key = `${root ?? ''}\0${configured.join('\0')}`;
  const hit = recent.get(key);
  if (hit && Date.now() - hit.at < 5000) return hit.directory;
  const directory = readOwnerDirectory(root, configured);
  recent.set(key, { at: Date.now(), directory });
  if (recent.size > 20) recent.delete(recent.keys().next().value!);
  return directory;
}

const recent = new Map<string, { at: number; directory: ReturnType<typeof ownerDirectoryOf> }>();

function readOwnerDirectory(root: string | null, configured: readonly string[]): ReturnType<typeof ownerDirectoryOf> {
  const handles: string[] = [...configured];
  if (root) {
    for (const loc of CODEOWNERS_LOCATIONS) {
      const text = read(path.join(root, loc));
      if (!text) continue;
      for (const raw of text.split(/\r?\n/)) {
        const line = raw.replace(/(^|\s)#.*$/, '').trim();
        if (!line || /^\^?\[/.test(line)) continue;
        handles.push(...line.split(/\s+/).slice(1));
      }
      break;
    }
    for (const raw of read(path.join(root, '.mailmap')).split(/\r?\n/)) {
      const line = raw.replace(/(^|\s)#.*$/, '').trim();
      if (!line) continue;
      for (const m of line.matchAll(/([^<>]*)<([^<>]+)>/g)) {
        if (m[1]!.trim()) handles.push(m[1]!.trim());
        handles.push(m[2]!);
      }
    }
  }
  return ownerDirectoryOf(handles);
}

/**
 * The handles a git author goes by: e-mail local part (GitHub no-reply ids without the number), the name
 * without spaces, first name, last name, initial + last name (`Mack Duan <mduan@x>` -> mduan, mackduan,
 * mack, duan).
 */
export function authorHandles(name: string | null, email: string | null): string[] {
  const out: string[] = [];
  const local = email ? /^([^@]+)@/.exec(email)?.[1] : undefined;
  if (local) out.push(local.replace(/^\d+\+/, ''));
  const words = (name ?? '').toLowerCase().split(/[\s._-]+/).filter((w) => /^[a-z0-9]+$/.test(w));
  if (words.length > 0) {
    out.push(words.join(''));
    if (words.length > 1) out.push(words[0]!, words[words.length - 1]!, `${words[0]![0]}${words[words.length - 1]}`);
  }
  return out;
}
