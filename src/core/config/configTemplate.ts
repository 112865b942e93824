/** The commented starting point the editor writes when a workspace has no `.debtledger.json`. */
export const CONFIG_TEMPLATE = `{
  // Debt Ledger configuration. The CLI and the VS Code extension read this file the same way.
  // Schema: completion and validation come from the extension; see the README for every key.

  // Debt markers, matched as whole words at the start of a comment line (any case),
  // or as written followed by ':' or '(' inside a line.
  "tags": ["TODO", "FIXME", "HACK", "XXX", "BUG", "DEBT"],

  // Count checker suppressions (@ts-ignore, @ts-expect-error, @ts-nocheck, eslint-disable...) as debt.
  "suppressions": true,

  // Extra excludes on top of node_modules, dist, out, build, coverage and .git.
  // A bare name excludes that folder anywhere; anything with '/' or '*' is a glob.
  "exclude": [],

  // Files larger than this many bytes are skipped with a note.
  "maxFileSize": 1048576
}
`;
