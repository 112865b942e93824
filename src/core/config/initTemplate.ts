import type { DodTemplate } from '../dod/dodTemplate';

/**
 * The commented `.debtledger.json` that `debt-ledger init`, the editor's Open Configuration and Create a
 * Definition of Done write: the settings with their defaults and, when given, the Definition of Done that
 * `dodTemplate` chose from the layout (the one mechanism from layout to globs).
 */
export function configTemplateFor(dod: DodTemplate | null): string {
  const items = dod?.definitionOfDone.items.map((i) => `      ${JSON.stringify(i)}`).join(',\n');
  const section = dod
    ? `,

  // The team's Definition of Done, checked against the branch in the editor and with \`debt-ledger dod\`.
  // Layout found: ${dod.layoutNote}.
${dod.reasons.map((r) => `  // - ${r}`).join('\n')}
  "definitionOfDone": {
    "base": ${JSON.stringify(dod.definitionOfDone.base)},
    "items": [
${items}
    ]
  }`
    : '';
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
  "maxFileSize": 1048576${section}
}
`;
}
