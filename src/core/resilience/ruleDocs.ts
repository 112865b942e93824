import { RULE_IDS, type ResilienceRuleKey } from './model';

/** Short and full descriptions and how-to-fix help for each resilience rule (SARIF, diagnostics, docs). */
export const RULE_DOCS: Record<ResilienceRuleKey, { title: string; help: string }> = {
  timeout: {
    title: 'Outbound call without a timeout',
    help: 'Bound the call: fetch(url, { signal: AbortSignal.timeout(ms) }); axios { timeout: ms } per call or on axios.create; got { timeout: { request: ms } }; undici headersTimeout/bodyTimeout; node:http `timeout` plus req.destroy() in the \'timeout\' handler.',
  },
  retry: {
    title: 'Idempotent outbound call without a retry',
    help: 'Retry with backoff: wrap in p-retry or async-retry, attach axios-retry to the instance, use a cockatiel retry policy, or got/ky retry options. Retry only idempotent requests.',
  },
  circuitBreaker: {
    title: 'Outbound call without a circuit breaker',
    help: 'Shield calls to a dependency that can go down: opossum new CircuitBreaker(fn).fire(...), or a cockatiel circuitBreaker policy (alone or in wrap(retry, breaker, timeout)).',
  },
  swallowedError: {
    title: 'Failure of an outbound call swallowed',
    help: 'A catch that is empty or only logs hides outages. Rethrow (with cause), return an explicit fallback, or record the failure (metrics, breaker).',
  },
  unsafeRetry: {
    title: 'Non-idempotent request retried',
    help: 'Retrying POST/PATCH can apply it twice. Send an Idempotency-Key header, list the method in the retry options deliberately, or stop retrying it.',
  },
};

/** Rule docs by rule id (`resilience/timeout`). */
export function ruleDocById(id: string): { key: ResilienceRuleKey; title: string; help: string } | null {
  const key = (Object.keys(RULE_IDS) as ResilienceRuleKey[]).find((k) => RULE_IDS[k] === id);
  return key ? { key, ...RULE_DOCS[key] } : null;
}
