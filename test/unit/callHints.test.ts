import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../src/core/config/config';
import { hasCallHintOutside } from '../../src/core/scan/callHints';
import { lexScriptComments } from '../../src/core/languages/jsLexer';
import { scanWorkspace } from '../../src/core/scan/scanner';

const FIXTURE = path.join(__dirname, '../../../test/fixtures/resilience/commented-hints');

describe('call hints: only those outside comments make a file a resilience candidate', () => {
  const outside = (text: string): boolean => hasCallHintOutside(text, lexScriptComments('a.ts', text)!);
  it('tells a hint in code from one in a comment', () => {
    assert.equal(outside('// fetch(url)\n/* import axios from "axios" */\nconst a = 1;'), false);
    assert.equal(outside('/** fetch(url) */\nexport const f = (u: string) => fetch(u);'), true);
    assert.equal(outside("import axios from 'axios';"), true);
    // A hint in a string is kept (a superset: the analyzer decides).
    assert.equal(outside('const s = "fetch(x)";'), true);
    assert.equal(outside('const a = 1; // fetch(url)\nconst b = fetch;'), false);
  });

  it('a file whose hints are all commented out is not analysed; its importers and real calls still are', async () => {
    const result = await scanWorkspace({ root: FIXTURE, config: defaultConfig(), useGit: false });
    assert.deepEqual([...(result.summaries?.keys() ?? [])].sort(), ['client.ts', 'uses.ts']);
    assert.deepEqual(result.items.filter((i) => i.kind === 'resilience').map((i) => `${i.file}:${i.line} ${i.rule}`).sort(), [
      'uses.ts:10 resilience/retry',
      'uses.ts:10 resilience/timeout',
      'uses.ts:5 resilience/retry',
      'uses.ts:5 resilience/timeout',
    ]);
  });
});
