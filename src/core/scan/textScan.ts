/**
 * One text's items and resilience summary: the compiled per-configuration scanner (matchers, prefilter,
 * language registry), the lazily loaded compiler, and `scanText`. The folder scan (`scanner.ts`) reads
 * files and links across them; this module never touches the disk.
 */
import type { DebtLedgerConfig } from '../config/config';
import type { RawItem } from '../model';
import type * as Parser from './parser';
import type { ResilienceSummary } from '../resilience/model';
import { createMarkerMatcher, parseMarkers, type MarkerMatcher } from './markerParser';
import { compilePrefilter, type Prefilter } from './prefilter';
import { allImports, hasCallHint, hasCallHintOutside, mayImportGlobalDefaults, NO_RUNTIME_CODE, relativeImports } from './callHints';
import { createRegistry, SCRIPT_FALLBACK, type LanguageRegistry } from '../languages/registry';
import type { LanguageFrontEnd } from '../languages/frontEnd';
import { lexScriptComments, lexScriptCommentsBestEffort } from '../languages/jsLexer';
import { findTaskItems } from './taskItems';
import type { CommentRange } from './commentRange';
import { loadOwnerDirectory } from '../intel/ownerDirectory';
import { isGeneratedText } from '../scope/generatedHeader';
import type { OwnerDirectory } from './metadata';
import { isStackOverflow, TOO_DEEP } from './parseFailure';
export { isStackOverflow, TOO_DEEP } from './parseFailure';

let parser: typeof Parser | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load, see loadParser
let parserLoader = (): typeof Parser => require('./parser') as typeof Parser;
/** The compiler (several MB) loads on the first parse, not when the scanner module loads. */
function loadParser(): typeof Parser {
  parser ??= parserLoader();
  return parser;
}

/** How the compiler bundle is loaded (the CLI and the editor's scan process load it with a V8 code cache, see core/fs/codeCache.ts). */
export function setParserLoader(load: (() => typeof Parser) | null): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load, see loadParser
  parserLoader = load ?? ((): typeof Parser => require('./parser') as typeof Parser);
}

/**
 * The TS/JS the compiler sees for a file: an SFC's script blocks with the rest blanked (same offsets), the
 * file itself for TS/JS. Quick fixes are computed on it, so their edits apply to the file unchanged.
 */
function scriptViewFor(fileName: string, text: string): { fileName: string; text: string } {
  return (createRegistry().frontEndFor(fileName) ?? SCRIPT_FALLBACK).script(fileName, text) ?? { fileName, text };
}

/** Quick fixes for a resilience finding (loads the compiler on first use). See `resilienceFixes`. */
export function computeResilienceFixes(...args: Parameters<typeof Parser.resilienceFixes>): ReturnType<typeof Parser.resilienceFixes> {
  const [fileName, text, ...rest] = args;
  const view = scriptViewFor(fileName, text);
  return loadParser().resilienceFixes(view.fileName, view.text, ...rest);
}

/** The fix at an instance's creation site (loads the compiler on first use). See `instanceTimeoutFix`. */
export function computeInstanceTimeoutFix(...args: Parameters<typeof Parser.instanceTimeoutFix>): ReturnType<typeof Parser.instanceTimeoutFix> {
  const [fileName, text, ...rest] = args;
  const view = scriptViewFor(fileName, text);
  return loadParser().instanceTimeoutFix(view.fileName, view.text, ...rest);
}

/** Whether the compiler has been loaded in this process (activation must not load it). */
export function isCompilerLoaded(): boolean {
  return parser !== undefined;
}

/** Compiled per-configuration state for scanning single texts. */
export interface TextScanner {
  matcher: MarkerMatcher;
  /** The raw-text prefilter of a front-end (its tags and its own suppression directives). */
  mayContain: (text: string, frontEnd: LanguageFrontEnd) => boolean;
  /** `mayContain(bytes.toString('latin1'), frontEnd)`, mostly without making the string (see `Prefilter.bytes`). */
  mayContainBytes: (bytes: Buffer, frontEnd: LanguageFrontEnd) => boolean;
  resilience: boolean;
  /** Which front-end reads a path; never a switch on a language name here. */
  languages: LanguageRegistry;
  /** A marker matcher per front-end (its own suppression directives), made on first use. */
  matcherFor: (frontEnd: LanguageFrontEnd) => MarkerMatcher;
  markdownTasks: boolean;
  /**
   * A folder scan's deferral of big files outside the reported scopes: a text of `minChars` or more that
   * could make a call, and whose resilience findings the report leaves out (`outOfScope`: its scope is not
   * in `resilience.scopes`; `generatedText`: its text says it is generated), is analysed only when a
   * reported file's result can depend on it (scanner.ts). Absent (editor, single texts): every file is analysed.
   */
  deferResilience?: { minChars: number; outOfScope: (fileName: string, generatedText: boolean) => boolean };
}

