import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileUserRegex, globProblem } from '../../src/core/config/configGuards';
import { parseConfigText } from '../../src/core/config/loadConfig';
import { resolveLayers } from '../../src/core/config/layers';
import { compileExcludes } from '../../src/core/scan/pathFilter';
import { cli } from './helpers/cli';
import { tempDir } from './helpers/tempDir';

// A .debtledger.json written by someone hostile: every trick is an error with its key, never a crash,
// never silently accepted, never expensive.

const PROTOTYPE_KEYS = ['valueOf', 'hasOwnProperty', '__defineGetter__', 'toLocaleString', 'constructor', 'toString', '__proto__', 'isPrototypeOf', 'propertyIsEnumerable'];

describe('config keys from Object.prototype', () => {
  for (const key of PROTOTYPE_KEYS) {
    it(`"${key}" is an unknown key: one line, exit 2, no stack`, async (t) => {
      const dir = tempDir(t, { 'a.ts': '// TODO: x\n', '.debtledger.json': `{ "${key}": { "tags": ["EVIL"] } }` });
      const run = await cli(['scan', dir, '--no-cache', '--no-git'], dir);
      assert.equal(run.code, 2);
      assert.equal(run.stderr, `debt-ledger: invalid configuration:\n.debtledger.json ${key}: unknown key\n`);
    });
  }

  it('nested objects too: resilience and its rules, and the editor layers', () => {
    const nested = parseConfigText('{"resilience": {"constructor": 1, "rules": {"__proto__": {"severity": "off"}, "toString": {}}}}');
    assert.deepEqual(nested.errors.map((e) => e.path), ['resilience.constructor', 'resilience.rules.__proto__', 'resilience.rules.toString']);
    const layered = resolveLayers([{ source: 'settings', raw: { valueOf: 1, tags: ['TODO'] } }]);
    assert.deepEqual(layered.errors.map((e) => e.path), ['valueOf']);
  });

  it('__proto__ never changes what other keys read', () => {
    const r = parseConfigText('{"__proto__": {"suppressions": false, "tags": ["X"]}}');
    assert.equal(r.config.suppressions, true);
    assert.deepEqual(r.config.tags.includes('X'), false);
  });
});

describe('ranges, caps and encodings', () => {
  it('every numeric setting has a range', () => {
    for (const [key, value] of [['churnWindowDays', 99999999999999], ['maxFileSize', 2 ** 40], ['churnWindowDays', 0]] as const) {
      const r = parseConfigText(JSON.stringify({ [key]: value }));
      assert.equal(r.errors.length, 1, key);
      assert.match(r.errors[0]!.message, /^expected a whole number from \d+ to \d+/);
    }
    assert.match(parseConfigText('{"resilience": {"timeoutMs": 1e12}}').errors[0]!.message, /from 1 to 3600000/);
    assert.match(parseConfigText('{"definitionOfDone": {"items": [{"id": "s", "title": "s", "check": {"type": "maxDiffSize", "maxLines": 1e300}}]}}').errors[0]!.message, /from 0 to 1000000000/);
  });

  it('a UTF-8 BOM is accepted', async (t) => {
    const dir = tempDir(t, { 'a.ts': '// NOTE: x\n', '.debtledger.json': '\uFEFF{ "tags": ["NOTE"] }' });
    const run = await cli(['scan', dir, '--no-cache', '--no-git', '-f', 'json'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal((JSON.parse(run.stdout) as { items: unknown[] }).items.length, 1);
  });

  it('a 120k-tag list is refused in one line, quickly (by size; a 20k list by count)', async (t) => {
    const tags = Array.from({ length: 120_000 }, (_, i) => `T${i}`);
    const dir = tempDir(t, { 'a.ts': '// TODO: x\n', '.debtledger.json': JSON.stringify({ tags }) });
    const run = await cli(['scan', dir, '--no-cache', '--no-git'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^debt-ledger: invalid configuration:\n\.debtledger\.json: cannot read: larger than the 1024 KiB limit \(\d+ KiB\)\n$/);
    const some = parseConfigText(JSON.stringify({ tags: tags.slice(0, 20_000) }));
    assert.deepEqual(some.errors, [{ path: 'tags', message: 'at most 200 entries, got 20000' }]);
    assert.match(parseConfigText(JSON.stringify({ tags: ['A'.repeat(65)] })).errors[0]!.message, /longer than 64/);
  });

  it('a config nested thousands of levels deep is an error, not a stack overflow', () => {
    const r = parseConfigText(`{"exclude": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0]!.message, /nested more than 32 levels deep/);
  });
});

describe('ReDoS', () => {
  it('pathological exclude globs are refused at validation', () => {
    const r = parseConfigText('{"exclude": ["*a*a*a*a*a*a*a*a*a*a*a*b", "+(a|aa)", "src/{1..9999}/x", "**/*.gen.*", "src/legacy/**"]}');
    assert.deepEqual(r.errors.map((e) => e.path), ['exclude[0]', 'exclude[1]', 'exclude[2]']);
    assert.deepEqual(r.config.exclude, ['**/*.gen.*', 'src/legacy/**']);
    assert.match(r.errors[0]!.message, /12 "\*" in one path segment/);
    assert.equal(globProblem('*a*a*b'), undefined);
  });

  it('the most a glob may hold still matches a long path cheaply', () => {
    // Three '*' in a segment (the cap) against a 200-character segment: polynomial, not exponential.
    const test = compileExcludes(['*a*a*b']);
    const started = performance.now();
    for (let i = 0; i < 20; i++) test(`${'a'.repeat(200)}c`);
    assert.ok(performance.now() - started < 5_000);
  });

  it('commitMessages patterns run in linear time (re2js); unsupported syntax is reported', () => {
    const re = compileUserRegex('^(a+)+$');
    assert.ok(re.ok);
    const started = performance.now();
    assert.equal(re.ok && re.regex.test(`${'a'.repeat(5000)}!`), false);
    assert.ok(performance.now() - started < 5_000);
    const bad = parseConfigText('{"definitionOfDone": {"items": [{"id": "c", "title": "c", "check": {"type": "commitMessages", "pattern": "(a)\\\\1"}}]}}');
    assert.equal(bad.errors[0]!.path, 'definitionOfDone.items[0].check.pattern');
    assert.match(bad.errors[0]!.message, /RE2 syntax/);
  });
});
