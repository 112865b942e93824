import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ignore from 'ignore';
import { CodeOwners } from '../../src/core/intel/codeowners';
import { OwnerMatcher } from '../../src/core/intel/ownerPatterns';

/** The previous implementation (one `ignore` per rule), kept here as the oracle the compiled matcher must equal. */
function oracle(patterns: string[], file: string): number {
  for (let i = patterns.length - 1; i >= 0; i--) if (ignore().add(patterns[i]!).ignores(file)) return i;
  return -1;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

const PATTERNS = ['*', '*.ts', '*.test.ts', '/src/', 'src/', 'src', '/src/api/**', 'src/**/legacy.ts', '**/fixtures', 'docs/*', 'docs/*.md', '/README.md', 'README.md',
  'packages/*/src/', '/packages/p1/', 'p?/', '**/d1/**', 'f1*.ts', '[ab]*.js', 'lib/[!x]*.js', 'node_modules', '/build/logs/', 'a/**/b', '\\#notes.ts', '*.min.js', 'x/y/', '/docs/guide.md', 'src/api', '/packages/p1/**/f1*.ts', '*.test.ts', '*.ts', '/lib/x.js/'];
const SEGMENTS = ['src', 'api', 'docs', 'lib', 'packages', 'p1', 'p2', 'd1', 'fixtures', 'build', 'logs', 'a', 'b', 'x', 'y', 'node_modules'];
const NAMES = ['index.ts', 'legacy.ts', 'a.test.ts', 'README.md', 'guide.md', 'f1.ts', 'f12.ts', 'app.min.js', 'bx.js', 'x.js', 'y.js', '#notes.ts', 'b'];

describe('CODEOWNERS matching', () => {
  it('gives the same last matching rule as one gitignore matcher per rule, on 3,000 random paths and rule sets', () => {
    const rand = rng(7);
    for (let round = 0; round < 60; round++) {
      const rules = Array.from({ length: 1 + Math.floor(rand() * 8) }, () => PATTERNS[Math.floor(rand() * PATTERNS.length)]!);
      const m = new OwnerMatcher();
      for (const r of rules) m.add(r);
      for (let k = 0; k < 50; k++) {
        const depth = Math.floor(rand() * 4);
        const file = [...Array.from({ length: depth }, () => SEGMENTS[Math.floor(rand() * SEGMENTS.length)]!), NAMES[Math.floor(rand() * NAMES.length)]!].join('/');
        assert.equal(m.lastMatch(file), oracle(rules, file), `${file} against ${JSON.stringify(rules)}`);
      }
    }
  });

  it('the last matching rule wins; sections are skipped; a rule without owners un-owns', () => {
    const owners = CodeOwners.parse(['* @all', '[Docs]', 'docs/ @docs', '*.ts @ts', 'docs/generated.ts', '/packages/p1/ @p1 @alice'].join('\n'));
    assert.deepEqual(owners.ownersOf('x.js'), ['@all']);
    assert.deepEqual(owners.ownersOf('docs/a.md'), ['@docs']);
    assert.deepEqual(owners.ownersOf('docs/a.ts'), ['@ts']);
    assert.deepEqual(owners.ownersOf('docs/generated.ts'), []);
    assert.deepEqual(owners.ownersOf('packages/p1/src/a.ts'), ['@p1', '@alice']);
    assert.deepEqual(owners.ownersOf('other/packages/p1/a.js'), ['@all']);
  });
});
