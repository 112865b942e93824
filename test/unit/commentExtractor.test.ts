import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../src/core/config/config';
import { extractComments } from '../../src/core/scan/parser';
import { scanFileText } from '../../src/core/scan/scanner';

const scan = (file: string, text: string) => scanFileText(defaultConfig(), file, text, '2026-11-22');
const tagsAndLines = (file: string, text: string) => scan(file, text).map((i) => `${i.line}:${i.tag}:${i.text}`);

describe('comment forms', () => {
  it('finds markers in line, block, JSDoc and trailing comments', () => {
    const src = [
      '// TODO: line comment',
      '/* FIXME: block comment */',
      '/**',
      ' * Docs.',
      ' * HACK: inside JSDoc',
      ' */',
      'const a = 1; // XXX: trailing',
      'call(/* BUG: in empty arguments */);',
      'const t = `${/* DEBT: inside a template substitution */ a}`;',
    ].join('\n');
    assert.deepEqual(tagsAndLines('a.ts', src), [
      '1:TODO:line comment',
      '2:FIXME:block comment',
      '5:HACK:inside JSDoc',
      '7:XXX:trailing',
      '8:BUG:in empty arguments',
      '9:DEBT:inside a template substitution',
    ]);
  });

  it('finds markers in JSX comment expressions and in JSX attribute positions', () => {
    const src = [
      'export const A = () => (',
      '  <div',
      '    /* TODO: comment between attributes */',
      '    id="x">',
      '    {/* FIXME: jsx comment */}',
      '    {',
      '      // HACK: line comment in an expression container',
      '    }',
      '  </div>',
      ');',
    ].join('\n');
    assert.deepEqual(tagsAndLines('a.tsx', src), ['3:TODO:comment between attributes', '5:FIXME:jsx comment', '7:HACK:line comment in an expression container']);
  });

  it('never reports markers inside strings, templates, regex literals or JSX text', () => {
    const src = [
      "const s1 = 'TODO: single quoted // FIXME: too';",
      'const s2 = "/* HACK: not a comment */";',
      'const t1 = `TODO: template ${s1} FIXME: tail // XXX`;',
      'const t2 = `multi',
      '// TODO: still template text',
      '`;',
      'const r = /TODO:|\\/\\/ FIXME: regex/g;',
      'const url = "http://example.com//TODO:";',
      'type T = "TODO: a string literal type";',
      'export const C = () => <p title="TODO: attribute">// TODO: jsx text /* FIXME: also text */</p>;',
    ].join('\n');
    assert.deepEqual(scan('a.tsx', src), []);
  });

  it('reads division and regex correctly around comments', () => {
    const src = 'const x = a / b; // TODO: after division\nconst y = /\\/\\//.test(s); /* FIXME: after regex */';
    assert.deepEqual(tagsAndLines('a.ts', src), ['1:TODO:after division', '2:FIXME:after regex']);
  });

  it('still yields comments from a file with syntax errors', () => {
    const src = 'function broken( {\n  // TODO: fix the syntax error above\n  const = ;\n/* FIXME: unterminated';
    assert.deepEqual(tagsAndLines('broken.ts', src), ['2:TODO:fix the syntax error above', '4:FIXME:unterminated']);
  });

  it('ignores the shebang line and handles CRLF line ends', () => {
    const src = '#!/usr/bin/env node //TODO: not a comment\r\n// TODO: real one\r\nconst a = 1;\r\n';
    assert.deepEqual(tagsAndLines('bin.js', src), ['2:TODO:real one']);
  });

  it('reports exact comment ranges', () => {
    const src = 'a(); // one\n/* two */ b("//x");';
    assert.deepEqual(
      extractComments('a.ts', src).map((c) => [c.kind, src.slice(c.pos, c.end)]),
      [['line', '// one'], ['block', '/* two */']],
    );
  });

  it('parses every supported extension with the right dialect', () => {
    for (const ext of ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']) {
      assert.equal(scan(`f${ext}`, 'const a = 1; // TODO: x').length, 1, ext);
    }
    // Angle-bracket casts only parse in .ts; JSX only in .tsx/.jsx/.js. Both still yield the comment.
    assert.equal(scan('f.jsx', 'const e = <b>{/* TODO: jsx */}</b>;').length, 1);
    assert.equal(scan('f.ts', 'const n = <number>x; // TODO: cast').length, 1);
  });
});
