import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../src/core/config/config';
import { scanOneFile } from '../../src/core/scan/scanner';
import { decodeText, isBinary, readFileSafeSync, replaceCacheFileSync, writeFileAtomic } from '../../src/core/fs/safeFs';
import { cli } from './helpers/cli';
import { tempDir } from './helpers/tempDir';

// Hostile workspace files, as a contributor could commit them: what the user sees (exit code, one line,
// the other files' items kept, nothing read or written outside the workspace).

interface JsonReport {
  items: { file: string; tag: string; text: string }[];
  skipped: { file: string; reason: string }[];
}

async function scanJson(dir: string, ...extra: string[]): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const run = await cli(['scan', dir, '--no-cache', '--no-git', '-f', 'json', ...extra], dir);
  return { code: run.code, report: run.code === 2 ? { items: [], skipped: [] } : (JSON.parse(run.stdout) as JsonReport), stderr: run.stderr };
}

const NO_STACK = /\n\s+at /;

describe('one file never takes down the scan', () => {
  const deep: Record<string, string> = {
    // \`fetch\` makes the file a resilience candidate, so the compiler parses it (and overflows).
    'parens.ts': `// TODO: inside the parens file\nconst x = fetch${'('.repeat(1500)}1${')'.repeat(1500)};\n`,
    // Without a network word the lexer pass reads the comments and no parse is needed.
    'parens-lexed.ts': `// TODO: inside the parens file\nconst x = ${'('.repeat(1500)}1${')'.repeat(1500)};\n`,
    'generated.js': `// FIXME: generated file\nmodule.exports = ${Array.from({ length: 3000 }, () => '"row\\n"').join(' + ')};\n`,
    'chain.js': `// HACK: long chain\nfetch("x")${'.then((x) => x)'.repeat(5000)};\n`,
  };
  for (const [name, text] of Object.entries(deep)) {
    it(`${name}: exit 0, its marker found, every other file's items kept`, async (t) => {
      const dir = tempDir(t, { 'ok.ts': '// TODO: ordinary item\nexport const a = 1;\n', [name]: text, 'z.ts': '// BUG: after it\n' });
      const { code, report, stderr } = await scanJson(dir);
      assert.equal(code, 0, stderr);
      const files = report.items.filter((i) => !i.tag.startsWith('resilience/')).map((i) => i.file).sort();
      assert.deepEqual(files, [name, 'ok.ts', 'z.ts'].sort());
      const skip = report.skipped.find((s) => s.file === name);
      // The compiler's own parser overflows on the parens; the others parse now that every walk is iterative.
      if (skip) assert.match(skip.reason, /^too deeply nested to parse: markers read by a comment scan/);
      if (name === 'parens.ts') assert.ok(skip, 'the parens file is reported');
    });
  }
});

describe('text decoding and the binary test', () => {
  it('scans UTF-16 LE/BE and UTF-8 files with a BOM', async (t) => {
    const text = '// TODO: encoded item\nexport const a = 1;\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    const u8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    const dir = tempDir(t, { 'le.ts': le, 'be.ts': be, 'u8.ts': u8 });
    const { report } = await scanJson(dir);
    assert.deepEqual(report.items.map((i) => `${i.file} ${i.text}`).sort(), ['be.ts encoded item', 'le.ts encoded item', 'u8.ts encoded item']);
    assert.deepEqual(report.skipped, []);
  });

  it('a NUL inside a template literal keeps a file text; real binaries are skipped', async (t) => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('// TODO: not text\n')]);
    const dense = Buffer.alloc(4000, 0);
    dense.write('// TODO: zeros\n');
    const dir = tempDir(t, { 'nul.ts': '// TODO: with a NUL\nconst s = `a\0b`;\n', 'image.js': png, 'zeros.js': dense });
    const { report } = await scanJson(dir);
    assert.deepEqual(report.items.map((i) => i.file), ['nul.ts']);
    assert.deepEqual(report.skipped.map((s) => `${s.file}: ${s.reason}`).sort(), ['image.js: binary content', 'zeros.js: binary content']);
    assert.equal(isBinary(Buffer.from('plain\n')), false);
    assert.equal(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x61])), 'a');
  });

  it('the binary test and the decoder agree with their byte-by-byte definitions on random bytes', () => {
    // The definition: NULs above 1 per 1000 bytes of the first 8000, or over 10% NUL and control bytes
    // (tab, newline, vertical tab, form feed, carriage return and escape are text).
    const reference = (b: Buffer): boolean => {
      const n = Math.min(b.length, 8000);
      let nul = 0;
      let control = 0;
      for (let i = 0; i < n; i++) {
        if (b[i] === 0) nul++;
        else if (b[i]! < 0x20 && ![9, 10, 11, 12, 13, 0x1b].includes(b[i]!)) control++;
      }
      return n > 0 && (nul > Math.max(1, n / 1000) || (nul + control) / n > 0.1);
    };
    let seed = 7;
    const rnd = (k: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % k);
    for (let t = 0; t < 3000; t++) {
      const length = rnd(3) === 0 ? rnd(20) : rnd(9000);
      // Mostly text, with a varying share of control, NUL and non-ASCII bytes.
      const share = rnd(40);
      const b = Buffer.from(Array.from({ length }, () => (rnd(100) < share ? rnd(32) : rnd(10) === 0 ? 128 + rnd(128) : 32 + rnd(95))));
      if (b.length >= 8 && b[0] === 0x89) b[0] = 0x20; // keep clear of the PNG signature
      assert.equal(isBinary(b), reference(b), `case ${t}`);
      if (!reference(b) && !(b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) && !(b[0] === 0xff && b[1] === 0xfe) && !(b[0] === 0xfe && b[1] === 0xff)) assert.equal(decodeText(b), b.toString('utf8'), `case ${t}`);
    }
  });
});

