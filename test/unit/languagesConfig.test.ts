import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveConfig } from '../../src/core/config/resolveConfig';
import { isScannedPath, scanFileText } from '../../src/core/scan/scanner';

describe('languages configuration', () => {
  it('adds a user language: comments found by its syntax, never inside its strings', () => {
    const { config, errors } = resolveConfig({ languages: { jenkins: { fileNames: ['Jenkinsfile'], extensions: ['.gvy'], lineComment: '//', blockComment: ['/*', '*/'], strings: ['"', { open: "'''", multiline: true }], suppressions: ['codenarc-disable'] } } });
    assert.deepEqual(errors, []);
    const text = 'def s = "// TODO no"\n// TODO: yes\ndef m = \'\'\'\n// FIXME no\n\'\'\' /* HACK: yes */\n// codenarc-disable Rule\n';
    const items = scanFileText(config, 'ci/Jenkinsfile', text).map((i) => `${i.line}:${i.column} ${i.kind} ${i.tag}`);
    assert.deepEqual(items, ['2:4 marker TODO', '5:8 marker HACK', '6:4 suppression codenarc-disable']);
    assert.ok(isScannedPath(config, 'ci/Jenkinsfile') && isScannedPath(config, 'x.gvy'), 'a defined language is scanned');
  });

  it('reports bad language entries with their key paths and keeps the rest', () => {
    const { config, errors } = resolveConfig({ languages: { ok: { extensions: ['.ok'], lineComment: ';' }, 'bad name': {}, noComment: { extensions: ['.nc'] }, badExt: { extensions: ['nc'], lineComment: '#' }, badString: { extensions: ['.bs'], lineComment: '#', strings: [{ open: '"', escape: 'ab' }] }, extra: { extensions: ['.x'], lineComment: '#', colour: 1 } } });
    assert.deepEqual(config.languages.map((l) => l.id), ['ok']);
    assert.deepEqual(errors.map((e) => e.path), ['languages.bad name', 'languages.noComment', 'languages.badExt.extensions[0]', 'languages.badString.strings[0].escape', 'languages.extra.colour']);
  });

  it('keeps extensions backward compatible, and accepts known file names in it', () => {
    assert.deepEqual(resolveConfig({ extensions: ['.ts', 'Dockerfile', 'Makefile.*'] }).errors, []);
    assert.deepEqual(resolveConfig({ extensions: ['ts'] }).errors.map((e) => e.message), ['extension "ts" must look like ".ts"']);
    const only = resolveConfig({ extensions: ['.ts'] }).config;
    assert.ok(isScannedPath(only, 'a.ts') && !isScannedPath(only, 'a.py') && !isScannedPath(only, 'Dockerfile'));
    const all = resolveConfig({}).config;
    for (const f of ['a.py', 'deploy/Dockerfile', 'Dockerfile.dev', 'src/Makefile', 'tsconfig.json', 'ci.yml', 'App.vue', 'main.tf', 'x.d.ts']) assert.ok(isScannedPath(all, f), f);
    for (const f of ['notes.txt', 'data.xyz', 'LICENSE', 'image.png']) assert.ok(!isScannedPath(all, f), `${f} is not guessed at`);
  });

  it('reads Markdown task items only with markdownTasks on, not in fenced code, not when checked', () => {
    const text = '- [ ] open @ann #7\n- [x] done\n```\n- [ ] in code\n```\n  1. [ ] numbered\n';
    assert.deepEqual(scanFileText(resolveConfig({}).config, 'TODO.md', text), []);
    const items = scanFileText(resolveConfig({ markdownTasks: true }).config, 'TODO.md', text).map((i) => `${i.line}:${i.column} ${i.kind} ${i.text} ${i.owner} ${i.ticket}`);
    assert.deepEqual(items, ['1:7 task open @ann #7 @ann #7', '6:10 task numbered null null']);
  });
});

describe('hostile input to the table lexers', () => {
  const config = resolveConfig({}).config;
  it('finishes on files full of unterminated openers (no rescan to the end per opener)', () => {
    for (const [file, unit] of [['a.rs', 'r#"'], ['a.lua', '[==['], ['a.sql', '$x$ '], ['a.cpp', 'R"x('], ['a.rb', '%q('], ['a.sh', "$'"], ['a.vue', '<script '], ['a.astro', '---\n'], ['a.php', '<<<EOT\n']] as const) {
      const text = `// TODO: first\n# TODO: first\n${unit.repeat(200_000 / unit.length)}`;
      assert.ok(Array.isArray(scanFileText(config, file, text)), file);
    }
  });
});
