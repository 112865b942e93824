import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveConfig } from '../../src/core/config/resolveConfig';
import { CLIENT_TABLE, type TableClientId } from '../../src/core/resilience/clientTable';
import { linkResilience } from '../../src/core/resilience/link';
import { parseFile } from '../../src/core/scan/parser';

/**
 * One call shape per client of the table: `OPTS` is replaced by the options under test. `bounded` bounds
 * the call; `trap` looks like a timeout and is not one. Every table row must have a sample here.
 */
const SAMPLES: Record<TableClientId, { code: string; bounded?: string; trap?: string; retried?: boolean }> = {
  'node-fetch': { code: "import fetch from 'node-fetch';\nexport const f = (url: string) => fetch(url, OPTS);", bounded: '{ timeout: 5000 }' },
  'cross-fetch': { code: "import fetch from 'cross-fetch';\nexport const f = (url: string) => fetch(url, OPTS);", bounded: '{ signal: AbortSignal.timeout(5000) }', trap: '{ timeout: 5000 }' },
  'isomorphic-fetch': { code: "import fetch from 'isomorphic-fetch';\nexport const f = (url: string) => fetch(url, OPTS);", bounded: '{ signal: AbortSignal.timeout(5000) }', trap: '{ timeout: 5000 }' },
  'make-fetch-happen': { code: "import fetch from 'make-fetch-happen';\nexport const f = (url: string) => fetch(url, OPTS);", bounded: '{ timeout: 5000 }' },
  ofetch: { code: "import { ofetch } from 'ofetch';\nexport const f = (url: string) => ofetch(url, OPTS);", bounded: '{ timeout: 5000 }', retried: true },
  redaxios: { code: "import axios from 'redaxios';\nexport const f = (url: string) => axios.get(url, OPTS);", bounded: '{ signal: AbortSignal.timeout(5000) }', trap: '{ timeout: 5000 }' },
  wretch: { code: "import wretch from 'wretch';\nexport const f = (url: string) => wretch(url).get()OPTS.json();", bounded: '.setTimeout(5000)' },
  superagent: { code: "import superagent from 'superagent';\nexport const f = (url: string) => superagent.get(url)OPTS;", bounded: '.timeout({ response: 5000 })' },
  needle: { code: "import needle from 'needle';\nexport const f = (url: string) => needle.get(url, OPTS);", bounded: '{ response_timeout: 5000 }', trap: '{ open_timeout: 5000 }' },
  request: { code: "import request from 'request';\nexport const f = (url: string) => request(url, OPTS, () => undefined);", bounded: '{ timeout: 5000 }' },
  phin: { code: "import phin from 'phin';\nexport const f = (url: string) => phin(OPTS);", bounded: '{ url, timeout: 5000 }' },
  bent: { code: "import bent from 'bent';\nconst getJSON = bent('json');\nexport const f = (url: string) => getJSON(url)OPTS;" },
  'graphql-request': { code: "import { GraphQLClient } from 'graphql-request';\nconst client = new GraphQLClient('https://api', OPTS);\nexport const f = () => client.request('{ me { id } }');", bounded: '{ signal: AbortSignal.timeout(5000) }' },
  'nestjs-axios': { code: "import { HttpService } from '@nestjs/axios';\nexport class S {\n  constructor(private readonly http: HttpService) {}\n  get(url: string) { return this.http.get(url, OPTS); }\n}", bounded: '{ timeout: 5000 }' },
};

const config = resolveConfig({}).config.resilience;
function rules(code: string, opts: string): string[] {
  const text = code.replace('OPTS', opts);
  const summary = parseFile('x.ts', text, true).resilience!;
  return linkResilience(new Map([['x.ts', summary]]), config).map((f) => f.rule).sort();
}
const EMPTY: Record<string, string> = { wretch: '', superagent: '', bent: '', phin: '{ url }' };

describe('resilience: every client of the table', () => {
  it('has a sample for each row', () => {
    assert.deepEqual(Object.keys(SAMPLES).sort(), CLIENT_TABLE.map((c) => c.id).sort());
  });
  for (const client of CLIENT_TABLE) {
    const sample = SAMPLES[client.id];
    it(`${client.id}: a call without a timeout is a gap, with the library's message`, () => {
      const text = sample.code.replace('OPTS', EMPTY[client.id] ?? '{}');
      const found = linkResilience(new Map([['x.ts', parseFile('x.ts', text, true).resilience!]]), config);
      const timeout = found.find((f) => f.ruleKey === 'timeout');
      assert.ok(timeout, `${client.id}: expected a timeout finding in\n${text}`);
      assert.match(timeout.reason, new RegExp(client.noTimeout.slice(0, 12).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      assert.equal(found.some((f) => f.ruleKey === 'retry'), !sample.retried, `${client.id}: retry finding`);
    });
    if (sample.bounded) {
      it(`${client.id}: ${sample.bounded} bounds it`, () => assert.ok(!rules(sample.code, sample.bounded!).includes('resilience/timeout')));
    }
    if (sample.trap) {
      it(`${client.id}: ${sample.trap} does not bound it`, () => assert.ok(rules(sample.code, sample.trap!).includes('resilience/timeout')));
    }
  }
  it('@nestjs/axios: HttpModule.register({ timeout }) covers every injected HttpService', () => {
    const module = "import { HttpModule } from '@nestjs/axios';\nexport const m = HttpModule.register({ timeout: 5000 });";
    const service = SAMPLES['nestjs-axios'].code.replace('OPTS', '{}');
    const summaries = new Map([['m.ts', parseFile('m.ts', module, true).resilience!], ['s.ts', parseFile('s.ts', service, true).resilience!]]);
    assert.deepEqual(linkResilience(summaries, config).map((f) => f.rule), ['resilience/retry']);
  });
});
