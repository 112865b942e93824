/**
 * Where an item lives, as a team reads the repository: `source` (shipped code), `test`, `example`
 * (examples, demos, documentation), `generated`, `vendored` (third-party copies) or `tooling` (build and
 * dev scripts, config files). See docs/scopes.md for how each is decided.
 */
export type Scope = 'source' | 'test' | 'example' | 'generated' | 'vendored' | 'tooling';

export const SCOPES: readonly Scope[] = ['source', 'test', 'example', 'generated', 'vendored', 'tooling'];

/** Scopes left out of counts (status bar, summaries, headline figures) by default, and listed as such. */
export const UNCOUNTED_SCOPES: readonly Scope[] = ['generated', 'vendored'];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}
