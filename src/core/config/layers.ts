import type { ConfigError, ResolvedConfig } from './resolveConfig';
import { resolveConfig } from './resolveConfig';

/** One source of raw configuration, lowest precedence first when passed to `resolveLayers`. */
export interface ConfigLayer {
  /** Shown in errors, e.g. "settings" or ".debtledger.json". */
  source: string;
  raw: unknown;
}

export interface LayeredError extends ConfigError {
  source: string;
}

/**
 * Resolves configuration from several layers, later layers winning key by key. The editor passes
 * [explicitly set VS Code settings, .debtledger.json], so the team's file wins and the editor shows what
 * CI enforces. Each layer is validated on its own; an invalid value is dropped from its layer only.
 */
export function resolveLayers(layers: readonly ConfigLayer[]): ResolvedConfig & { errors: LayeredError[] } {
  const merged: Record<string, unknown> = {};
  const errors: LayeredError[] = [];
  for (const layer of layers) {
    if (layer.raw === undefined || layer.raw === null) continue;
    const own = resolveConfig(layer.raw);
    errors.push(...own.errors.map((e) => ({ ...e, source: layer.source })));
    if (typeof layer.raw !== 'object' || Array.isArray(layer.raw)) continue;
    const bad = new Set(own.errors.map((e) => e.path.replace(/\[.*$/, '')));
    for (const key of Object.keys(layer.raw as object)) {
      if (!bad.has(key) && key !== '$schema') merged[key] = (own.config as unknown as Record<string, unknown>)[key];
    }
  }
  return { config: resolveConfig(merged).config, errors };
}