describe('nothing in the workspace may hang or exhaust the host', () => {
  for (const name of ['.gitignore', '.debtledger.json', 'src/pipe.ts']) {
    it(`a FIFO named ${name} is refused without blocking`, { timeout: 20_000 }, async (t) => {
      const dir = tempDir(t, { 'src/a.ts': '// TODO: kept\n' });
      execFileSync('mkfifo', [path.join(dir, name)]);
      const { code, report, stderr } = await scanJson(dir);
      if (name === '.debtledger.json') {
        assert.equal(code, 2);
        assert.equal(stderr, `debt-ledger: invalid configuration:\n.debtledger.json: cannot read: not a regular file\n`);
      } else {
        assert.equal(code, 0, stderr);
        assert.deepEqual(report.items.map((i) => i.file), ['src/a.ts']);
        // The walk lists regular files only; the editor's single-file path meets the FIFO and refuses it.
        if (name.endsWith('.ts')) assert.deepEqual(scanOneFile(dir, name, defaultConfig()), { reason: 'not a regular file' });
      }
    });
  }

  it('a .gitignore symlinked to /dev/zero or /dev/urandom is not read', { timeout: 20_000 }, async (t) => {
    for (const device of ['/dev/zero', '/dev/urandom']) {
      const dir = tempDir(t, { 'a.ts': '// TODO: kept\n' });
      symlinkSync(device, path.join(dir, '.gitignore'));
      const before = process.memoryUsage().rss;
      const { code, report } = await scanJson(dir);
      assert.equal(code, 0);
      assert.deepEqual(report.items.map((i) => i.file), ['a.ts']);
      assert.ok(process.memoryUsage().rss - before < 200 * 1024 * 1024, 'memory stays bounded');
    }
  });

  it('a source file larger than the cap is refused by fstat, not read', (t) => {
    const dir = tempDir(t, { 'big.ts': 'x'.repeat(5000) });
    const read = readFileSafeSync(path.join(dir, 'big.ts'), { maxBytes: 1000, root: dir });
    assert.equal(read.ok, false);
    assert.match(!read.ok ? read.reason : '', /^larger than the 1 KiB limit/);
  });
});

