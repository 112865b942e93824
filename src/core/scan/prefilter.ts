import { escapeRegExp } from './regex';
import type { DirectiveMatcher } from './suppressionDirectives';

/**
 * A cheap test on raw text: false means the file cannot hold an item, so it need not be parsed.
 * It is a superset of what the parser accepts (any whole-word tag, any enabled suppression directive).
 */
export function createPrefilter(tags: readonly string[], directives: DirectiveMatcher | null): (text: string) => boolean {
  const parts = tags.map((t) => `\\b${escapeRegExp(t)}\\b`);
  if (directives?.prefilterSource) parts.push(directives.prefilterSource);
  if (parts.length === 0) return () => false;
  const re = new RegExp(parts.join('|'), 'i');
  return (text) => re.test(text);
}
