import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lexScriptCommentsBestEffort as lexicalComments } from '../../src/core/languages/jsLexer';
import { extractComments } from '../../src/core/scan/parser';

// The fallback for files too deeply nested to parse must find the comments the parser finds.

const show = (text: string, list: { pos: number; end: number; kind: string }[]): string[] => list.map((c) => `${c.kind} ${text.slice(c.pos, c.end)}`);

describe('lexScriptCommentsBestEffort (the comment scan of a file too deep to parse)', () => {
  it('skips strings, templates with nested substitutions and regex literals', () => {
    const src = [
      'const a = "// not a comment"; // one',
      "const b = '/* nor this */'; /* two */",
      'const c = `x ${ `inner // no ${ "deep /* no */" }` } // still template`; // three',
      'const d = /\\/\\/ not [/*] either/g.test(x) / 2; // four',
      'if (x) return /a\\/b/.test(y); /** five */',
      '#!not-at-start',
    ].join('\n');
    assert.deepEqual(show(src, lexicalComments(src)), show(src, extractComments('a.ts', src)));
    assert.deepEqual(show(src, lexicalComments(src)).length, 5);
  });

  it('agrees with the parser on every fixture file of the project', () => {
    const root = path.join(__dirname, '../../../test/fixtures');
    const files = (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => /\.(ts|js)$/.test(f));
    assert.ok(files.length > 10);
    for (const f of files) {
      const text = readFileSync(path.join(root, f), 'utf8');
      assert.deepEqual(show(text, lexicalComments(text)), show(text, extractComments(f, text)), f);
    }
  });
});
