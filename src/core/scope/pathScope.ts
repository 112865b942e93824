import type { Scope } from './model';

// Folder names, checked on every folder of the path; the innermost decides (`src/__tests__/fixtures` is test).
const FOLDERS: Record<string, Scope> = {
  test: 'test', tests: 'test', __tests__: 'test', __test__: 'test', e2e: 'test', fixtures: 'test', __fixtures__: 'test', __mocks__: 'test', spec: 'test', specs: 'test',
  examples: 'example', example: 'example', demo: 'example', demos: 'example', samples: 'example', sample: 'example', docs: 'example', playground: 'example',
  // `dist/`: build output (GitHub Linguist's vendor.yml lists it with `node_modules/`).
  __generated__: 'generated', generated: 'generated', dist: 'generated',
  vendor: 'vendored', vendors: 'vendored', third_party: 'vendored', 'third-party': 'vendored', thirdparty: 'vendored',
  scripts: 'tooling', tools: 'tooling', tooling: 'tooling', '.github': 'tooling', '.husky': 'tooling',
};

// File names, which win over folders (`src/foo.test.ts`, `packages/x/vite.config.ts`).
const FILES: [RegExp, Scope][] = [
  [/\.(?:test|spec|e2e|test-d|bench)\.[^.]+$/i, 'test'],
  [/\.(?:gen|generated)\.[^.]+$/i, 'generated'],
  // Minified copies (Linguist: `(\.|-)min\.(js|css)$`).
  [/[.-]min\.(?:[cm]?js|css)$/i, 'generated'],
  [/\.d\.ts$/i, 'source'],
  [/(?:^|[.-])config\.[cm]?[jt]s$|^\.[\w-]+rc\.[cm]?[jt]s$|^(?:gulpfile|gruntfile|jakefile|webpack\.[\w.-]+|rollup\.[\w.-]+)\.[cm]?[jt]s$/i, 'tooling'],
];

/**
 * The scope conventional paths and names give a file (POSIX path relative to the root): `*.test.*`,
 * `*.spec.*`, `*.min.js` and `*.config.*` by name, then the innermost conventional folder (`test/`, `__tests__/`,
 * `e2e/`, `fixtures/`, `examples/`, `demo/`, `generated/`, `dist/`, `vendor/`, `third_party/`, `scripts/`,
 * `tools/`...); `source` when nothing matches.
 */
export function pathScope(file: string): Scope {
  const segments = file.split('/');
  const name = segments.pop() ?? '';
  for (const [pattern, scope] of FILES) if (pattern.test(name)) return scope === 'source' ? folderScope(segments) : scope;
  return folderScope(segments);
}

function folderScope(folders: string[]): Scope {
  // A third-party or generated tree stays that, whatever its own layout (`vendor/lib/test/x.js`).
  const scopes = folders.map((f) => FOLDERS[f.toLowerCase()]);
  if (scopes.includes('vendored')) return 'vendored';
  if (scopes.includes('generated')) return 'generated';
  for (let i = folders.length - 1; i >= 0; i--) {
    const scope = FOLDERS[folders[i]!.toLowerCase()];
    if (scope) return scope;
  }
  return 'source';
}
