import * as vscode from 'vscode';
import { styleKey, tagStyle, type ColorRef, type HighlightSettings, type TagStyle } from '../../core/editor/highlightStyles';
import type { LedgerItem } from '../../core/model';
import type { LedgerController } from '../ledger/ledgerController';

/** What one editor shows, for the integration tests: per decoration style, its colours and ranges. */
export interface EditorDecorations {
  file: string;
  styles: { tags: string[]; foreground: string; background: string; overdue: boolean; wholeLine: boolean; gutterIcon: string | null; ranges: [number, number, number, number][] }[];
}

interface Applied {
  /** The tag range: colour, weight, tag background, gutter icon, ruler mark. */
  type: vscode.TextEditorDecorationType;
  /** The line tint (whole-line setting, or overdue); null when off. */
  line: vscode.TextEditorDecorationType | null;
  style: TagStyle;
  overdue: boolean;
}

const color = (c: ColorRef): string | vscode.ThemeColor => ('hex' in c ? c.hex : new vscode.ThemeColor(c.theme));
const colorName = (c: ColorRef): string => ('hex' in c ? c.hex : c.theme);

/**
 * Highlights items in visible editors: one decoration type per distinct style (tag colour, background,
 * gutter icon, overview ruler; overdue items with the overdue colours on the whole line). Ranges come from
 * the ledger, which follows unsaved buffers (debounced by the controller). Editors of files without items
 * get no decoration calls at all, except one clearing call when their last item goes.
 */
export class DecorationController implements vscode.Disposable {
  private readonly types = new Map<string, Applied>();
  /** Per editor: the style keys it was given ranges for, and the snapshot the tests read. */
  private readonly shown = new Map<vscode.TextEditor, { keys: Set<string>; snapshot: EditorDecorations; items: readonly LedgerItem[] }>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly controller: LedgerController, private settings: () => HighlightSettings, private readonly media: vscode.Uri) {
    this.subscriptions.push(
      controller.onDidChange(() => this.updateAll()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.updateAll()),
    );
    this.updateAll();
  }

  /** Settings changed: new types for the new styles. */
  reset(): void {
    for (const t of this.types.values()) {
      t.type.dispose();
      t.line?.dispose();
    }
    this.types.clear();
    this.shown.clear();
    this.updateAll();
  }

  updateAll(): void {
    const visible = new Set(vscode.window.visibleTextEditors);
    for (const editor of [...this.shown.keys()]) if (!visible.has(editor)) this.shown.delete(editor);
    for (const editor of visible) this.update(editor);
  }

  private update(editor: vscode.TextEditor): void {
    const at = this.controller.locate(editor.document.uri);
    const settings = this.settings();
    // Markers and suppressions only (findings are diagnostics): never waits for resilience linking.
    const items = at && settings.enabled ? at.ledger.index.ownItemsOf(at.rel) : [];
    const before = this.shown.get(editor);
    if (items.length === 0 && !before) return;
    // The ledger changed elsewhere: this editor's list is the one it shows (the index keeps it until it changes).
    if (before && before.items === items) return;
    const byKey = new Map<string, { applied: Applied; items: LedgerItem[] }>();
    for (const item of items) {
      const style = tagStyle(item.tag, item.kind, settings);
      const key = styleKey(style, item.overdue);
      const applied = this.typeFor(key, style, item.overdue, settings);
      const entry = byKey.get(key) ?? { applied, items: [] };
      entry.items.push(item);
      byKey.set(key, entry);
    }
    const snapshot: EditorDecorations = { file: at?.rel ?? editor.document.uri.toString(), styles: [] };
    for (const [key, { applied, items: list }] of byKey) {
      const ranges = list.map((i) => new vscode.Range(i.line - 1, i.column - 1, i.line - 1, i.column - 1 + i.tag.length));
      editor.setDecorations(applied.type, ranges);
      if (applied.line) editor.setDecorations(applied.line, ranges);
      snapshot.styles.push({
        tags: [...new Set(list.map((i) => i.tag))],
        foreground: applied.overdue ? 'debtLedger.overdueForeground' : colorName(applied.style.foreground),
        background: applied.overdue ? 'debtLedger.overdueBackground' : colorName(applied.style.background),
        overdue: applied.overdue,
        wholeLine: applied.overdue || settings.wholeLine,
        gutterIcon: applied.style.gutterIcon ? (applied.overdue ? 'overdue' : applied.style.family) : null,
        ranges: ranges.map((r) => [r.start.line, r.start.character, r.end.line, r.end.character]),
      });
      before?.keys.delete(key);
    }
    for (const stale of before?.keys ?? []) {
      const t = this.types.get(stale);
      if (!t) continue;
      editor.setDecorations(t.type, []);
      if (t.line) editor.setDecorations(t.line, []);
    }
    if (byKey.size === 0) this.shown.delete(editor);
    else this.shown.set(editor, { keys: new Set(byKey.keys()), snapshot, items });
  }

  private typeFor(key: string, style: TagStyle, overdue: boolean, settings: HighlightSettings): Applied {
    const known = this.types.get(key);
    if (known) return known;
    const fg = overdue ? new vscode.ThemeColor('debtLedger.overdueForeground') : color(style.foreground);
    const bg = color(style.background);
    const options: vscode.DecorationRenderOptions = {
      color: fg,
      fontWeight: style.bold ? 'bold' : 'normal',
      backgroundColor: settings.wholeLine || overdue ? undefined : bg,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    };
    if (settings.overviewRuler) {
      options.overviewRulerColor = fg;
      options.overviewRulerLane = vscode.OverviewRulerLane.Right;
    }
    if (style.gutterIcon) {
      options.gutterIconPath = vscode.Uri.joinPath(this.media, 'gutter', `${overdue ? 'overdue' : style.family}.svg`);
      options.gutterIconSize = '80%';
    }
    // isWholeLine would also stretch the tag's own background, so the line tint is a second type.
    const line = settings.wholeLine || overdue ? vscode.window.createTextEditorDecorationType({ isWholeLine: true, backgroundColor: overdue ? new vscode.ThemeColor('debtLedger.overdueBackground') : bg }) : null;
    const applied: Applied = { type: vscode.window.createTextEditorDecorationType(options), line, style, overdue };
    this.types.set(key, applied);
    return applied;
  }

  /** Decorations of every visible editor with items (test API). */
  snapshot(): EditorDecorations[] {
    return [...this.shown.values()].map((s) => s.snapshot);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    for (const t of this.types.values()) {
      t.type.dispose();
      t.line?.dispose();
    }
    this.types.clear();
  }
}
