import type { CommentRange } from '../scan/commentRange';
import type { SuppressionDirective } from '../scan/suppressionDirectives';

/**
 * The TS/JS text of a file for the compiler, with the same length and line breaks as the file: code
 * outside script blocks is blanked to spaces, so every offset, line and column (findings, quick-fix
 * edits) is already the file's own. For a plain TS/JS file it is the file itself.
 */
export interface ScriptView {
  /** A name whose extension picks the compiler's script kind (`App.vue.ts`). */
  fileName: string;
  text: string;
}

/**
 * One language front-end. The scanner asks the registry for the front-end of a path and calls these;
 * it never looks at a language's name.
 */
export interface LanguageFrontEnd {
  readonly id: string;
  /** Suppression directives recognised at the start of a comment's text (`noqa`, `nolint`). */
  readonly suppressions: readonly SuppressionDirective[];
  /** Whether `- [ ] text` lines are task items (when the `markdownTasks` setting is on). */
  readonly taskItems: boolean;
  /** Whether the file can hold TS/JS (resilience analysis, relative imports). */
  readonly embedsScript: boolean;
  /**
   * Every comment opener ends in a non-word character (`//`, `#`, `<!--`), so the raw-text prefilter may
   * be strict (see `PrefilterOptions.afterPunctuation`); absent or false: the loose whole-word test.
   */
  readonly openersEndNonWord?: boolean;
  /** Comments found without the compiler (all of a table language's; markup and style ones of an SFC). */
  lexComments(text: string): CommentRange[];
  /** The text the compiler reads for comments and resilience, or null when the file has no TS/JS. */
  script(fileName: string, text: string): ScriptView | null;
}
