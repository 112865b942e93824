import { ts } from './compiler';
import { analyzeResilience } from '../resilience/analyzer/analyzeResilience';
export { instanceTimeoutFix, resilienceFixes, type Fix, type TextEdit } from '../resilience/analyzer/fixes';
import type { ResilienceSummary } from '../resilience/model';
import type { CommentRange } from './commentRange';
import { walkAst } from './astWalk';
import { serveIfCompilerWorker } from './compilerWorkerServe';

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS,
  '.mjs': ts.ScriptKind.JS,
  '.cjs': ts.ScriptKind.JS,
  '.jsx': ts.ScriptKind.JSX,
};

function scriptKindOf(fileName: string): ts.ScriptKind {
  const dot = fileName.lastIndexOf('.');
  return SCRIPT_KINDS[fileName.slice(dot).toLowerCase()] ?? ts.ScriptKind.TS;
}

/**
 * Spans of literal text where `//` or `/*` is data, not a comment: string, template and regex literals
 * and JSX text. Collected from the compiler's AST, so the parser (not a regex) decides what a `/` means.
 */
function literalSpans(sourceFile: ts.SourceFile): number[] {
  const spans: number[] = [];
  walkAst(sourceFile, (node) => {
    switch (node.kind) {
      case ts.SyntaxKind.JsxText:
        // JSX text has no trivia of its own: `getStart` would wrongly skip a `//` inside it as a comment.
        spans.push(node.pos, node.end);
        return false;
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      case ts.SyntaxKind.RegularExpressionLiteral:
      case ts.SyntaxKind.TemplateHead:
      case ts.SyntaxKind.TemplateMiddle:
      case ts.SyntaxKind.TemplateTail:
        spans.push(node.getStart(sourceFile), node.end);
        return false;
      default:
        return true;
    }
  });
  return spans;
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

/**
 * Every comment in a JavaScript/TypeScript file (line, block, JSDoc, JSX `{/* *\/}`), in document order.
 * The file is parsed on its own with the compiler API and the tree is dropped on return. Outside literal
 * text, `//` and `/*` can only open a comment, so a character scan that jumps over the literal spans
 * finds exactly the comments, including those the AST attaches to no node (e.g. in `f(/* x *\/)`).
 * Files with syntax errors still yield their comments: the parser recovers and the scan needs no tokens.
 */
export function extractComments(fileName: string, text: string): CommentRange[] {
  return commentsOf(parse(fileName, text, false));
}

function parse(fileName: string, text: string, withParents: boolean): ts.SourceFile {
  return ts.createSourceFile(
    fileName,
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    withParents,
    scriptKindOf(fileName),
  );
}

/** What one parse of a file yields: its comments, and (when asked) its resilience summary. */
export interface ParsedFile {
  comments: CommentRange[];
  resilience: ResilienceSummary | null;
}

/**
 * The scanner's single entry into the compiler: parses a file once and reads both its comments and,
 * when `resilience` is set, the per-file resilience summary. The tree is dropped on return. `lexedComments`
 * are the file's comments when the lexer pass could decide them (see `lexScriptComments`).
 */
export function parseFile(fileName: string, text: string, resilience: boolean, lexedComments?: CommentRange[] | null): ParsedFile {
  const sourceFile = parse(fileName, text, resilience);
  // Comments the lexer pass already found need no walk of the tree for literal spans.
  const comments = lexedComments ?? commentsOf(sourceFile);
  return { comments, resilience: resilience ? analyzeResilience(sourceFile, comments) : null };
}

function commentsOf(sourceFile: ts.SourceFile): CommentRange[] {
  const text = sourceFile.text;
  const spans = literalSpans(sourceFile);
  const comments: CommentRange[] = [];
  let i = text.startsWith('#!') ? text.indexOf('\n') : 0;
  if (i < 0) return comments;
  let span = 0;
  for (;;) {
    const slash = text.indexOf('/', i);
    if (slash < 0 || slash + 1 >= text.length) break;
    while (span < spans.length && spans[span + 1]! <= slash) span += 2;
    if (span < spans.length && spans[span]! <= slash) {
      i = spans[span + 1]!;
      continue;
    }
    const next = text.charCodeAt(slash + 1);
    if (next === 47 /* / */) {
      let end = slash + 2;
      while (end < text.length && !isLineBreak(text.charCodeAt(end))) end++;
      comments.push({ pos: slash, end, kind: 'line' });
      i = end;
    } else if (next === 42 /* * */) {
      const close = text.indexOf('*/', slash + 2);
      const end = close < 0 ? text.length : close + 2;
      comments.push({ pos: slash, end, kind: 'block' });
      i = end;
    } else {
      i = slash + 1;
    }
  }
  return comments;
}

// Started as the folder scan's compiler worker (compilerWorker.ts), this bundle answers parse requests.
serveIfCompilerWorker(parseFile);
