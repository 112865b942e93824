import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig, type DebtLedgerConfig } from '../../src/core/config/config';
import { authorHandles, ownerDirectoryOf } from '../../src/core/intel/ownerDirectory';
import { promoteOwners } from '../../src/core/scan/metadata';
import { scanFileText, scanWorkspace } from '../../src/core/scan/scanner';
import { tempDir } from './helpers/tempDir';

// Every case of issue 11's "Metadata as a person reads it", with its exact strings.
const scan = (text: string, patch: Partial<DebtLedgerConfig> = {}) => scanFileText({ ...defaultConfig(), ...patch }, 'src/a.ts', text, '2026-11-22');
const one = (text: string, patch: Partial<DebtLedgerConfig> = {}) => {
  const items = scan(text, patch).filter((i) => i.kind === 'marker');
  assert.equal(items.length, 1, `expected one marker in ${JSON.stringify(text)}, got ${JSON.stringify(items.map((i) => [i.tag, i.text]))}`);
  return items[0]!;
};
const fields = (text: string, patch: Partial<DebtLedgerConfig> = {}) => {
  const i = one(text, patch);
  return { owner: i.owner, owners: i.owners, ticket: i.ticket, labels: i.labels, text: i.text };
};

describe('metadata: versions and milestones are labels, not owners', () => {
  for (const [src, label] of [['// TODO(v9)', 'v9'], ['// TODO (V9)', 'V9'], ['// FIXME(v3)', 'v3'], ['// TODO(2.0)', '2.0'], ['// TODO(v3.2): drop', 'v3.2'], ['// TODO(M3): drop', 'M3']] as const) {
    it(src, () => {
      const f = fields(`${src} remove the shim`);
      assert.deepEqual([f.owner, f.owners, f.labels], [null, [], [label]]);
    });
  }
});

describe('metadata: tickets', () => {
  it('a bare number in parentheses is an issue reference: TODO(1234)', () => {
    assert.deepEqual([fields('// TODO(1234): flaky').owner, fields('// TODO(1234): flaky').ticket], [null, '#1234']);
  });
  const urls = [
    'https://bugzilla.mozilla.org/show_bug.cgi?id=1234567',
    'https://bugs.webkit.org/show_bug.cgi?id=98765',
    'https://acme.atlassian.net/browse/PAY-42',
    'https://linear.app/acme/issue/ENG-123/fix-retry',
    'https://gitlab.com/group/project/-/issues/77',
    'https://dev.azure.com/org/project/_workitems/edit/4512',
    'https://bugs.chromium.org/p/chromium/issues/detail?id=1052397',
    'https://crbug.com/1052397',
    'https://issues.chromium.org/issues/40100000',
  ];
  for (const url of urls) {
    it(`bug-tracker URL ${url}`, () => {
      const expected = url === 'https://linear.app/acme/issue/ENG-123/fix-retry' ? 'https://linear.app/acme/issue/ENG-123' : url;
      assert.equal(fields(`// TODO: see ${url} for context`).ticket, expected);
    });
  }
  it('a documentation link is not a ticket, nor a key or anchor inside it', () => {
    assert.equal(fields('// TODO: see https://developer.mozilla.org/en-US/docs/Web/API/AbortSignal/timeout_static').ticket, null);
    assert.equal(fields('// TODO: https://tc39.es/ecma262/#sec-ES-2015 says otherwise').ticket, null);
    assert.equal(fields('// TODO: https://nodejs.org/api/http.html#http_agent').ticket, null);
  });
});

describe('metadata: code in the text is not an owner', () => {
  for (const src of ['// TODO: drop @types/node once node 22 ships types', '// TODO: move to @acme/core', '// TODO: @Injectable() should not be needed here', '// FIXME: @deprecated API still used']) {
    it(src, () => assert.deepEqual(fields(src).owners, []));
  }
  it('a real @handle mention still is', () => assert.equal(fields('// TODO: @sam please look').owner, '@sam'));
});

