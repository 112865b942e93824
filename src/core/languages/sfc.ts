import type { SuppressionDirective } from '../scan/suppressionDirectives';
import type { CommentRange } from '../scan/commentRange';
import type { LanguageFrontEnd, ScriptView } from './frontEnd';
import type { TableLexer } from './tableLexer';

/** Which markup flavour: Astro has a `---` frontmatter script and `{/* *\/}` expression comments. */
export interface SfcOptions {
  id: string;
  frontmatter: boolean;
  expressionComments: boolean;
  /** The lexer of a style block's language (`css`, `scss`, `less`), or null to skip it. */
  style: (lang: string) => TableLexer | null;
  /** Every lexer `style` may return has comment openers ending in a non-word character (see `LanguageFrontEnd`). */
  stylesEndNonWord?: boolean;
}

interface Block {
  start: number;
  end: number;
  lang: string;
}

interface Layout {
  scripts: Block[];
  styles: Block[];
  comments: CommentRange[];
}

const TAG = /<!--[\s\S]*?(?:-->|$)|\{\/\*[\s\S]*?(?:\*\/\}|$)|<(script|style)\b/gi;

const CLOSE_SCRIPT = /<\/script\s*>/gi;
const CLOSE_STYLE = /<\/style\s*>/gi;

/** End of a start tag's attributes (the `>` outside quotes) from `from`, or -1: one pass, no backtracking. */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}
const SCRIPT_TYPES = /^(?:module|text\/javascript|application\/javascript|text\/typescript|text\/babel|module\/?)$/i;

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
}

/**
 * Finds script and style blocks and markup comments in one pass. A `<script>` inside a markup comment is
 * commented out, and the text of the template is never read as a comment.
 */
function layout(text: string, options: SfcOptions): Layout {
  const out: Layout = { scripts: [], styles: [], comments: [] };
  if (options.frontmatter) {
    // Anchored at the start of the file, then one search for the closing fence: linear on any input.
    const open = /^\s*---[ \t]*\r?\n/.exec(text);
    if (open) {
      const at = /^---[ \t]*$/m.exec(text.slice(open[0].length));
      if (at) out.scripts.push({ start: open[0].length, end: open[0].length + at.index, lang: 'ts' });
    }
  }
  const re = new RegExp(TAG.source, TAG.flags);
  re.lastIndex = out.scripts[0]?.end ?? 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1] === undefined) {
      const isExpression = m[0].startsWith('{');
      if (isExpression && !options.expressionComments) {
        re.lastIndex = m.index + 1;
        continue;
      }
      const closed = m[0].endsWith(isExpression ? '*/}' : '-->') && m[0].length >= 7;
      out.comments.push({ pos: m.index, end: m.index + m[0].length, kind: m[0].includes('\n') ? 'block' : 'line', open: isExpression ? 3 : 4, close: closed ? 3 : 0 });
      continue;
    }
    const tag = m[1].toLowerCase();
    const close = tagEnd(text, m.index + m[0].length);
    // An unclosed start tag: the rest of the file is markup text.
    if (close < 0) break;
    const attrs = text.slice(m.index + m[0].length, close);
    const start = close + 1;
    const closing = tag === 'script' ? CLOSE_SCRIPT : CLOSE_STYLE;
    closing.lastIndex = start;
    const end = closing.exec(text)?.index ?? text.length;
    re.lastIndex = end;
    if (tag === 'style') {
      out.styles.push({ start, end, lang: (attr(attrs, 'lang') ?? 'css').toLowerCase() });
      continue;
    }
    const type = attr(attrs, 'type');
    if (type !== null && !SCRIPT_TYPES.test(type)) continue;
    out.scripts.push({ start, end, lang: (attr(attrs, 'lang') ?? 'js').toLowerCase() });
  }
  return out;
}

/** The text with everything outside `keep` replaced by spaces (line breaks kept): offsets unchanged. */
export function blankOutside(text: string, keep: readonly { start: number; end: number }[]): string {
  const blank = (s: string): string => s.replace(/[^\r\n]/g, ' ');
  let out = '';
  let at = 0;
  for (const k of keep) {
    out += blank(text.slice(at, k.start)) + text.slice(k.start, k.end);
    at = k.end;
  }
  return out + blank(text.slice(at));
}

const SCRIPT_EXTENSIONS: Record<string, string> = { ts: '.ts', typescript: '.ts', tsx: '.tsx', jsx: '.jsx' };

/**
 * A single-file component front-end (Vue, Svelte, Astro, and HTML pages): script blocks go to the
 * TS/JS front-end as a blanked view of the file, style blocks to their style lexer, and markup comments
 * are found here. It composes other front-ends and knows no language itself beyond the markup.
 */
export function createSfcFrontEnd(options: SfcOptions, suppressions: readonly SuppressionDirective[]): LanguageFrontEnd {
  let lastText: string | null = null;
  let last: Layout | null = null;
  const layoutOf = (text: string): Layout => {
    if (text !== lastText || !last) {
      last = layout(text, options);
      lastText = text;
    }
    return last;
  };
  return {
    id: options.id,
    suppressions,
    taskItems: false,
    embedsScript: true,
    // Markup `<!--`, Astro's `{/*` and the script's `//`, `/*` end in punctuation; style blocks as their lexers.
    openersEndNonWord: options.stylesEndNonWord === true,
    lexComments(text: string): CommentRange[] {
      const l = layoutOf(text);
      const comments = [...l.comments];
      for (const s of l.styles) {
        const lexer = options.style(s.lang);
        if (lexer) comments.push(...lexer.comments(blankOutside(text, [s])));
      }
      return comments.sort((a, b) => a.pos - b.pos);
    },
    script(fileName: string, text: string): ScriptView | null {
      const l = layoutOf(text);
      if (l.scripts.length === 0) return null;
      const ext = l.scripts.map((s) => SCRIPT_EXTENSIONS[s.lang]).find((e) => e !== undefined) ?? '.js';
      return { fileName: `${fileName}${ext}`, text: blankOutside(text, l.scripts) };
    },
  };
}
