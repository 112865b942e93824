import * as vscode from 'vscode';
import { resolveHighlightSettings, type HighlightSettings } from '../core/editor/highlightStyles';
import { GROUP_BY, type GroupBy } from '../core/ledger/grouping';
import { SETTINGS_SECTION } from './constants';

/** Editor-only preferences (the scan settings go through `scanSettingsLayer`). */
export interface EditorSettings {
  /** Grouping used until the user picks another one in the view. */
  groupBy: GroupBy;
  statusBar: boolean;
  /** Debounce for rescans after typing or saving, in ms. */
  debounceMs: number;
}

const SCAN_KEYS = ['tags', 'suppressions', 'exclude', 'maxFileSize'] as const;

/**
 * The one place that reads VS Code settings. Scan settings are handed to core's `resolveLayers` as
 * raw values, so the editor and the CLI validate and default them the same way.
 */
export class Configuration {
  editor(): EditorSettings {
    const c = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    const groupBy = c.get<string>('groupBy', 'tag');
    return {
      groupBy: (GROUP_BY as readonly string[]).includes(groupBy) ? (groupBy as GroupBy) : 'tag',
      statusBar: c.get<boolean>('statusBar.enabled', true),
      debounceMs: Math.max(50, c.get<number>('debounceMs', 300)),
    };
  }

  /** Only the scan settings a user or workspace explicitly set, so defaults never mask the repo file. */
  scanSettingsLayer(folder: vscode.WorkspaceFolder): Record<string, unknown> {
    const c = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder.uri);
    const layer: Record<string, unknown> = {};
    for (const key of SCAN_KEYS) {
      const i = c.inspect(key);
      const value = i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
      if (value !== undefined) layer[key] = value;
    }
    return layer;
  }

  /** `debtLedger.highlight.*`, validated in core; bad entries are dropped and listed in `problems`. */
  highlight(): { settings: HighlightSettings; problems: string[] } {
    const c = vscode.workspace.getConfiguration(`${SETTINGS_SECTION}.highlight`);
    return resolveHighlightSettings({ enabled: c.get('enabled'), wholeLine: c.get('wholeLine'), gutterIcons: c.get('gutterIcons'), overviewRuler: c.get('overviewRuler'), tags: c.get('tags') });
  }

  affectsHighlight(e: vscode.ConfigurationChangeEvent): boolean {
    return e.affectsConfiguration(`${SETTINGS_SECTION}.highlight`);
  }

  affectsScan(e: vscode.ConfigurationChangeEvent): boolean {
    return SCAN_KEYS.some((k) => e.affectsConfiguration(`${SETTINGS_SECTION}.${k}`));
  }

  /** `debtLedger.tickets.enabled`: ask trackers for ticket state (off by default). */
  ticketsEnabled(): boolean {
    return vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>('tickets.enabled', false);
  }

  affectsTickets(e: vscode.ConfigurationChangeEvent): boolean {
    return e.affectsConfiguration(`${SETTINGS_SECTION}.tickets.enabled`);
  }

  affectsEditor(e: vscode.ConfigurationChangeEvent): boolean {
    return ['groupBy', 'statusBar.enabled', 'debounceMs'].some((k) => e.affectsConfiguration(`${SETTINGS_SECTION}.${k}`));
  }
}
