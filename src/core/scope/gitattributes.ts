import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import type { Scope } from './model';
import { noteRead } from '../fs/readTrail';

interface Rule {
  matches: (file: string) => boolean;
  attribute: 'generated' | 'vendored' | 'documentation';
  set: boolean;
}

const LINGUIST = /^(-|!)?linguist-(generated|vendored|documentation)(?:=(\S+))?$/;

/**
 * The `linguist-generated`, `linguist-vendored` and `linguist-documentation` attributes of a
 * `.gitattributes` file (GitHub Linguist's overrides). Patterns follow gitattributes rules (gitignore
 * syntax without negation); later lines win; `-attr` and `attr=false` unset.
 */
export class LinguistAttributes {
  private constructor(private readonly rules: Rule[]) {}

  static readonly none = new LinguistAttributes([]);

  static parse(text: string): LinguistAttributes {
    const rules: Rule[] = [];
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim();
      if (!line || line.startsWith('#')) continue;
      const [pattern, ...attrs] = line.split(/\s+/);
      if (!pattern || pattern.startsWith('!')) continue;
      for (const attr of attrs) {
        const m = LINGUIST.exec(attr);
        if (!m) continue;
        const set = !m[1] && m[3] !== 'false';
        let matches: (file: string) => boolean;
        try {
          const ig = ignore().add(pattern);
          matches = (f) => ig.ignores(f);
        } catch {
          continue;
        }
        rules.push({ matches, attribute: m[2] as Rule['attribute'], set });
      }
    }
    return new LinguistAttributes(rules);
  }

  /** Reads `<root>/.gitattributes`; none when missing or unreadable (never fatal). */
  static load(root: string): LinguistAttributes {
    try {
      const file = path.join(root, '.gitattributes');
      noteRead(file);
      const text = readFileSync(file, 'utf8');
      return text.length > 1024 * 1024 ? LinguistAttributes.none : LinguistAttributes.parse(text);
    } catch {
      return LinguistAttributes.none;
    }
  }

  /** The scope the attributes give a file (POSIX path relative to the root), or null when they say nothing. */
  scopeOf(file: string): Scope | null {
    const state = new Map<Rule['attribute'], boolean>();
    for (const rule of this.rules) if (rule.matches(file)) state.set(rule.attribute, rule.set);
    if (state.get('generated')) return 'generated';
    if (state.get('vendored')) return 'vendored';
    if (state.get('documentation')) return 'example';
    return null;
  }
}