describe('nothing outside the workspace is read or written', () => {
  it('a symlinked file or folder pointing outside is skipped with its reason; its TODO never appears', async (t) => {
    const outside = tempDir(t, { 'secret.ts': '// TODO: secret text from elsewhere\n', 'more/also.ts': '// TODO: secret folder\n' });
    const dir = tempDir(t, { 'src/a.ts': '// TODO: inside\n', 'src/real.ts': '// TODO: linked inside\n' });
    symlinkSync(path.join(outside, 'secret.ts'), path.join(dir, 'src/leak.ts'));
    symlinkSync(path.join(outside, 'more'), path.join(dir, 'linked'));
    symlinkSync('real.ts', path.join(dir, 'src/alias.ts'));
    const run = await cli(['scan', dir, '--no-cache', '--no-git', '-f', 'json'], dir);
    assert.doesNotMatch(run.stdout, /secret/);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(report.items.map((i) => i.file).sort(), ['src/a.ts', 'src/alias.ts', 'src/real.ts']);
    assert.deepEqual(report.skipped.map((s) => `${s.file}: ${s.reason}`).sort(), ['linked: symlink outside the workspace', 'src/leak.ts: symlink outside the workspace']);
    // The same in git mode, where the link is tracked.
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['add', '-A'], { cwd: dir });
    const git = await cli(['scan', dir, '--no-cache', '--no-blame', '-f', 'json'], dir);
    assert.doesNotMatch(git.stdout, /secret/);
    assert.ok((JSON.parse(git.stdout) as JsonReport).skipped.some((s) => s.file === 'src/leak.ts' && s.reason === 'symlink outside the workspace'));
  });

  it('a dangling baseline symlink out of the repository makes baseline update refuse; nothing is created outside', async (t) => {
    const outside = tempDir(t);
    const dir = tempDir(t, { 'a.ts': '// TODO: one\n' });
    symlinkSync(path.join(outside, 'x.json'), path.join(dir, '.debtledger-baseline.json'));
    const run = await cli(['baseline', 'update', dir, '--no-git'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^debt-ledger: refusing to write .*\.debtledger-baseline\.json: it is a symlink out of its folder/);
    assert.equal(run.stderr.split('\n').length, 2);
    assert.equal(existsSync(path.join(outside, 'x.json')), false);
  });

  it('atomic writes leave no temp file and follow a symlink only within its folder', async (t) => {
    const dir = tempDir(t, { 'target.json': 'old' });
    symlinkSync('target.json', path.join(dir, 'link.json'));
    await writeFileAtomic(path.join(dir, 'link.json'), 'new');
    assert.equal(readFileSync(path.join(dir, 'target.json'), 'utf8'), 'new');
    await writeFileAtomic(path.join(dir, 'deep/er/out.txt'), 'x', { createDir: true });
    assert.equal(readFileSync(path.join(dir, 'deep/er/out.txt'), 'utf8'), 'x');
    await assert.rejects(writeFileAtomic(path.join(dir, 'missing/out.txt'), 'x'), /the folder .*missing does not exist/);
  });

  it('kill -9 in the middle of a write leaves the old file or the new one, never part of one', { timeout: 60_000 }, async (t) => {
    const dir = tempDir(t, { 'baseline.json': 'old' });
    const target = path.join(dir, 'baseline.json');
    const safeFs = path.join(__dirname, '../../src/core/fs/safeFs.js');
    for (let round = 0; round < 5; round++) {
      // A child rewriting 40 MB over and over, killed at a random moment.
      const child = spawn(process.execPath, ['-e', `const { writeFileAtomic } = require(${JSON.stringify(safeFs)}); const big = 'n'.repeat(40 * 1024 * 1024); (async () => { for (;;) await writeFileAtomic(${JSON.stringify(target)}, big); })();`], { stdio: 'ignore' });
      await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 600));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.on('close', resolve));
      const text = readFileSync(target, 'utf8');
      assert.ok(text === 'old' || text.length === 40 * 1024 * 1024, `round ${round}: ${text.length} bytes`);
    }
  });

  it('-o into a missing folder creates it; -o onto a folder is one line, exit 2', async (t) => {
    const dir = tempDir(t, { 'a.ts': '// TODO: one\n' });
    const made = await cli(['scan', dir, '--no-cache', '--no-git', '-o', 'reports/new/ledger.txt'], dir);
    assert.equal(made.code, 0, made.stderr);
    assert.match(readFileSync(path.join(dir, 'reports/new/ledger.txt'), 'utf8'), /TODO/);
    mkdirSync(path.join(dir, 'adir'));
    const onto = await cli(['scan', dir, '--no-cache', '--no-git', '-o', 'adir'], dir);
    assert.equal(onto.code, 2);
    assert.equal(onto.stderr, 'debt-ledger: cannot write adir: it is a folder\n');
    writeFileSync(path.join(dir, 'plain'), '');
    const under = await cli(['scan', dir, '--no-cache', '--no-git', '-o', 'plain/x.txt'], dir);
    assert.equal(under.code, 2);
    assert.doesNotMatch(under.stderr, NO_STACK);
  });
});

describe('the tool\'s own cache files', () => {
  it('are replaced whole through a temp file, which never stays behind', (t) => {
    const dir = tempDir(t);
    const file = path.join(dir, 'deep/cache.bin');
    assert.equal(replaceCacheFileSync(file, 'one'), false, 'no folder, none created');
    assert.equal(replaceCacheFileSync(file, 'one', { createDir: true }), true);
    assert.equal(replaceCacheFileSync(file, 'two'), true);
    assert.equal(readFileSync(file, 'utf8'), 'two');
    writeFileSync(`${file}.${process.pid}.tmp`, 'another writer');
    assert.equal(replaceCacheFileSync(file, 'three', { exclusive: true }), false, 'exclusive: the temp file exists');
    assert.equal(readFileSync(file, 'utf8'), 'two');
    assert.equal(replaceCacheFileSync(path.join(dir, 'deep'), 'x'), false, 'a folder is not replaced');
    assert.deepEqual(readdirSync(path.join(dir, 'deep')), ['cache.bin']);
  });
});
