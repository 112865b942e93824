import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig, type DebtLedgerConfig } from '../../src/core/config/config';
import { resolveConfig } from '../../src/core/config/resolveConfig';
import { evaluateFailOn, parseFailOn } from '../../src/core/ledger/failOn';
import { scanFileText } from '../../src/core/scan/scanner';
import { SUPPRESSION_DIRECTIVES, SUPPRESSION_FAMILIES } from '../../src/core/scan/suppressionDirectives';

const scan = (text: string, config: DebtLedgerConfig = defaultConfig()) => scanFileText(config, 'src/a.ts', text, '2026-11-22');
const row = (text: string, config?: DebtLedgerConfig) => scan(text, config).map((i) => [i.kind, i.tag, i.rules ?? null, i.text]);

/** One real-looking line per directive in the table: a test fails when a directive is added without one. */
const EXAMPLES: Record<string, { line: string; rules: string[]; text: string }> = {
  'debt-ledger-ignore': { line: '// debt-ledger-ignore -- polling is fine here', rules: [], text: 'polling is fine here' },
  '@ts-expect-error': { line: '// @ts-expect-error -- wrong types upstream', rules: [], text: 'wrong types upstream' },
  '@ts-ignore': { line: '// @ts-ignore', rules: [], text: '' },
  '@ts-nocheck': { line: '// @ts-nocheck', rules: [], text: '' },
  'eslint-disable-next-line': { line: '// eslint-disable-next-line eqeqeq, no-console -- legacy', rules: ['eqeqeq', 'no-console'], text: 'eqeqeq, no-console -- legacy' },
  'eslint-disable-line': { line: 'a == b; // eslint-disable-line eqeqeq', rules: ['eqeqeq'], text: 'eqeqeq' },
  'eslint-disable': { line: '/* eslint-disable no-console */', rules: ['no-console'], text: 'no-console' },
  'oxlint-disable-next-line': { line: '// oxlint-disable-next-line no-explicit-any -- generic boundary', rules: ['no-explicit-any'], text: 'no-explicit-any -- generic boundary' },
  'oxlint-disable-line': { line: 'x(); // oxlint-disable-line no-unused-expressions', rules: ['no-unused-expressions'], text: 'no-unused-expressions' },
  'oxlint-disable': { line: '/* oxlint-disable */', rules: [], text: '' },
  'biome-ignore-all': { line: '// biome-ignore-all lint/style/useNamingConvention: generated names', rules: ['lint/style/useNamingConvention'], text: 'lint/style/useNamingConvention: generated names' },
  'biome-ignore-start': { line: '// biome-ignore-start lint/suspicious/noExplicitAny: legacy block', rules: ['lint/suspicious/noExplicitAny'], text: 'lint/suspicious/noExplicitAny: legacy block' },
  'biome-ignore': { line: '// biome-ignore lint/suspicious/noExplicitAny: upstream types', rules: ['lint/suspicious/noExplicitAny'], text: 'lint/suspicious/noExplicitAny: upstream types' },
  'deno-lint-ignore-file': { line: '// deno-lint-ignore-file no-explicit-any', rules: ['no-explicit-any'], text: 'no-explicit-any' },
  'deno-lint-ignore': { line: '// deno-lint-ignore no-explicit-any require-await', rules: ['no-explicit-any', 'require-await'], text: 'no-explicit-any require-await' },
  'prettier-ignore': { line: '// prettier-ignore', rules: [], text: '' },
  'istanbul ignore': { line: '/* istanbul ignore next -- defensive */', rules: ['next'], text: 'next -- defensive' },
  'c8 ignore': { line: '/* c8 ignore next 3 */', rules: ['next 3'], text: 'next 3' },
  'v8 ignore': { line: '/* v8 ignore start */', rules: ['start'], text: 'start' },
  'tslint:disable-next-line': { line: '// tslint:disable-next-line:no-any', rules: ['no-any'], text: ':no-any' },
  'tslint:disable-line': { line: 'x(); // tslint:disable-line', rules: [], text: '' },
  'tslint:disable': { line: '/* tslint:disable:max-line-length no-console */', rules: ['max-line-length', 'no-console'], text: ':max-line-length no-console' },
  'jshint ignore': { line: '// jshint ignore:line', rules: ['line'], text: ':line' },
  'jscs:disable': { line: '// jscs:disable requireCamelCaseOrUpperCaseIdentifiers', rules: ['requireCamelCaseOrUpperCaseIdentifiers'], text: 'requireCamelCaseOrUpperCaseIdentifiers' },
};

