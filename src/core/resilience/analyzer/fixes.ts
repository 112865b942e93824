import { ts } from '../../scan/compiler';
import { walkAst } from '../../scan/astWalk';
import { unwrap } from './fileFacts';

/** A text replacement in 0-based offsets of the file the fix was computed for. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A quick fix: a title for the lightbulb menu and the edits that make it. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Fixes that make the finding go away (not just silence it) are preferred. */
  preferred: boolean;
}

const BODY_METHODS = new Set(['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']);

function parse(fileName: string, text: string): ts.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, /\.[jt]sx$/.test(fileName) ? ts.ScriptKind.TSX : fileName.endsWith('.ts') || fileName.endsWith('.mts') || fileName.endsWith('.cts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
}

/** The innermost call expression starting at `offset`. */
function callAt(sf: ts.SourceFile, offset: number): ts.CallExpression | null {
  let found: ts.CallExpression | null = null;
  walkAst(sf, (n) => {
    if (n.getStart(sf) > offset || n.getEnd() <= offset) return false;
    if (ts.isCallExpression(n) && n.getStart(sf) === offset) found = n;
    return true;
  });
  return found;
}

function propertyNamed(obj: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | undefined {
  return obj.properties.find((p) => !ts.isSpreadAssignment(p) && p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === name);
}

/** Adds or replaces `key: value` in an options argument, or adds the argument. */
function setOption(sf: ts.SourceFile, call: ts.CallExpression, index: number, key: string, value: (old: string | null) => string): TextEdit[] {
  const args = call.arguments;
  const arg = args[index] ? unwrap(args[index]) : undefined;
  if (arg && ts.isObjectLiteralExpression(arg)) {
    const existing = propertyNamed(arg, key);
    if (existing && ts.isPropertyAssignment(existing)) {
      return [{ start: existing.initializer.getStart(sf), end: existing.initializer.getEnd(), newText: value(existing.initializer.getText(sf)) }];
    }
    if (existing && ts.isShorthandPropertyAssignment(existing)) {
      return [{ start: existing.getStart(sf), end: existing.getEnd(), newText: `${key}: ${value(key)}` }];
    }
    // `timeout` on fetch is the trap: replace it rather than leave a dead option beside the fix.
    const trap = key === 'signal' ? propertyNamed(arg, 'timeout') : undefined;
    if (trap) return [{ start: trap.getStart(sf), end: trap.getEnd(), newText: `${key}: ${value(null)}` }];
    if (arg.properties.length === 0) return [{ start: arg.getStart(sf), end: arg.getEnd(), newText: `{ ${key}: ${value(null)} }` }];
    const first = arg.properties[0]!;
    return [{ start: first.getStart(sf), end: first.getStart(sf), newText: `${key}: ${value(null)}, ` }];
  }
  if (arg) return [{ start: args[index]!.getStart(sf), end: args[index]!.getEnd(), newText: `{ ...${args[index]!.getText(sf)}, ${key}: ${value(null)} }` }];
  // Missing arguments before the options (axios.post(url) -> axios.post(url, undefined, { timeout })).
  const fillers = Array.from({ length: index - args.length }, () => 'undefined');
  const insertAt = args.length > 0 ? args[args.length - 1]!.getEnd() : call.arguments.pos;
  const parts = [...fillers, `{ ${key}: ${value(null)} }`];
  return [{ start: insertAt, end: insertAt, newText: args.length > 0 ? `, ${parts.join(', ')}` : parts.join(', ') }];
}

function fetchTimeoutFix(sf: ts.SourceFile, call: ts.CallExpression, ms: number): Fix {
  const timeout = `AbortSignal.timeout(${ms})`;
  // An existing signal (e.g. a controller no timer aborts) is combined, not replaced.
  return { title: `Add signal: AbortSignal.timeout(${ms})`, edits: setOption(sf, call, 1, 'signal', (old) => (old ? `AbortSignal.any([${old}, ${timeout}])` : timeout)), preferred: true };
}

function axiosCallTimeoutFix(sf: ts.SourceFile, call: ts.CallExpression, ms: number): Fix | null {
  const callee = unwrap(call.expression);
  const member = ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  const index = member === '' ? (call.arguments.length === 1 && ts.isObjectLiteralExpression(unwrap(call.arguments[0]!)) ? 0 : 1) : member === 'request' ? 0 : BODY_METHODS.has(member) ? 2 : 1;
  return { title: `Add timeout: ${ms} to this call`, edits: setOption(sf, call, index, 'timeout', () => String(ms)), preferred: true };
}

/** Inserts `// debt-ledger-ignore <rule>: <reason>` on its own line above the statement holding the call. */
function ignoreFix(sf: ts.SourceFile, node: ts.Node, rule: string): Fix {
  let stmt: ts.Node = node;
  while (stmt.parent && !ts.isSourceFile(stmt.parent) && !ts.isBlock(stmt.parent) && !ts.isCaseClause(stmt.parent)) stmt = stmt.parent;
  const lineStart = sf.text.lastIndexOf('\n', stmt.getStart(sf) - 1) + 1;
  const indent = /^[ \t]*/.exec(sf.text.slice(lineStart))![0];
  return { title: `Ignore ${rule} here (with a reason)`, edits: [{ start: lineStart, end: lineStart, newText: `${indent}// debt-ledger-ignore ${rule}: explain why this call needs no ${rule.replace('resilience/', '')}\n` }], preferred: false };
}

/**
 * Quick fixes for a resilience finding whose range starts at `offset` in `text`. `client` is the
 * finding's client label (`fetch`, `axios`, `axios instance api (...)`). Returns [] when the call is
 * not there any more (the document changed since the scan).
 */
export function resilienceFixes(fileName: string, text: string, offset: number, rule: string, client: string, timeoutMs: number): Fix[] {
  const sf = parse(fileName, text);
  const call = callAt(sf, offset);
  const fixes: Fix[] = [];
  if (rule === 'resilience/timeout' && call) {
    if (client === 'fetch' || client.startsWith('injected fetch') || client === 'undici fetch') fixes.push(fetchTimeoutFix(sf, call, timeoutMs));
    else if (client.startsWith('axios')) {
      const fix = axiosCallTimeoutFix(sf, call, timeoutMs);
      if (fix) fixes.push(fix);
    }
  }
  if (call || rule === 'resilience/swallowed-error') {
    const target = call ?? nodeAt(sf, offset);
    if (target) fixes.push(ignoreFix(sf, target, rule));
  }
  return fixes;
}

/**
 * Adds `timeout` to the options of the instance-creating call (`axios.create({...})`) in the statement
 * at 1-based `line`: the fix for every call through that instance at once.
 */
export function instanceTimeoutFix(fileName: string, text: string, line: number, timeoutMs: number): Fix | null {
  const sf = parse(fileName, text);
  const lineStart = sf.getPositionOfLineAndCharacter(line - 1, 0);
  const lineEnd = line < sf.getLineStarts().length ? sf.getPositionOfLineAndCharacter(line, 0) : text.length;
  let create: ts.CallExpression | null = null;
  walkAst(sf, (n) => {
    if (create || n.getEnd() < lineStart || n.getStart(sf) >= lineEnd) return false;
    const callee = ts.isCallExpression(n) ? unwrap(n.expression) : null;
    if (callee && ts.isPropertyAccessExpression(callee) && callee.name.text === 'create') create = n as ts.CallExpression;
    return true;
  });
  if (!create) return null;
  return { title: `Add timeout: ${timeoutMs} where the instance is created (line ${line})`, edits: setOption(sf, create, 0, 'timeout', () => String(timeoutMs)), preferred: true };
}

function nodeAt(sf: ts.SourceFile, offset: number): ts.Node | null {
  let found: ts.Node | null = null;
  walkAst(sf, (n) => {
    if (n.getStart(sf) > offset || n.getEnd() <= offset) return false;
    found = n;
    return true;
  });
  return found;
}
