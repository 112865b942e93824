import type { ItemKind } from '../model';

/** Style families: each has contributed theme colours (`debtLedger.<family>Foreground`/`Background`) and a gutter icon. */
export const STYLE_FAMILIES = ['todo', 'fixme', 'hack', 'debt', 'suppression'] as const;
export type StyleFamily = (typeof STYLE_FAMILIES)[number];

/** Which family a tag belongs to: FIXME/BUG, HACK/XXX, TODO, suppressions, and everything else (DEBT, custom tags). */
export function styleFamily(tag: string, kind: ItemKind): StyleFamily {
  if (kind === 'suppression') return 'suppression';
  switch (tag.toUpperCase()) {
    case 'TODO': return 'todo';
    case 'FIXME':
    case 'BUG': return 'fixme';
    case 'HACK':
    case 'XXX': return 'hack';
    default: return 'debt';
  }
}

/** A colour as the editor takes it: a theme colour id or a literal CSS hex colour. */
export type ColorRef = { theme: string } | { hex: string };

/** The resolved decoration style of one tag. */
export interface TagStyle {
  family: StyleFamily;
  foreground: ColorRef;
  background: ColorRef;
  /** Bold tag text. */
  bold: boolean;
  gutterIcon: boolean;
}

/** `debtLedger.highlight.*` settings after validation. */
export interface HighlightSettings {
  enabled: boolean;
  /** Background on the whole line, not only the tag. */
  wholeLine: boolean;
  gutterIcons: boolean;
  overviewRuler: boolean;
  /** Per-tag overrides, keys upper-cased for markers, as written for suppressions. */
  tags: Record<string, Partial<Pick<TagStyle, 'foreground' | 'background' | 'bold' | 'gutterIcon'>>>;
}

export const DEFAULT_HIGHLIGHT: HighlightSettings = { enabled: true, wholeLine: false, gutterIcons: true, overviewRuler: true, tags: {} };

const HEX = /^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;
const THEME_ID = /^[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)+$/;

/** `#rrggbb[aa]`/`#rgb[a]` or a theme colour id (`editorWarning.foreground`); null for anything else. */
export function parseColor(value: unknown): ColorRef | null {
  if (typeof value !== 'string') return null;
  if (HEX.test(value)) return { hex: value };
  if (THEME_ID.test(value)) return { theme: value };
  return null;
}

/**
 * Validates raw `debtLedger.highlight.*` values (from settings: untrusted shape). Bad entries are dropped and
 * described in `problems` (one line each), never thrown.
 */
export function resolveHighlightSettings(raw: { enabled?: unknown; wholeLine?: unknown; gutterIcons?: unknown; overviewRuler?: unknown; tags?: unknown }): { settings: HighlightSettings; problems: string[] } {
  const problems: string[] = [];
  const bool = (key: 'enabled' | 'wholeLine' | 'gutterIcons' | 'overviewRuler'): boolean => {
    const v = raw[key];
    if (v === undefined) return DEFAULT_HIGHLIGHT[key];
    if (typeof v === 'boolean') return v;
    problems.push(`highlight.${key}: expected true or false`);
    return DEFAULT_HIGHLIGHT[key];
  };
  const tags: HighlightSettings['tags'] = {};
  if (raw.tags !== undefined && (typeof raw.tags !== 'object' || raw.tags === null || Array.isArray(raw.tags))) problems.push('highlight.tags: expected an object of tag -> style');
  else {
    for (const [tag, style] of Object.entries((raw.tags ?? {}) as Record<string, unknown>)) {
      if (typeof style !== 'object' || style === null) {
        problems.push(`highlight.tags.${tag}: expected an object`);
        continue;
      }
      const s = style as Record<string, unknown>;
      const entry: HighlightSettings['tags'][string] = {};
      for (const key of ['foreground', 'background'] as const) {
        if (s[key] === undefined) continue;
        const c = parseColor(s[key]);
        if (c) entry[key] = c;
        else problems.push(`highlight.tags.${tag}.${key}: expected #rrggbb, #rrggbbaa or a theme colour id`);
      }
      for (const key of ['bold', 'gutterIcon'] as const) {
        if (s[key] === undefined) continue;
        if (typeof s[key] === 'boolean') entry[key] = s[key];
        else problems.push(`highlight.tags.${tag}.${key}: expected true or false`);
      }
      tags[tag.startsWith('@') || tag.startsWith('eslint') ? tag : tag.toUpperCase()] = entry;
    }
  }
  return { settings: { enabled: bool('enabled'), wholeLine: bool('wholeLine'), gutterIcons: bool('gutterIcons'), overviewRuler: bool('overviewRuler'), tags }, problems };
}

/** The style of one tag: its family's theme colours, then the tag's own overrides. */
export function tagStyle(tag: string, kind: ItemKind, settings: HighlightSettings): TagStyle {
  const family = styleFamily(tag, kind);
  const base: TagStyle = { family, foreground: { theme: `debtLedger.${family}Foreground` }, background: { theme: `debtLedger.${family}Background` }, bold: kind !== 'suppression', gutterIcon: settings.gutterIcons };
  const own = settings.tags[kind === 'suppression' ? tag : tag.toUpperCase()] ?? {};
  return { ...base, ...own, gutterIcon: settings.gutterIcons && (own.gutterIcon ?? true) };
}

/** A stable key for a style, so one decoration type serves every tag that looks the same. */
export function styleKey(style: TagStyle, overdue: boolean): string {
  const c = (r: ColorRef): string => ('hex' in r ? r.hex : r.theme);
  return [style.family, c(style.foreground), c(style.background), style.bold, style.gutterIcon, overdue].join('|');
}