describe('every suppression directive in the table', () => {
  for (const d of SUPPRESSION_DIRECTIVES) {
    it(`${d.family}: ${d.tag}`, () => {
      const example = EXAMPLES[d.tag];
      assert.ok(example, `add an example for ${d.tag}`);
      assert.deepEqual(row(example.line), [['suppression', d.tag, example.rules, example.text]]);
    });
  }

  it('closing forms, enabling forms and @ts-check are not debt', () => {
    for (const src of ['/* c8 ignore stop */', '/* v8 ignore stop */', '// jshint ignore:end', '// jscs:enable', '// tslint:enable', '/* eslint-enable */', '// oxlint-enable', '// @ts-check', '// biome-ignore-end lint/a: x']) {
      assert.deepEqual(scan(src), [], src);
    }
  });

  it('is found in block, JSDoc-style and JSX comments, case as written in the table', () => {
    assert.deepEqual(row('/** @ts-ignore */'), [['suppression', '@ts-ignore', [], '']]);
    assert.deepEqual(row('const a = <div>{/* prettier-ignore */}</div>;').map((r) => r[1]), ['prettier-ignore']);
    assert.deepEqual(row('/* Istanbul Ignore else */').map((r) => r[1]), ['istanbul ignore']);
  });
});

describe('the suppressions setting', () => {
  it('keeps the boolean form', () => {
    assert.equal(resolveConfig({ suppressions: false }).config.suppressions, false);
    const off = { ...defaultConfig(), suppressions: false };
    assert.deepEqual(scan('// @ts-ignore\n// prettier-ignore', off), []);
  });

  it('switches families off by name, others stay on', () => {
    const { config, errors } = resolveConfig({ suppressions: { prettier: false, coverage: false, biom: true } });
    assert.deepEqual(errors.map((e) => e.path), ['suppressions.biom']);
    assert.deepEqual(scan('// prettier-ignore\n/* istanbul ignore next */\n// oxlint-disable-next-line no-console\n// @ts-ignore', config).map((i) => i.tag), ['oxlint-disable-next-line', '@ts-ignore']);
    assert.deepEqual(SUPPRESSION_FAMILIES.filter((f) => typeof config.suppressions === 'object' && config.suppressions.families[f] === false), ['prettier', 'coverage']);
  });

  it('requireReason labels suppressions without a reason no-reason', () => {
    const { config } = resolveConfig({ suppressions: { requireReason: true } });
    const items = scan('// @ts-expect-error\n// @ts-expect-error -- upstream #12\n// eslint-disable-next-line no-console\n// eslint-disable-next-line no-console -- CLI output\n// biome-ignore lint/a: why', config);
    assert.deepEqual(items.map((i) => [i.tag, i.labels]), [
      ['@ts-expect-error', ['no-reason']],
      ['@ts-expect-error', []],
      ['eslint-disable-next-line', ['no-reason']],
      ['eslint-disable-next-line', []],
      ['biome-ignore', []],
    ]);
    assert.deepEqual(scan('// @ts-expect-error').map((i) => i.labels), [[]]);
    assert.deepEqual(evaluateFailOn(parseFailOn('no-reason>1'), items).map((t) => t.count), [2]);
  });
});