describe('metadata: several owners', () => {
  it('TODO (alice,bob) keeps both when they are known, owner is the first', () => {
    const f = fields('// TODO (alice,bob) split this', { owners: ['alice', 'bob'] });
    assert.deepEqual([f.owner, f.owners, f.labels], ['alice', ['alice', 'bob'], []]);
  });
  it('TODO(@alice, @bob): handles are always owners', () => {
    assert.deepEqual(fields('// TODO(@alice, @bob): split').owners, ['@alice', '@bob']);
  });
});

describe('metadata: an area word is an owner only when the repository knows it', () => {
  it('TODO(billing) is a label by default', () => {
    assert.deepEqual([fields('// TODO(billing): proration').owner, fields('// TODO(billing): proration').labels], [null, ['billing']]);
  });
  it('TODO(billing) is an owner when listed in the owners setting', () => {
    assert.equal(fields('// TODO(billing): proration', { owners: ['billing'] }).owner, 'billing');
  });
  it('TODO(billing) is an owner when a CODEOWNERS team is called billing, TODO(maria) when .mailmap names her', async (t) => {
    const root = tempDir(t, {
      '.github/CODEOWNERS': 'src/billing/ @acme/billing\n',
      '.mailmap': 'Maria Lopez <maria@acme.io> <mlopez@old.example>\n',
      'src/a.ts': '// TODO(billing): proration\n// TODO(maria): retry\n// TODO(mlopez): old address\n// TODO(search): not known\n',
    });
    const result = await scanWorkspace({ root, config: defaultConfig(), useGit: false });
    assert.deepEqual(result.items.map((i) => [i.owner, i.labels]), [['billing', []], ['maria', []], ['mlopez', []], [null, ['search']]]);
  });
});

describe('metadata: missed forms', () => {
  it('FIXME!!! and TODO-fix are markers of their own, not text of the previous one', () => {
    const items = scan('// TODO: first\n// FIXME!!! this breaks on Windows\n// TODO-fix the name');
    assert.deepEqual(items.map((i) => [i.tag, i.text]), [['TODO', 'first'], ['FIXME', 'this breaks on Windows'], ['TODO', 'fix the name']]);
  });
  it('TODO (v9): ... with a space before the parenthesis, also inside a line', () => {
    assert.deepEqual([fields('// TODO (v9): remove').labels, fields('// TODO (v9): remove').text], [['v9'], 'remove']);
    assert.deepEqual(scan('const x = 1; // keep: TODO (v9): remove').map((i) => [i.tag, i.labels, i.text]), [['TODO', ['v9'], 'remove']]);
  });
  it('an upper-case tag inside a JSDoc tag\'s text: @deprecated #42 TODO remove', () => {
    const items = scan('/**\n * Old API.\n * @deprecated #42 TODO remove\n */');
    assert.deepEqual(items.map((i) => [i.tag, i.text, i.line]), [['TODO', 'remove', 3]]);
    assert.deepEqual(scan('/**\n * @param todo the list to fill\n */'), []);
  });
  it('a tag inside a suppression\'s reason is both: // @ts-expect-error TODO: wrong upstream types', () => {
    const items = scan('// @ts-expect-error TODO: wrong upstream types\nconst x: number = "a";');
    assert.deepEqual(items.map((i) => [i.kind, i.tag, i.text, i.column]), [['suppression', '@ts-expect-error', 'TODO: wrong upstream types', 4], ['marker', 'TODO', 'wrong upstream types', 21]]);
    assert.deepEqual(scan('// eslint-disable-next-line no-console -- FIXME(#12): use the logger').map((i) => [i.kind, i.tag, i.ticket]), [['suppression', 'eslint-disable-next-line', null], ['marker', 'FIXME', '#12']]);
  });
});

describe('metadata: prose is not a marker', () => {
  it('a capitalised word that continues the sentence of the previous line', () => {
    assert.deepEqual(scan('// This works around the\n// Bug in Safari where focus is lost.'), []);
    assert.deepEqual(scan('// Retries when the server answers 503,\n// Todo lists are refreshed afterwards.'), []);
  });
  it('a word that describes rather than labels: // Bug report format: ...', () => {
    assert.deepEqual(scan('// Bug report format: title, steps, expected'), []);
  });
  it('keeps upper-case tags and tag: forms, wherever they are', () => {
    assert.deepEqual(scan('// This works around the\n// BUG: Safari loses focus').map((i) => i.tag), ['BUG']);
    assert.deepEqual(scan('// Bug: Safari loses focus').map((i) => i.tag), ['BUG']);
    assert.deepEqual(scan('// Done.\n// Hack around Safari').map((i) => i.tag), ['HACK']);
  });
});

