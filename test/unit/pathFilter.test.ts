import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import picomatch from 'picomatch';
import { joinNormal } from '../../src/core/fs/joinPath';
import { compileExcludes, extensionTest, hasExtension, splitExcludes } from '../../src/core/scan/pathFilter';
import { knownScanEntries } from '../../src/core/languages/registry';

/** A small deterministic generator (the same runs every time). */
function random(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

const SEGMENTS = ['src', 'node_modules', 'a', 'b.ts', 'test', '.git', 'dist', 'x.gen.ts', '.hidden', 'lib', '*', 'a[b', '.', '..', '', 'legacy', 'index.js'];

describe('exclude globs: picomatch regexes tested directly', () => {
  it('answers as picomatch matchers with a bare-name regex did, on 20,000 random paths and glob sets', () => {
    const globs = ['node_modules/*/node_modules', 'src/legacy/**', '**/*.gen.ts', 'dist/', './lib', '**/test/**', '*.js', 'a[b', '.hidden/**', 'b.ts', '{a,lib}/*.ts', '!(src)/**'];
    const next = random(12);
    for (let set = 0; set < 40; set++) {
      const chosen = globs.filter(() => next(3) === 0);
      // The definition before: one picomatch matcher over every glob (and the glob of what is inside it), names as whole segments.
      const { names, globs: list } = splitExcludes(chosen);
      const glob = list.length > 0 ? picomatch(list, { dot: true }) : (): boolean => false;
      const reference = (rel: string): boolean => rel.split('/').some((s) => names.has(s)) || glob(rel);
      const test = compileExcludes(chosen);
      for (let i = 0; i < 500; i++) {
        const rel = Array.from({ length: 1 + next(5) }, () => SEGMENTS[next(SEGMENTS.length)]).join('/');
        assert.equal(test(rel), reference(rel), `${JSON.stringify(chosen)} on ${JSON.stringify(rel)}`);
      }
      // A path written exactly as a glob matches it, as picomatch's matcher says.
      for (const g of list) assert.equal(test(g), reference(g), g);
    }
  });
});

describe('joinNormal', () => {
  it('gives path.join\'s string for 20,000 random folders and relative paths', () => {
    const next = random(7);
    const bases = ['/', '/work/x', '/work/x/', 'rel', 'rel/a', '.', './a', 'a/..', '/a//b', '/a/./b', '..', '../up', '', '/a/b/..'];
    for (let i = 0; i < 20_000; i++) {
      const base = bases[next(bases.length)]!;
      const rel = Array.from({ length: 1 + next(4) }, () => SEGMENTS[next(SEGMENTS.length)]).join('/');
      assert.equal(joinNormal(base, rel), path.join(base, rel), `${JSON.stringify(base)} + ${JSON.stringify(rel)}`);
    }
  });
});

describe('extensionTest', () => {
  it('answers as hasExtension for the default entries and for sets of extensions only, on 20,000 random paths', () => {
    const next = random(3);
    const names = ['a.ts', 'b.TS', 'Dockerfile', 'dockerfile.dev', 'Makefile.am', '.eslintrc.json', '.gitignore', 'x.gitignore', '.env.local', 'tsconfig.json', 'README', 'a.tftest.hcl', 'x.', '.', 'a.b.c', 'Foo.Vue', 'build.gradle.kts', 'CMakeLists.txt'];
    const sets = [knownScanEntries(), ['.ts', '.js'], ['.ts', 'dockerfile'], ['.gitignore', '.md'], ['.eslintrc.json'], ['makefile.*', '.c'], []].map((l) => new Set(l.map((e) => e.toLowerCase())));
    for (const set of sets) {
      const test = extensionTest(set);
      for (let i = 0; i < 3000; i++) {
        const dirs = Array.from({ length: next(3) }, () => ['src', 'a.b', '.hidden', 'x.ts'][next(4)]);
        const rel = [...dirs, names[next(names.length)]].join('/');
        assert.equal(test(rel), hasExtension(rel, set), `${[...set].slice(0, 5).join(',')}: ${rel}`);
      }
    }
  });
});
