import picomatch from 'picomatch';
import { LinguistAttributes } from './gitattributes';
import { SCOPES, type Scope } from './model';
import { pathScope } from './pathScope';

/** The `scopes` setting: globs (on POSIX paths relative to the root) per scope; it wins over everything. */
export type ScopeGlobs = Partial<Record<Scope, string[]>>;

/** How a file's scope was decided, for `explain` output and tests. */
export type ScopeSource = 'setting' | 'gitattributes' | 'header' | 'path';

export interface ScopeResolver {
  /** The scope of a file; `generatedHeader` is whether its first lines say it is generated. */
  scopeOf(file: string, generatedHeader: boolean): Scope;
  /** The same, with what decided it. */
  explain(file: string, generatedHeader: boolean): { scope: Scope; source: ScopeSource };
}

/**
 * Decides scopes in the documented order: the `scopes` setting, then `.gitattributes`
 * (`linguist-generated`, `linguist-vendored`, `linguist-documentation`), then a generated-file header,
 * then conventional paths and names; `source` otherwise.
 */
export function createScopeResolver(globs: ScopeGlobs, attributes: LinguistAttributes = LinguistAttributes.none): ScopeResolver {
  const matchers = SCOPES.flatMap((scope) => {
    const list = globs[scope] ?? [];
    return list.length > 0 ? [{ scope, test: picomatch(list.flatMap((g) => [g.replace(/^\.\//, ''), `${g.replace(/^\.\//, '').replace(/\/+$/, '')}/**`]), { dot: true }) }] : [];
  });
  const explain = (file: string, generatedHeader: boolean): { scope: Scope; source: ScopeSource } => {
    for (const m of matchers) if (m.test(file)) return { scope: m.scope, source: 'setting' };
    const attr = attributes.scopeOf(file);
    if (attr) return { scope: attr, source: 'gitattributes' };
    if (generatedHeader) return { scope: 'generated', source: 'header' };
    return { scope: pathScope(file), source: 'path' };
  };
  return { explain, scopeOf: (file, header) => explain(file, header).scope };
}

/** A resolver for a folder on disk: its `.gitattributes` plus the setting. */
export function scopeResolverFor(root: string | null, globs: ScopeGlobs): ScopeResolver {
  return createScopeResolver(globs, root ? LinguistAttributes.load(root) : LinguistAttributes.none);
}
