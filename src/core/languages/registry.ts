import { languageDirectives, SUPPRESSION_DIRECTIVES, type SuppressionDirective } from '../scan/suppressionDirectives';
import type { CommentRange } from '../scan/commentRange';
import { CODE_LANGUAGES } from './codeLanguages';
import { DATA_LANGUAGES, HTML_SYNTAX } from './dataLanguages';
import type { LanguageFrontEnd, ScriptView } from './frontEnd';
import { createSfcFrontEnd } from './sfc';
import type { LanguageSyntax } from './syntax';
import { compileLexer, type TableLexer } from './tableLexer';
import { openersEndNonWord } from './openers';

/** Every table-driven language that ships (user languages from the configuration come on top). */
export const BUILTIN_LANGUAGES: readonly LanguageSyntax[] = [...CODE_LANGUAGES, ...DATA_LANGUAGES];

/** TS/JS: the compiler reads the file itself. */
export const TS_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const SFC_EXTENSIONS: Record<string, { frontmatter: boolean; expressionComments: boolean }> = {
  '.vue': { frontmatter: false, expressionComments: false },
  '.svelte': { frontmatter: false, expressionComments: false },
  '.astro': { frontmatter: true, expressionComments: true },
  '.html': { frontmatter: false, expressionComments: false },
  '.htm': { frontmatter: false, expressionComments: false },
  '.xhtml': { frontmatter: false, expressionComments: false },
};

const tsFrontEnd: LanguageFrontEnd = {
  id: 'typescript',
  suppressions: SUPPRESSION_DIRECTIVES,
  taskItems: false,
  embedsScript: true,
  openersEndNonWord: true,
  lexComments: (): CommentRange[] => [],
  script: (fileName: string, text: string): ScriptView => ({ fileName, text }),
};

/** The ignore comment is understood in every language. */
const OWN_DIRECTIVES: readonly SuppressionDirective[] = SUPPRESSION_DIRECTIVES.filter((d) => d.family === 'debt-ledger');

function tableFrontEnd(syntax: LanguageSyntax): LanguageFrontEnd {
  let lexer: TableLexer | null = null;
  return {
    id: syntax.id,
    suppressions: [...OWN_DIRECTIVES, ...languageDirectives(syntax.id, syntax.suppressions)],
    taskItems: syntax.taskItems === true,
    embedsScript: false,
    openersEndNonWord: openersEndNonWord(syntax),
    lexComments: (text) => (lexer ??= compileLexer(syntax)).comments(text),
    script: () => null,
  };
}

/** Extensions and file names of every language the scanner knows, for the default `extensions`. */
export function knownScanEntries(extra: readonly LanguageSyntax[] = []): string[] {
  const all = new Set<string>([...TS_EXTENSIONS, ...Object.keys(SFC_EXTENSIONS)]);
  for (const l of [...BUILTIN_LANGUAGES, ...extra]) {
    for (const e of l.extensions) all.add(e);
    for (const f of l.fileNames ?? []) all.add(f);
  }
  return [...all];
}

/** A built-in file name (`Dockerfile`, `Makefile.*`), accepted in `extensions` next to extensions. */
export function isKnownFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return BUILTIN_LANGUAGES.some((l) => (l.fileNames ?? []).some((f) => f.toLowerCase() === lower));
}

export interface LanguageRegistry {
  /** The front-end for a POSIX path, or null when no language knows the file (it is not guessed at). */
  frontEndFor(relPath: string): LanguageFrontEnd | null;
}

/**
 * Maps extensions and file names to front-ends: user languages first (they may take over a built-in
 * extension), then TS/JS, single-file components, and the syntax tables. `fallbackToScript` is how an
 * extension listed in `extensions` that no language knows was always read: as TS/JS.
 */