const textScanners = new WeakMap<DebtLedgerConfig, TextScanner>();

/**
 * `directory` tells owners from area labels in `TAG(word)`; without one only the configured `owners` count,
 * and the scanner is compiled once per configuration object (the editor's per-file updates reuse its matchers).
 */
export function createTextScanner(config: DebtLedgerConfig, directory?: OwnerDirectory): TextScanner {
  if (directory) return compileTextScanner(config, directory);
  let scanner = textScanners.get(config);
  if (!scanner) textScanners.set(config, (scanner = compileTextScanner(config, loadOwnerDirectory(null, config.owners))));
  return scanner;
}

function compileTextScanner(config: DebtLedgerConfig, directory: OwnerDirectory): TextScanner {
  const languages = createRegistry(config.languages);
  const matcher = createMarkerMatcher(config.tags, config.suppressions, directory);
  // One matcher and one prefilter per language: each knows its own suppression directives.
  const matchers = new Map<LanguageFrontEnd, MarkerMatcher>();
  const matcherFor = (fe: LanguageFrontEnd): MarkerMatcher => {
    let m = matchers.get(fe);
    if (!m) matchers.set(fe, (m = createMarkerMatcher(config.tags, config.suppressions, directory, fe.suppressions)));
    return m;
  };
  const prefilters = new Map<LanguageFrontEnd, Prefilter>();
  const prefilterFor = (fe: LanguageFrontEnd): Prefilter => {
    let p = prefilters.get(fe);
    if (!p) {
      const m = matcherFor(fe);
      prefilters.set(fe, (p = compilePrefilter(config.tags, m.suppressions ? m.directives : null, { afterPunctuation: fe.openersEndNonWord === true })));
    }
    return p;
  };
  const mayContain = (text: string, fe: LanguageFrontEnd): boolean => prefilterFor(fe).text(text);
  const mayContainBytes = (bytes: Buffer, fe: LanguageFrontEnd): boolean => prefilterFor(fe).bytes(bytes);
  return { matcher, mayContain, mayContainBytes, resilience: config.resilience.enabled, languages, matcherFor, markdownTasks: config.markdownTasks };
}

/** A scanner for a folder: its CODEOWNERS and .mailmap join the owner directory. */
export function createFolderScanner(root: string | null, config: DebtLedgerConfig): TextScanner {
  return createTextScanner(config, loadOwnerDirectory(root, config.owners));
}

/** Both lists in document order. */
function mergeComments(a: CommentRange[], b: CommentRange[]): CommentRange[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return [...a, ...b].sort((x, y) => x.pos - y.pos);
}

/** What one file's text yields. `summary` is null when the file cannot take part in resilience analysis. */
export interface TextScan {
  items: RawItem[];
  parsed: boolean;
  summary: ResilienceSummary | null;
  /** Relative modules the file imports (kept when it has no summary, for the second pass). */
  imports: string[];
  /** Set when the parser failed on the file: why, and that its markers came from a comment scan. */
  note?: string;
  /** The file's text says it is generated (a `@generated` header, a built file's source-map reference); only looked at when it has items, a summary, or its analysis is deferred. */
  generated?: boolean;
  /** It could make a call, but its analysis was deferred (see `TextScanner.deferResilience`); `imports` holds every specifier. */
  deferred?: boolean;
}

/** The one parse a text needs, as `parseFile` takes it: the caller may run it in-process or elsewhere (the folder scan's compiler worker). */
export interface ParseRequest {
  fileName: string;
  text: string;
  resilience: boolean;
  lexed: CommentRange[] | null;
}

/** What became of a parse: its result, or why the parser failed (the text then gets a comment scan). */
export type ParseAnswer = { parsed: Parser.ParsedFile } | { failed: string; stackOverflow: boolean };

/** Runs a parse request with this process's compiler (loaded on first use). */
export function parseNow(request: ParseRequest): ParseAnswer {
  try {
    return { parsed: loadParser().parseFile(request.fileName, request.text, request.resilience, request.lexed) };
  } catch (err) {
    return { failed: (err as Error).message.split('\n')[0] ?? '', stackOverflow: isStackOverflow(err) };
  }
}

/**
 * Raw items and the resilience summary of one file's text, from a single parse. `forceResilience`
 * analyses a file the network prefilter let through (it imports a project client module).
 */
export function scanText(scanner: TextScanner, fileName: string, text: string, forceResilience = false, prefilterPassed = false): TextScan {
  const step = beginScan(scanner, fileName, text, forceResilience, prefilterPassed);
  return 'request' in step ? step.finish(parseNow(step.request)) : step;
}

