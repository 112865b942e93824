import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lexScriptComments } from '../../src/core/languages/jsLexer';
import { extractComments } from '../../src/core/scan/parser';

const REPO = path.join(__dirname, '../../..');
const spans = (cs: readonly { pos: number; end: number }[]): string[] => cs.map((c) => `${c.pos}-${c.end}`);

describe('TS/JS lexer pass (markers without a syntax tree)', () => {
  const cases: [string, string][] = [
    ['regex after an operator', 'const r = /\\/\\/ not a comment/g; // real\n'],
    ['division after a value', 'const x = a / b; /* real */ const y = (c) / 2 // real\n'],
    ['regex with a slash in a class', 'const r = /[/]/; // real\n'],
    ['regex after if (...)', 'if (x) /\\/\\//.test(y); // real\n'],
    ['template with nested expressions', 'const t = `// no ${a + `/* no ${b} */`} // no`; // real\n'],
    ['strings', 'const s = "// no" + \'/* no */\'; // real\n'],
    ['postfix then division', 'let i = 0; i++ / 2; // real\n'],
    ['keyword then regex', 'function f() { return /\\/\\*/.test(s); } // real\n'],
    ['a shebang', '#!/usr/bin/env node\n// real\n'],
    // A line comment ends at any line terminator the compiler knows: a lone CR (old Mac files), U+2028.
    ['a line comment ended by a lone CR', '// real\rconst s = "// no";\r// real\r\nx();'],
    ['a line comment ended by U+2028', '// real\u2028const s = "// no"; // real\n'],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      const lexed = lexScriptComments('x.ts', text);
      assert.ok(lexed, 'the lexer decides');
      assert.deepEqual(spans(lexed), spans(extractComments('x.ts', text)));
    });
  }

  it('leaves to the parser what it cannot decide: JSX, and a regex or string broken by a line end', () => {
    assert.equal(lexScriptComments('x.tsx', 'const a = 1;'), null);
    assert.equal(lexScriptComments('x.js', 'const e = <div>// text</div>;'), null);
    assert.equal(lexScriptComments('x.ts', 'const r = x! / 2\n/ 3;'), null);
    assert.ok(lexScriptComments('x.ts', 'const lt = a < b; // TS files hold no JSX'));
  });

  it('finds exactly the comments the compiler finds in every TS/JS file of this repository', () => {
    const files = readdirSync(REPO, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.[cm]?[jt]sx?$/.test(f) && !/(^|\/)(node_modules|out|dist|\.bench|\.vscode-host|\.vscode-test)\//.test(f) && !/^(node_modules|out|dist|\.bench|\.vscode-host|\.vscode-test)/.test(f));
    assert.ok(files.length > 100, `${files.length} files`);
    let decided = 0;
    for (const f of files) {
      const text = readFileSync(path.join(REPO, f), 'utf8');
      const lexed = lexScriptComments(f, text);
      if (!lexed) continue;
      decided++;
      assert.deepEqual(spans(lexed), spans(extractComments(f, text)), f);
    }
    assert.ok(decided > files.length * 0.9, `${decided} of ${files.length} decided without a parse`);
  });
});
