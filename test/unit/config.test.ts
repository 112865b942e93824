import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { defaultConfig, DEFAULT_EXCLUDES, effectiveExcludes } from '../../src/core/config/config';
import { loadConfig, parseConfigText } from '../../src/core/config/loadConfig';
import { formatConfigErrors, resolveConfig } from '../../src/core/config/resolveConfig';
import { tempDir } from './helpers/tempDir';

describe('resolveConfig', () => {
  it('fills defaults for an empty or absent config', () => {
    assert.deepEqual(resolveConfig(undefined), { config: defaultConfig(), errors: [] });
    assert.deepEqual(resolveConfig({}), { config: defaultConfig(), errors: [] });
  });

  it('accepts every valid key', () => {
    const { config, errors } = resolveConfig({ $schema: 'x', tags: ['TODO', 'NOTE'], suppressions: false, extensions: ['.ts'], exclude: ['vendor'], defaultExcludes: false, maxFileSize: 10 });
    assert.deepEqual(errors, []);
    assert.deepEqual(config, { ...defaultConfig(), tags: ['TODO', 'NOTE'], suppressions: false, extensions: ['.ts'], exclude: ['vendor'], defaultExcludes: false, maxFileSize: 10 });
    assert.deepEqual(effectiveExcludes(config), ['vendor']);
    assert.deepEqual(effectiveExcludes(defaultConfig()), [...DEFAULT_EXCLUDES]);
  });

  it('reports a bad type with the key path and what was expected, keeping the default', () => {
    const { config, errors } = resolveConfig({ tags: 'TODO', maxFileSize: -1, suppressions: 'yes' });
    assert.deepEqual(errors, [
      { path: 'tags', message: 'expected an array of strings, got string "TODO"' },
      { path: 'maxFileSize', message: 'expected a whole number from 1 to 67108864, got number -1' },
      { path: 'suppressions', message: 'expected true or false (or an object of families: debt-ledger, typescript, eslint, oxlint, biome, deno-lint, prettier, coverage, tslint, jshint, jscs, requireReason), got string "yes"' },
    ]);
    assert.deepEqual(config.tags, defaultConfig().tags);
  });

  it('points at the bad element of an array', () => {
    const { errors } = resolveConfig({ tags: ['TODO', 3, 'two words'], extensions: ['ts'] });
    assert.deepEqual(errors, [
      { path: 'tags[1]', message: 'expected a non-empty string, got number 3' },
      { path: 'tags[2]', message: 'tag "two words" must be a word (letters, digits, _ or -, starting with a letter)' },
      { path: 'extensions[0]', message: 'extension "ts" must look like ".ts"' },
    ]);
  });

  it('validates the resilience section with precise paths', () => {
    const { config, errors } = resolveConfig({ resilience: { timeoutMs: 5000, rules: { timeout: { severity: 'error', paths: ['src/**'] }, retry: { severity: 'loud' }, breaker: {} } } });
    assert.deepEqual(errors, [
      { path: 'resilience.rules.breaker', message: 'unknown key (expected one of timeout, retry, circuitBreaker, swallowedError, unsafeRetry)' },
      { path: 'resilience.rules.retry.severity', message: 'expected one of error, warning, info, off, got string "loud"' },
    ]);
    assert.deepEqual([config.resilience.timeoutMs, config.resilience.rules.timeout], [5000, { severity: 'error', paths: ['src/**'], clients: [] }]);
    assert.equal(config.resilience.rules.retry.severity, 'info', 'an invalid severity keeps the default');
  });

  it('rejects unknown keys and suggests the closest known one', () => {
    assert.deepEqual(resolveConfig({ tgas: [] }).errors, [{ path: 'tgas', message: 'unknown key (did you mean "tags"?)' }]);
    assert.deepEqual(resolveConfig({ colour: 'red' }).errors, [{ path: 'colour', message: 'unknown key' }]);
  });

  it('rejects a non-object document', () => {
    assert.deepEqual(resolveConfig([1]).errors, [{ path: '', message: 'expected an object at the top level, got an array' }]);
  });

  it('formats errors one per line with the source', () => {
    assert.equal(formatConfigErrors([{ path: 'tags', message: 'bad' }, { path: '', message: 'worse' }], '.debtledger.json'), '.debtledger.json tags: bad\n.debtledger.json: worse');
  });
});

describe('config files', () => {
  it('reads JSON with comments and trailing commas', () => {
    const { config, errors } = parseConfigText('{\n  // a comment\n  "tags": ["TODO",],\n}');
    assert.deepEqual(errors, []);
    assert.deepEqual(config.tags, ['TODO']);
  });

  it('reports invalid JSON with line and column', () => {
    const { errors } = parseConfigText('{\n  "tags": [\n}');
    assert.deepEqual(errors, [{ path: '3:1', message: 'invalid JSON: ValueExpected' }]);
  });

  it('uses defaults when the file is absent, and errors when an explicit file is', async (t) => {
    const dir = tempDir(t);
    const absent = await loadConfig(dir);
    assert.deepEqual([absent.file, absent.errors], [null, []]);
    const explicit = await loadConfig(dir, path.join(dir, 'nope.json'));
    assert.deepEqual(explicit.errors, [{ path: '', message: 'file not found' }]);
  });

  it('the shipped JSON schema lists exactly the keys resolveConfig knows', () => {
    const schema = JSON.parse(readFileSync(path.join(__dirname, '../../../schemas/debtledger.schema.json'), 'utf8')) as { properties: Record<string, unknown> };
    const keys = Object.keys(schema.properties).filter((k) => k !== '$schema').sort();
    assert.deepEqual(keys, Object.keys(defaultConfig()).sort());
    for (const key of keys) assert.deepEqual(resolveConfig({ [key]: null }).errors.length, 1, `${key} rejects null`);
  });
});
