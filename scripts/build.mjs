// One esbuild script for every bundle. Type checking is separate (`npm run typecheck`).
//   dist/extension.js  the VS Code extension (cjs, `vscode` external)
//   dist/cli.js        the CLI's launcher, with a shebang (the warm path; loads dist/cliMain.js, the CLI, otherwise)
//   dist/action.js     the GitHub Action's entry point (action.yml)
//   dist/scanWorker.js the extension's scan worker thread (core scanner; loads dist/parser.js itself)
//   dist/parser.js     the TypeScript compiler, comment extractor and resilience analyzer, loaded on the first parse only,
//                      so activation and cached CLI runs do not pay for loading several MB of compiler.
// Flags: --watch, --production (minify, no source maps), --metafile (prints sizes).
import * as esbuild from 'esbuild';
import { statSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** Replaces the in-source lazy require of the parser (the compiler's only entry) with the separate bundle. */
const lazyParser = {
  name: 'lazy-parser',
  setup(build) {
    build.onResolve({ filter: /\/scan\/parser$|^\.\/parser$/ }, (args) =>
      args.kind === 'require-call' ? { path: './parser.js', external: true } : undefined);
  },
};

/** dist/cli.js is the small launcher (src/cli/bin.ts); the CLI itself is dist/cliMain.js, loaded when needed. */
const lazyMain = {
  name: 'lazy-main',
  setup(build) {
    build.onResolve({ filter: /^\.\/mainEntry$/ }, (args) => (args.kind === 'require-call' ? { path: './cliMain.js', external: true } : undefined));
  },
};

/**
 * One `vscode` module object for the whole extension bundle: esbuild wraps each file's `import * as vscode`
 * of the external module in its own `__toESM` copy of the API's ~300 properties (40 files: 25 ms of the
 * bundle's evaluation on MUI X in a host profile, our longest start-up slice). Here every file imports a
 * virtual module that re-exports `vscode` once.
 */
const sharedVscode = {
  name: 'shared-vscode',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'shared-vscode' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'shared-vscode' }));
    build.onLoad({ filter: /.*/, namespace: 'shared-vscode' }, () => ({ contents: 'export * from "vscode";', loader: 'js' }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // jsonc-parser's UMD main hides its requires from the bundler; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
};

const builds = [
  // Banner and footer stamp when the bundle starts and ends evaluating, so activation can report our own
  // cost (evaluation + activate()) apart from the host's set-up between require() and activate().
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [lazyParser, sharedVscode],
    banner: { js: 'globalThis.__debtLedgerLoadStart = performance.now();' }, footer: { js: 'globalThis.__debtLedgerLoadEnd = performance.now();' } },
  // The CLI: a small launcher that answers an unchanged re-run from its stored output (src/cli/warm), and the
  // CLI bundle it loads otherwise (through a V8 code cache, like the compiler).
  { ...common, entryPoints: ['src/cli/bin.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [lazyParser, lazyMain] },
  { ...common, entryPoints: ['src/cli/mainEntry.ts'], outfile: 'dist/cliMain.js', plugins: [lazyParser] },
  { ...common, entryPoints: ['src/core/scan/parser.ts'], outfile: 'dist/parser.js' },
  // The GitHub Action's entry (action.yml runs it from the action's own checkout).
  { ...common, entryPoints: ['src/cli/action/actionBin.ts'], outfile: 'dist/action.js', plugins: [lazyParser] },
  // The scan worker thread of the extension: scans and parses off the extension host's event loop.
  { ...common, entryPoints: ['src/extension/scan/scanWorker.ts'], outfile: 'dist/scanWorker.js', plugins: [lazyParser] },
  // The dashboard webview: browser code, no Node, no vscode module.
  { ...common, entryPoints: ['src/webview/dashboard.ts'], outfile: 'dist/webview/dashboard.js', platform: 'browser', format: 'iife', target: 'es2022', mainFields: ['browser', 'module', 'main'] },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching');
} else {
  const started = Date.now();
  await Promise.all(builds.map((options) => esbuild.build(options)));
  const sizes = builds.map((b) => `${b.outfile} ${(statSync(b.outfile).size / 1024).toFixed(0)} KiB`).join(', ');
  console.log(`esbuild: built in ${Date.now() - started} ms: ${sizes}`);
}
