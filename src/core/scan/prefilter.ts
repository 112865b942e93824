import { directivePattern, escapeRegExp, SUPPRESSION_MARKERS } from './markerParser';

/**
 * A cheap test on raw text: false means the file cannot hold an item, so it need not be parsed.
 * It is a superset of what the parser accepts (any whole-word tag, any suppression marker).
 */
export function createPrefilter(tags: readonly string[], suppressions: boolean, directives: readonly string[] = SUPPRESSION_MARKERS): (text: string) => boolean {
  const parts = tags.map((t) => `\\b${escapeRegExp(t)}\\b`);
  if (suppressions) parts.push(...directives.filter((m) => m !== 'eslint-disable-next-line' && m !== 'eslint-disable-line').map(directivePattern));
  if (parts.length === 0) return () => false;
  const re = new RegExp(parts.join('|'), 'i');
  return (text) => re.test(text);
}
