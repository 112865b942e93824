import { readTextSafe } from '../fs/safeFs';
import * as path from 'node:path';
import ignore from 'ignore';

interface Rule {
  matches: (file: string) => boolean;
  owners: string[];
}

/** GitHub ignores CODEOWNERS files over 3 MB. */
const MAX_CODEOWNERS_FILE = 3 * 1024 * 1024;

/** Where GitHub and GitLab look for the file, in their order. */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'];

/**
 * CODEOWNERS (GitHub/GitLab syntax): gitignore-style patterns, the last matching rule wins; GitLab section
 * headers (`[Section]`, `^[Optional]`) are skipped; a rule without owners un-owns its files.
 */
export class CodeOwners {
  private constructor(private readonly rules: Rule[]) {}

  static parse(text: string): CodeOwners {
    const rules: Rule[] = [];
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.replace(/(^|\s)#.*$/, '').trim();
      if (!line || /^\^?\[[^\]]+\]/.test(line)) continue;
      const [pattern, ...owners] = line.split(/\s+/);
      const ig = ignore().add(pattern!);
      rules.push({ matches: (f) => ig.ignores(f), owners });
    }
    return new CodeOwners(rules);
  }

  static async load(root: string): Promise<CodeOwners | null> {
    for (const loc of CODEOWNERS_LOCATIONS) {
      // Like any workspace file: regular, inside the root, capped (never a FIFO or /dev/zero).
      const read = await readTextSafe(path.join(root, loc), { maxBytes: MAX_CODEOWNERS_FILE, root });
      if (read.ok) return CodeOwners.parse(read.text);
    }
    return null;
  }

  /** Owners of a file (POSIX path relative to the repository root); [] when none. */
  ownersOf(file: string): string[] {
    for (let i = this.rules.length - 1; i >= 0; i--) if (this.rules[i]!.matches(file)) return this.rules[i]!.owners;
    return [];
  }
}