/**
 * `scanText` with the parse (when the text needs one) handed to `parse`: the same result, later. A text that
 * needs no compiler is answered at once.
 */
export function scanTextWith(scanner: TextScanner, fileName: string, text: string, forceResilience: boolean, parse: (request: ParseRequest) => Promise<ParseAnswer>, prefilterPassed = false): TextScan | Promise<TextScan> {
  const step = beginScan(scanner, fileName, text, forceResilience, prefilterPassed);
  return 'request' in step ? parse(step.request).then(step.finish) : step;
}

/** A text's scan up to its parse: done, or the parse it needs and what makes the result from its answer. */
function beginScan(scanner: TextScanner, fileName: string, text: string, forceResilience: boolean, prefilterPassed: boolean): TextScan | { request: ParseRequest; finish: (answer: ParseAnswer) => TextScan } {
  const frontEnd = scanner.languages.frontEndFor(fileName) ?? SCRIPT_FALLBACK;
  // `prefilterPassed`: the caller ran the same prefilter on the undecoded bytes (same answer, see scanner.ts).
  const markers = prefilterPassed || scanner.mayContain(text, frontEnd);
  const tasks = scanner.markdownTasks && frontEnd.taskItems;
  const mayCall = scanner.resilience && !NO_RUNTIME_CODE.test(fileName) && (forceResilience || hasCallHint(text));
  // The TS/JS the compiler reads: the file itself, an SFC's script blocks (same offsets), or none.
  const script = markers || mayCall ? frontEnd.script(fileName, text) : null;
  // Markers alone need no syntax tree: the lexer pass decides, the compiler parses only when it cannot
  // (JSX, ambiguous `/`) or when resilience analysis needs the AST. The lexer's comments also tell a
  // call hint in code from one in a comment: a file whose hints are all commented out needs no AST.
  const lexed = script ? lexScriptComments(script.fileName, script.text) : null;
  const candidate = mayCall && script !== null && (forceResilience || lexed === null || hasCallHintOutside(script.text, lexed));
  // A file outside the reported scopes waits, unless it may set defaults every other file's calls inherit.
  let generated: boolean | undefined;
  const defer = scanner.deferResilience;
  const deferred = candidate && !forceResilience && defer !== undefined && text.length >= defer.minChars
    && defer.outOfScope(fileName, (generated = isGeneratedText(fileName, text))) && !mayImportGlobalDefaults(script.text, lexed);
  const resilience = candidate && !deferred;
  // Only the resilience second pass reads these: not needed when analysed now, or when resilience is off.
  const imports = deferred ? allImports(script.text) : resilience || !scanner.resilience || !frontEnd.embedsScript ? [] : relativeImports(text);
  const wait = deferred ? { deferred: true, generated: generated ?? false } : {};
  if (!markers && !resilience && !tasks) return { items: [], parsed: false, summary: null, imports, ...wait };
  const comments = markers ? frontEnd.lexComments(text) : [];
  const done = (all: CommentRange[], summary: ResilienceSummary | null, note?: string): TextScan => {
    const items = markers ? parseMarkers(text, all, scanner.matcherFor(frontEnd)) : [];
    if (tasks) items.push(...findTaskItems(text));
    return { items, parsed: note === undefined, summary, imports: summary || !resilience ? imports : [], ...(note ? { note } : {}), ...(items.length > 0 || summary ? { generated: generated ?? isGeneratedText(fileName, text) } : {}), ...wait };
  };
  if (!script) return done(comments, null);
  if (lexed && !resilience) return done(mergeComments(comments, lexed), null);
  const finish = (answer: ParseAnswer): TextScan => {
    if ('parsed' in answer) {
      const parsed = answer.parsed;
      return done(mergeComments(comments, parsed.comments), parsed.resilience && isRelevant(parsed.resilience) ? parsed.resilience : null);
    }
    // One file never takes the scan down: its markers come from a lexical comment scan instead.
    const why = answer.stackOverflow ? TOO_DEEP : `the parser failed (${answer.failed})`;
    return done(markers ? mergeComments(comments, lexScriptCommentsBestEffort(script.text)) : comments, null, `${why}: markers read by a comment scan, no resilience analysis`);
  };
  return { request: { fileName: script.fileName, text: script.text, resilience, lexed }, finish };
}

/** A summary worth keeping: it makes, wraps, configures or re-exports something the link phase needs. */
function isRelevant(s: ResilienceSummary): boolean {
  return s.calls.length + s.instances.length + s.policies.length + s.defaults.length + s.functionUses.length + s.exportAll.length + (s.classes?.length ?? 0) > 0 || s.exports.some((e) => 'specifier' in e);
}

