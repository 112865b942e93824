import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as typescript from 'typescript';
import { defaultConfig } from '../../src/core/config/config';
import { findingsToItems } from '../../src/core/ledger/ids';
import { linkResilience } from '../../src/core/resilience/link';
import { instanceTimeoutFix, resilienceFixes, type TextEdit } from '../../src/core/scan/parser';
import { scanFileTextFull } from '../../src/core/scan/scanner';

const AXIOS_TYPES = path.join(__dirname, '../../../test/fixtures/fixes/axios.d.ts');

function apply(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

/** Type-checks one file (strict, DOM + ES2022 libs, the axios stub) with the TypeScript compiler. */
function compileErrors(text: string): string[] {
  const file = '/virtual/fixed.ts';
  const options: typescript.CompilerOptions = { strict: true, noEmit: true, target: typescript.ScriptTarget.ES2022, module: typescript.ModuleKind.ESNext, moduleResolution: typescript.ModuleResolutionKind.Bundler, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.esnext.d.ts'], types: [], skipLibCheck: true };
  const host = typescript.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => (f === file ? text : read(f));
  host.fileExists = ((exists) => (f: string) => f === file || exists(f))(host.fileExists.bind(host));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, v) => (f === file ? typescript.createSourceFile(f, text, v) : getSourceFile(f, v));
  const program = typescript.createProgram([file, AXIOS_TYPES], options, host);
  return typescript.getPreEmitDiagnostics(program).map((d) => typescript.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** The resilience findings of a single-file project. */
function findings(text: string) {
  const config = defaultConfig();
  const { summary } = scanFileTextFull(config, 'fixed.ts', text);
  return findingsToItems(linkResilience(new Map(summary ? [['fixed.ts', summary]] : []), config.resilience));
}

function fixFirst(text: string, rule: string, which = 0): string {
  const finding = findings(text).find((f) => f.rule === rule);
  assert.ok(finding, `a ${rule} finding in:\n${text}`);
  const lines = text.split('\n');
  const offset = lines.slice(0, finding.line - 1).reduce((n, l) => n + l.length + 1, 0) + finding.column - 1;
  const fixes = resilienceFixes('fixed.ts', text, offset, rule, finding.client!, 10_000);
  assert.ok(fixes[which], `fix #${which} offered; got ${fixes.map((f) => f.title).join(', ')}`);
  return apply(text, fixes[which]!.edits);
}

const cases: { name: string; before: string; after: string }[] = [
  { name: 'fetch without options', before: 'export const r = fetch("https://x");', after: 'export const r = fetch("https://x", { signal: AbortSignal.timeout(10000) });' },
  { name: 'fetch with an options object', before: 'export const r = fetch("https://x", { method: "GET" });', after: 'export const r = fetch("https://x", { signal: AbortSignal.timeout(10000), method: "GET" });' },
  { name: 'fetch with the timeout trap', before: 'export const r = fetch("https://x", { timeout: 5 } as RequestInit);', after: 'export const r = fetch("https://x", { signal: AbortSignal.timeout(10000) } as RequestInit);' },
  { name: 'fetch with options from a variable', before: 'const init: RequestInit = { method: "GET" };\nexport const r = fetch("https://x", init);', after: 'const init: RequestInit = { method: "GET" };\nexport const r = fetch("https://x", { ...init, signal: AbortSignal.timeout(10000) });' },
  { name: 'fetch with an untimed controller', before: 'const c = new AbortController();\nexport const r = fetch("https://x", { signal: c.signal });', after: 'const c = new AbortController();\nexport const r = fetch("https://x", { signal: AbortSignal.any([c.signal, AbortSignal.timeout(10000)]) });' },
  { name: 'axios.get without config', before: 'import axios from "axios";\nexport const r = axios.get("/x");', after: 'import axios from "axios";\nexport const r = axios.get("/x", { timeout: 10000 });' },
  { name: 'axios.post without data', before: 'import axios from "axios";\nexport const r = axios.post("/x");', after: 'import axios from "axios";\nexport const r = axios.post("/x", undefined, { timeout: 10000 });' },
  { name: 'axios.post with config', before: 'import axios from "axios";\nexport const r = axios.post("/x", { a: 1 }, { headers: { a: "b" } });', after: 'import axios from "axios";\nexport const r = axios.post("/x", { a: 1 }, { timeout: 10000, headers: { a: "b" } });' },
  { name: 'axios with timeout 0', before: 'import axios from "axios";\nexport const r = axios.get("/x", { timeout: 0 });', after: 'import axios from "axios";\nexport const r = axios.get("/x", { timeout: 10000 });' },
];

describe('quick fixes produce compiling code that closes the gap', () => {
  it('the compile check reports real errors (guard)', () => {
    assert.equal(compileErrors('export const n: number = "a";').length, 1);
    assert.equal(compileErrors('export const r = fetch("x", { signal: 5 });').length, 1);
  });

  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(compileErrors(c.before), [], 'the fixture itself compiles');
      const after = fixFirst(c.before, 'resilience/timeout');
      assert.equal(after, c.after);
      assert.deepEqual(compileErrors(after), []);
      assert.ok(!findings(after).some((f) => f.rule === 'resilience/timeout'), 'no timeout finding after the fix');
    });
  }

  it('axios instance: the fix at axios.create covers every call through it', () => {
    const before = 'import axios from "axios";\nconst api = axios.create({ baseURL: "https://x" });\nexport const a = api.get("/a");\nexport const b = api.get("/b");';
    assert.equal(findings(before).filter((f) => f.rule === 'resilience/timeout').length, 2);
    const fix = instanceTimeoutFix('fixed.ts', before, 2, 10_000)!;
    const after = apply(before, fix.edits);
    assert.equal(after.split('\n')[1], 'const api = axios.create({ timeout: 10000, baseURL: "https://x" });');
    assert.deepEqual(compileErrors(after), []);
    assert.equal(findings(after).filter((f) => f.rule === 'resilience/timeout').length, 0);
  });

  it('the ignore fix silences exactly that rule and lists the opt-out as debt', () => {
    const before = 'export async function f() {\n  return fetch("https://x");\n}';
    const after = fixFirst(before, 'resilience/timeout', 1);
    assert.equal(after.split('\n')[1], '  // debt-ledger-ignore resilience/timeout: explain why this call needs no timeout');
    assert.deepEqual(compileErrors(after), []);
    assert.deepEqual(findings(after).map((f) => f.rule), ['resilience/retry']);
    const { items } = scanFileTextFull(defaultConfig(), 'fixed.ts', after);
    assert.deepEqual(items.map((i) => [i.kind, i.tag]), [['suppression', 'debt-ledger-ignore']]);
  });
});
