import { readTextSafe } from '../fs/safeFs';
import * as path from 'node:path';
import { OwnerMatcher } from './ownerPatterns';
import { noteRead } from '../fs/readTrail';

/** GitHub ignores CODEOWNERS files over 3 MB. */
const MAX_CODEOWNERS_FILE = 3 * 1024 * 1024;

/** Where GitHub and GitLab look for the file, in their order. */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'];

/**
 * CODEOWNERS (GitHub/GitLab syntax): gitignore-style patterns, the last matching rule wins; GitLab section
 * headers (`[Section]`, `^[Optional]`) are skipped; a rule without owners un-owns its files. Compiled once
 * into one bucketed matcher (see `ownerPatterns.ts`); answers are remembered per file.
 */
export class CodeOwners {
  private readonly memo = new Map<string, string[]>();

  private constructor(private readonly matcher: OwnerMatcher, private readonly owners: string[][]) {}

  static parse(text: string): CodeOwners {
    const matcher = new OwnerMatcher();
    const owners: string[][] = [];
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.replace(/(^|\s)#.*$/, '').trim();
      if (!line || /^\^?\[[^\]]+\]/.test(line)) continue;
      const [pattern, ...rest] = line.split(/\s+/);
      matcher.add(pattern!);
      owners.push(rest);
    }
    return new CodeOwners(matcher, owners);
  }

  static async load(root: string): Promise<CodeOwners | null> {
    for (const loc of CODEOWNERS_LOCATIONS) {
      // Like any workspace file: regular, inside the root, capped (never a FIFO or /dev/zero).
      noteRead(path.join(root, loc));
      const read = await readTextSafe(path.join(root, loc), { maxBytes: MAX_CODEOWNERS_FILE, root });
      if (read.ok) return CodeOwners.parse(read.text);
    }
    return null;
  }

  /** Owners of a file (POSIX path relative to the repository root); [] when none. */
  ownersOf(file: string): string[] {
    let hit = this.memo.get(file);
    if (!hit) {
      const i = this.matcher.lastMatch(file);
      hit = i < 0 ? [] : this.owners[i]!;
      this.memo.set(file, hit);
    }
    return hit;
  }
}
