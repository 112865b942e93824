import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../src/core/config/config';
import { BUILTIN_LANGUAGES, createRegistry } from '../../src/core/languages/registry';
import { extractComments } from '../../src/core/scan/parser';
import { scanFileText } from '../../src/core/scan/scanner';

const FIXTURES = path.join(__dirname, '../../../test/fixtures/languages');

/**
 * `^ expect kind tag@column; ...` annotations, in the fixture language's own comment syntax: the items the
 * line above must yield (the nearest line that is not an annotation; `^3 expect` is three lines up, for
 * a line whose next lines are a heredoc body). Lines without one yield nothing.
 */
function expectations(text: string): { items: string[]; annotations: number[] } {
  const lines = text.split('\n');
  const items: string[] = [];
  const annotations: number[] = [];
  let offset = 0;
  lines.forEach((line, i) => {
    const m = /\^(\d*) expect /.exec(line);
    if (m) {
      const at = m.index;
      annotations.push(offset + at);
      let target = i - 1;
      if (m[1]) target = i - Number(m[1]);
      else while (/\^\d* expect /.test(lines[target]!)) target--;
      const body = line.slice(at + m[0].length).replace(/\s*(?:-->|\*\/\}|\*\/|#>)\s*$/, '');
      for (const entry of body.split(';')) {
        const m = /^\s*(marker|suppression|task) (.+)@(\d+)\s*$/.exec(entry);
        assert.ok(m, `bad annotation ${JSON.stringify(entry)} at line ${i + 1}`);
        items.push(`${target + 1}:${m[3]} ${m[1]} ${m[2]}`);
      }
    }
    offset += line.length + 1;
  });
  return { items: items.sort(), annotations };
}

const config = { ...defaultConfig(), markdownTasks: true };
const registry = createRegistry();
const fixtures = readdirSync(FIXTURES).sort();

describe('languages: annotated fixtures, compared exactly both ways', () => {
  for (const file of fixtures) {
    it(file, () => {
      const text = readFileSync(path.join(FIXTURES, file), 'utf8');
      const expected = expectations(text);
      assert.ok(expected.items.length > 0, 'a fixture states what it must yield');
      const actual = scanFileText(config, file, text).map((i) => `${i.line}:${i.column} ${i.kind} ${i.tag}`).sort();
      assert.deepEqual(actual, expected.items);
      // Every annotation is itself a comment of the language: each comment form in the fixture is found.
      const fe = registry.frontEndFor(file)!;
      const script = fe.script(file, text);
      const comments = [...fe.lexComments(text), ...(script ? extractComments(script.fileName, script.text) : [])];
      for (const at of expected.annotations) {
        assert.ok(comments.some((c) => c.pos <= at && at < c.end), `the annotation at offset ${at} is read as a comment`);
      }
    });
  }

  it('has a fixture for every built-in language, so a new table entry gets its test', () => {
    const covered = new Set(fixtures.map((f) => registry.frontEndFor(f)?.id));
    const missing = BUILTIN_LANGUAGES.map((l) => l.id).filter((id) => !covered.has(id));
    assert.deepEqual(missing, []);
    for (const sfc of ['vue', 'svelte', 'astro', 'html']) assert.ok(covered.has(sfc), sfc);
  });
});
