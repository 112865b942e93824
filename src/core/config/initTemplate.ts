import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { WorkspaceLayout } from '../workspaces/workspaces';

/** Source and test globs that match a repository's layout, for the Definition of Done example. */
export function layoutGlobs(root: string | null, layout: WorkspaceLayout | null): { source: string[]; tests: string[]; note: string } {
  const globs = layout?.globs.filter((g) => !g.startsWith('!')) ?? [];
  if (layout && layout.packages.length > 0 && globs.length > 0) {
    // `packages/*` -> `packages/*/src/**`; `apps/**` stays a deep glob.
    const base = globs.map((g) => g.replace(/\/\*\*$/, '/**').replace(/\/+$/, ''));
    return {
      source: base.map((g) => `${g}/src/**`),
      tests: [...base.map((g) => `${g}/{test,tests,__tests__}/**`), '**/*.{test,spec}.*'],
      note: `${layout.packages.length} workspace packages (${layout.tools.join(', ')}: ${globs.join(', ')})`,
    };
  }
  if (layout && layout.packages.length > 0) {
    // Nx projects without globs: their folders.
    const dirs = layout.packages.slice(0, 20).map((p) => p.dir);
    return { source: dirs.map((d) => `${d}/src/**`), tests: [...dirs.map((d) => `${d}/{test,tests,__tests__}/**`), '**/*.{test,spec}.*'], note: `${layout.packages.length} projects (${layout.tools.join(', ')})` };
  }
  const hasSrc = root !== null && existsSync(path.join(root, 'src'));
  return { source: [hasSrc ? 'src/**' : '**/*.{ts,tsx,js,jsx,mts,cts,mjs,cjs}'], tests: ['{test,tests,__tests__}/**', '**/*.{test,spec}.*'], note: hasSrc ? 'a single package with src/' : 'a single package' };
}

/**
 * The commented `.debtledger.json` that `debt-ledger init` and the editor's Open Configuration write:
 * the settings with their defaults, and a Definition of Done whose globs match the layout found.
 */
export function configTemplateFor(root: string | null, layout: WorkspaceLayout | null): string {
  const { source, tests, note } = layoutGlobs(root, layout);
  const list = (xs: string[]): string => `[${xs.map((x) => JSON.stringify(x)).join(', ')}]`;
  return `{
  // Debt Ledger configuration. The CLI and the VS Code extension read this file the same way.
  // Schema: completion and validation come from the extension; see the README for every key.

  // Debt markers, matched as whole words at the start of a comment line (any case),
  // or as written followed by ':' or '(' inside a line.
  "tags": ["TODO", "FIXME", "HACK", "XXX", "BUG", "DEBT"],

  // Count checker suppressions as debt: true, false, or per family, e.g.
  // { "prettier": false, "coverage": false, "requireReason": true } (see docs/suppressions.md).
  "suppressions": true,

  // Extra excludes on top of node_modules, dist, out, build, coverage and .git.
  // A bare name excludes that folder anywhere; anything with '/' or '*' is a glob.
  "exclude": [],

  // Scopes: every item is source, test, example, generated, vendored or tooling, from .gitattributes,
  // generated-file headers and conventional paths. Globs here win, e.g. { "generated": ["src/api/client/**"] }.
  "scopes": {},

  // Files larger than this many bytes are skipped with a note.
  "maxFileSize": 1048576,

  // The team's Definition of Done, checked against the branch in the editor and with \`debt-ledger dod\`.
  // Layout found: ${note}.
  "definitionOfDone": {
    "items": [
      { "id": "tests", "title": "Tests change with the code", "check": { "type": "testsChanged", "source": ${list(source)}, "tests": ${list(tests)} } },
      { "id": "ticketed", "title": "New debt has a ticket", "check": { "type": "noNewUnticketedDebt" } },
      { "id": "resilience", "title": "No new resilience gaps", "check": { "type": "noNewResilienceGaps" } },
      { "id": "review", "title": "Reviewed by a second person", "manual": true }
    ]
  }
}
`;
}
