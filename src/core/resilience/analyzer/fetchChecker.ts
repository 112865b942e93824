import { ts } from '../../scan/compiler';

/** What the checker says a callee named `fetch` is: the HTTP fetch, something else, or it cannot tell. */
export type FetchVerdict = 'http' | 'other' | 'unknown';

/** How often the checker was needed, and what it cost (read by the bench and `DEBT_LEDGER_CHECKER_STATS`). */
export const checkerStats = { files: 0, sites: 0, other: 0, ms: 0 };
// Diagnostics for measuring (docs/resilience.md): one stderr line at exit, in whichever process parsed.
if (typeof process !== 'undefined' && process.env.DEBT_LEDGER_CHECKER_STATS) {
  process.once('exit', () => process.stderr.write(`debt-ledger checker: ${checkerStats.files} files, ${checkerStats.sites} sites, ${checkerStats.other} not HTTP, ${checkerStats.ms.toFixed(1)} ms\n`));
}

const HTTP_TYPE = /\btypeof\s+(globalThis\.|window\.|self\.)?fetch\b|\bRequestInfo\b|\bRequestInit\b|\bPromise\s*<\s*Response\s*>|\bFetch(Fn|Function|Like|Impl)?\b/;

const URL_PARAM = /^(url|uri|input|resource|href|endpoint|link|requestUrl)$/i;

/**
 * The TypeScript checker on one TypeScript file (JavaScript declares no types to read), created on the first call site that syntax cannot decide (a
 * `fetch` bound by a destructured parameter or local, `opts.fetch` / `this.fetch` on an options-like
 * receiver): a program of just this file, no lib, no module resolution, so it costs a bind and the
 * types asked for, nothing on files where syntax decides. It finds the declaration behind the name
 * (through destructuring, interfaces, type aliases, JSDoc) and reads its signature as written: `typeof
 * fetch`, `RequestInfo`/`RequestInit` or `Promise<Response>` is HTTP; a signature declared in the file
 * without them (a React prop `fetch: (options) => Promise<T[]>`, a repository's `fetch()`) is not; an
 * imported or unresolved type is unknown, and the syntax verdict stands.
 */
export class FetchChecker {
  private checker: ts.TypeChecker | undefined;

  constructor(private readonly sf: ts.SourceFile) {}

  verdict(callee: ts.Expression): FetchVerdict {
    const started = performance.now();
    try {
      checkerStats.sites++;
      const v = this.decide(callee);
      if (v === 'other') checkerStats.other++;
      if (process.env.DEBT_LEDGER_CHECKER_STATS === 'sites') process.stderr.write(`debt-ledger checker: ${this.sf.fileName}:${this.sf.getLineAndCharacterOfPosition(callee.getStart(this.sf)).line + 1} ${callee.getText(this.sf)} -> ${v}\n`);
      return v;
    } catch {
      return 'unknown';
    } finally {
      checkerStats.ms += performance.now() - started;
    }
  }

  private program(): ts.TypeChecker {
    if (this.checker) return this.checker;
    checkerStats.files++;
    const sf = this.sf;
    const host: ts.CompilerHost = {
      getSourceFile: (name) => (name === sf.fileName ? sf : undefined),
      getDefaultLibFileName: () => 'lib.d.ts',
      writeFile: () => undefined,
      getCurrentDirectory: () => '/',
      getCanonicalFileName: (f) => f,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => '\n',
      fileExists: (f) => f === sf.fileName,
      readFile: () => undefined,
    };
    const options: ts.CompilerOptions = { noLib: true, noResolve: true, types: [], allowJs: true, checkJs: false, noEmit: true, target: ts.ScriptTarget.ESNext };
    this.checker = ts.createProgram({ rootNames: [sf.fileName], options, host }).getTypeChecker();
    return this.checker;
  }

  private decide(callee: ts.Expression): FetchVerdict {
    const checker = this.program();
    const name = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
    const symbol = checker.getSymbolAtLocation(name);
    if (!symbol) return 'unknown';
    if (symbol.flags & ts.SymbolFlags.Alias) return 'unknown';
    // A type written on the declaration itself: `fetch: typeof fetch` (unresolvable without lib, but plain).
    for (const d of symbol.declarations ?? []) {
      if (d.getSourceFile() !== this.sf) return 'unknown';
      const typeNode = (ts.isParameter(d) || ts.isPropertySignature(d) || ts.isPropertyDeclaration(d) || ts.isVariableDeclaration(d)) ? d.type : undefined;
      if (typeNode && HTTP_TYPE.test(typeNode.getText(this.sf))) return 'http';
      // A method implemented in this file (a repository's `fetch()`): a project function, not the HTTP fetch.
      if ((ts.isMethodDeclaration(d) || ts.isFunctionDeclaration(d)) && d.body) return 'other';
    }
    const type = checker.getTypeAtLocation(callee);
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return 'unknown';
    const signatures = type.getCallSignatures();
    if (signatures.length === 0) return 'unknown';
    for (const s of signatures) {
      const decl = s.getDeclaration() as ts.Declaration | undefined;
      if (!decl || decl.getSourceFile() !== this.sf) return 'unknown';
      if (HTTP_TYPE.test(decl.getText(this.sf))) return 'http';
      // A loosely typed injected fetch still takes a URL first: `(url: string, init?: any) => Promise<any>`.
      const first = ts.isFunctionLike(decl) ? decl.parameters[0] : undefined;
      if (first && (URL_PARAM.test(first.name.getText(this.sf)) || /\bURL\b/.test(first.type?.getText(this.sf) ?? ''))) return 'http';
    }
    return 'other';
  }
}