describe('metadata: forms found on real code (babel, firebase-js-sdk, pdf.js, typescript-eslint)', () => {
  it('TODO(Babel 9) is one milestone label, neither owner Babel nor ticket #9', () => {
    assert.deepEqual(fields('// TODO(Babel 9): Remove this fallback.'), { owner: null, owners: [], ticket: null, labels: ['Babel 9'], text: 'Remove this fallback.' });
    assert.deepEqual(fields('// TODO(typescript-eslint@v9) - remove this').labels, ['typescript-eslint@v9']);
  });
  it('TODO(b/29183165) is a Google issue tracker ticket', () => {
    assert.deepEqual([fields('// TODO(b/29183165): unique string').owner, fields('// TODO(b/29183165): unique string').ticket], [null, 'b/29183165']);
  });
  it('the @Field decorator and CSS @page are not owners; a word in the parenthesis is not replaced by a mention', () => {
    assert.equal(fields('// TODO: Can we make this type driven by the @Field decorator').owner, null);
    assert.deepEqual(fields('// TODO(robwu): named pages\n// In browsers where @page + size is not supported').owners, []);
  });
  it('a Google Code / Monorail issue URL keeps its id', () => {
    assert.equal(fields('// TODO(wingo): See http://code.google.com/p/v8/issues/detail?id=3484.').ticket, 'http://code.google.com/p/v8/issues/detail?id=3484');
  });
  it('a handle starting with digits (43081j) is an owner when known', () => {
    assert.equal(fields('// TODO (43081j): maybe enable these one day?', { owners: ['43081j'] }).owner, '43081j');
  });
});

describe('metadata: git authors make a word an owner', () => {
  it('authorHandles: e-mail local part, joined name, first, last, initial + last', () => {
    assert.deepEqual(authorHandles('Mack Duan', 'duan.mack@gmail.com'), ['duan.mack', 'mackduan', 'mack', 'duan', 'mduan']);
    assert.deepEqual(authorHandles('James Garbutt', '12345+43081j@users.noreply.github.com'), ['43081j', 'jamesgarbutt', 'james', 'garbutt', 'jgarbutt']);
    const item = { owner: null, owners: [], labels: ['mduan'] } as { owner: string | null; owners: string[]; labels: string[] };
    assert.equal(promoteOwners(item, ownerDirectoryOf(authorHandles('Mack Duan', 'duan.mack@gmail.com'))), true);
    assert.deepEqual(item, { owner: 'mduan', owners: ['mduan'], labels: [] });
    const area = { owner: null, owners: [], labels: ['search', 'v9'] } as { owner: string | null; owners: string[]; labels: string[] };
    assert.equal(promoteOwners(area, ownerDirectoryOf(authorHandles('Mack Duan', 'duan.mack@gmail.com'))), false);
  });
});

describe('metadata: enrich promotes git authors', () => {
  it('TODO(ann) on a repository Ann committed to is an owner; TODO(billing) stays a label', async (t) => {
    const { TestRepo } = await import('./helpers/gitRepo.js');
    const { enrichLedger } = await import('../../src/core/intel/enrich.js');
    const repo = await TestRepo.create(t, { 'src/a.ts': '// TODO(ann): retry\n// TODO(billing): proration\n' });
    const result = await scanWorkspace({ root: repo.dir, config: defaultConfig() });
    assert.deepEqual(result.items.map((i) => i.labels), [['ann'], ['billing']]);
    await enrichLedger(result.items, { root: repo.dir, config: defaultConfig(), today: '2026-11-22', blameCacheFile: null, useGit: true });
    assert.deepEqual(result.items.map((i) => [i.owner, i.labels, i.team]), [['ann', [], 'ann'], [null, ['billing'], null]]);
  });
});