export function createRegistry(userLanguages: readonly LanguageSyntax[] = []): LanguageRegistry {
  const byExtension = new Map<string, LanguageFrontEnd>();
  const byName = new Map<string, LanguageFrontEnd>();
  const add = (fe: LanguageFrontEnd, syntax: Pick<LanguageSyntax, 'extensions' | 'fileNames'>): void => {
    for (const e of syntax.extensions) if (!byExtension.has(e.toLowerCase())) byExtension.set(e.toLowerCase(), fe);
    for (const f of syntax.fileNames ?? []) if (!byName.has(f.toLowerCase())) byName.set(f.toLowerCase(), fe);
  };
  for (const l of userLanguages) add(tableFrontEnd(l), l);
  add(tsFrontEnd, { extensions: [...TS_EXTENSIONS] });
  const lexers = new Map<string, TableLexer>();
  const lexerFor = (id: string): TableLexer | null => {
    const syntax = BUILTIN_LANGUAGES.find((l) => l.id === id);
    if (!syntax) return null;
    if (!lexers.has(id)) lexers.set(id, compileLexer(syntax));
    return lexers.get(id)!;
  };
  // A `<style lang=…>` block may name any built-in table (Ruby's `=begin` ends in a letter).
  const stylesEndNonWord = BUILTIN_LANGUAGES.every(openersEndNonWord);
  for (const [ext, flavour] of Object.entries(SFC_EXTENSIONS)) {
    const id = ext === '.htm' || ext === '.xhtml' ? 'html' : ext.slice(1);
    add(createSfcFrontEnd({ id, ...flavour, stylesEndNonWord, style: (lang) => lexerFor(lang === 'sass' || lang === 'postcss' ? 'scss' : lang) }, [...SUPPRESSION_DIRECTIVES, ...languageDirectives(HTML_SYNTAX.id, HTML_SYNTAX.suppressions)]), { extensions: [ext] });
  }
  for (const l of BUILTIN_LANGUAGES) add(tableFrontEnd(l), l);
  // The scan asks twice per file in a row (the byte prefilter, then the text scan): the last answer is kept;
  // and the answer depends on the file's name alone, which repeats (`index.js`, `package.json`): kept per name.
  let lastPath: string | null = null;
  let lastAnswer: LanguageFrontEnd | null = null;
  const byFileName = new Map<string, LanguageFrontEnd | null>();
  const find = (relPath: string): LanguageFrontEnd | null => {
    const name = relPath.slice(relPath.lastIndexOf('/') + 1);
    let known = byFileName.get(name);
    if (known === undefined) {
      if (byFileName.size >= 4096) byFileName.clear();
      byFileName.set(name, (known = findByName(name)));
    }
    return known;
  };
  const findByName = (name: string): LanguageFrontEnd | null => {
    const base = name.toLowerCase();
    const named = byName.get(base) ?? (base.includes('.') ? byName.get(`${base.slice(0, base.indexOf('.'))}.*`) : undefined);
    if (named) return named;
    const dot = base.lastIndexOf('.');
    if (dot < 0) return null;
    // `.tftest.hcl`: the longest known ending wins.
    for (let d = base.indexOf('.'); d >= 0 && d <= dot; d = base.indexOf('.', d + 1)) {
      const fe = byExtension.get(base.slice(d));
      if (fe) return fe;
    }
    return null;
  };
  return {
    frontEndFor(relPath: string): LanguageFrontEnd | null {
      if (relPath !== lastPath) {
        lastAnswer = find(relPath);
        lastPath = relPath;
      }
      return lastAnswer;
    },
  };
}

/** The front-end for a file the configuration lists by an extension no language knows: TS/JS, as before. */
export const SCRIPT_FALLBACK: LanguageFrontEnd = tsFrontEnd;

/** Every suppression directive any built-in language knows (for `--fail-on` selectors). */
export function knownSuppressionTags(): string[] {
  return [...new Set([...SUPPRESSION_DIRECTIVES.map((d) => d.tag), ...BUILTIN_LANGUAGES.flatMap((l) => l.suppressions)])];
}
