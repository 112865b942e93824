import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../src/core/config/config';
import { configTemplateFor } from '../../src/core/config/initTemplate';
import { dodTemplate } from '../../src/core/dod/dodTemplate';
import { resolveLayers } from '../../src/core/config/layers';
import { loadLayeredConfig, parseConfigText } from '../../src/core/config/loadConfig';
import { locateConfigError, parseErrorPath } from '../../src/core/config/locateError';
import { tempDir } from './helpers/tempDir';

describe('layered configuration (editor settings, then .debtledger.json)', () => {
  it('lets the repo file win key by key, keeping settings for keys it does not set', () => {
    const { config, errors } = resolveLayers([
      { source: 'settings', raw: { tags: ['NOTE'], maxFileSize: 10 } },
      { source: '.debtledger.json', raw: { tags: ['TODO'] } },
    ]);
    assert.deepEqual(errors, []);
    assert.deepEqual([config.tags, config.maxFileSize], [['TODO'], 10]);
  });

  it('drops only the invalid key of a layer and says which layer it came from', () => {
    const { config, errors } = resolveLayers([
      { source: 'settings', raw: { tags: ['NOTE'] } },
      { source: '.debtledger.json', raw: { tags: 'TODO', maxFileSize: 5 } },
    ]);
    assert.deepEqual(errors, [{ source: '.debtledger.json', path: 'tags', message: 'expected an array of strings, got string "TODO"' }]);
    assert.deepEqual([config.tags, config.maxFileSize], [['NOTE'], 5]);
  });

  it('loads from disk: missing file, syntax error, valid file', async (t) => {
    const none = await loadLayeredConfig(tempDir(t), { suppressions: false });
    assert.deepEqual([none.file, none.errors, none.config.suppressions], [null, [], false]);
    const broken = await loadLayeredConfig(tempDir(t, { '.debtledger.json': '{ "tags": [' }), {});
    assert.equal(broken.errors[0]!.source, '.debtledger.json');
    assert.match(broken.errors[0]!.path, /^1:\d+$/);
    assert.deepEqual(broken.config, defaultConfig());
    const ok = await loadLayeredConfig(tempDir(t, { '.debtledger.json': '// c\n{ "exclude": ["vendor"] }' }), { exclude: ['x'] });
    assert.deepEqual([ok.errors, ok.config.exclude, ok.text?.startsWith('// c')], [[], ['vendor'], true]);
  });

  it('ships a template that is valid configuration, with and without a Definition of Done', () => {
    assert.deepEqual(parseConfigText(configTemplateFor(null)).errors, []);
    const withDod = parseConfigText(configTemplateFor(dodTemplate({ files: ['src/a.ts', 'test/a.test.ts', 'CHANGELOG.md'] })));
    assert.deepEqual(withDod.errors, []);
    assert.deepEqual(withDod.config.definitionOfDone!.items.map((i) => i.id), ['tests', 'changelog', 'ticketed-debt', 'overdue', 'resilience', 'size', 'review']);
  });
});

describe('locating configuration errors in the file', () => {
  const text = '{\n  "tags": ["TODO", 3],\n  "colour": true\n}';
  it('points at the bad value, the unknown key, or the syntax error position (0-based)', () => {
    assert.deepEqual(parseErrorPath('tags[1]'), ['tags', 1]);
    assert.deepEqual(locateConfigError(text, { path: 'tags[1]', message: 'expected a non-empty string' }), { startLine: 1, startColumn: 19, endLine: 1, endColumn: 20 });
    assert.deepEqual(locateConfigError(text, { path: 'colour', message: 'unknown key' }), { startLine: 2, startColumn: 2, endLine: 2, endColumn: 10 });
    assert.deepEqual(locateConfigError(text, { path: '3:5', message: 'invalid JSON' }), { startLine: 2, startColumn: 4, endLine: 2, endColumn: 5 });
    assert.deepEqual(locateConfigError(text, { path: 'nothing', message: 'x' }), { startLine: 0, startColumn: 0, endLine: 0, endColumn: 1 });
  });
});
