import type { DebtLedgerConfig } from '../config/config';
import { RULE_IDS } from '../resilience/model';
import { knownSuppressionTags } from '../languages/registry';
import { didYouMean } from '../text/didYouMean';
import { SELECTOR_NAMES, type FailCondition } from './failOn';

/** Every selector `--fail-on` understands under this configuration: built-ins, its tags, suppressions, rules. */
export function knownSelectors(config: DebtLedgerConfig): string[] {
  return [...SELECTOR_NAMES, ...config.tags, ...(config.suppressions ? knownSuppressionTags() : []), ...Object.values(RULE_IDS)];
}

/**
 * Selectors that name nothing in this configuration, each as one message with a suggestion. A typo
 * in a gate (`overdu`, `resilience/timout`) would otherwise match no item and pass forever.
 */
export function unknownSelectors(conditions: readonly FailCondition[], config: DebtLedgerConfig): string[] {
  const known = knownSelectors(config);
  const lower = new Set(known.map((k) => k.toLowerCase()));
  return conditions
    .filter((c) => !lower.has(c.selector.toLowerCase()))
    .map((c) => `--fail-on: unknown selector "${c.selector}"${didYouMean(c.selector, known)}; known: ${SELECTOR_NAMES.join(', ')}, a tag (${config.tags.join(', ')}), a suppression (@ts-ignore...) or a rule (${Object.values(RULE_IDS).join(', ')})`);
}
