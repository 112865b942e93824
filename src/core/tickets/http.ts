import { TrackerProblem } from './model';

/** How tracker requests are bounded and retried. */
export interface HttpPolicy {
  /** Per attempt, covering headers and body. */
  timeoutMs: number;
  /** Extra attempts after the first for network errors, timeouts, 5xx, 429 and rate-limited 403. */
  retries: number;
  /** First backoff pause; doubled each retry (plus up to 25% jitter). */
  baseDelayMs: number;
  /** A `Retry-After` or rate-limit reset further away than this is not waited for: the answer stands. */
  maxWaitMs: number;
}

export const DEFAULT_HTTP_POLICY: HttpPolicy = { timeoutMs: 5000, retries: 2, baseDelayMs: 500, maxWaitMs: 15_000 };

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: string;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** POST/PATCH that create or change something are sent once: never retried. */
  idempotent: boolean;
  /** The tracker's name for messages, e.g. `GitHub (api.github.com)`; default: the URL's host. */
  label?: string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds to wait before retrying, from `Retry-After` (seconds or a date) or GitHub's rate-limit reset; null when neither. */
export function retryWaitMs(headers: Headers, now = Date.now()): number | null {
  const after = headers.get('retry-after');
  if (after !== null) {
    if (/^\d+$/.test(after.trim())) return Number(after.trim()) * 1000;
    const date = Date.parse(after);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = headers.get('x-ratelimit-reset') ?? headers.get('ratelimit-reset');
  if (headers.get('x-ratelimit-remaining') === '0' || headers.get('ratelimit-remaining') === '0') {
    if (reset !== null && /^\d+$/.test(reset)) return Math.max(0, Number(reset) * 1000 - now);
  }
  return null;
}

/** A 403 or 429 that says "slow down" (GitHub: remaining 0 or a Retry-After; any tracker: 429). */
export function isRateLimited(res: HttpResponse): boolean {
  if (res.status === 429) return true;
  return res.status === 403 && (res.headers.get('x-ratelimit-remaining') === '0' || res.headers.get('retry-after') !== null);
}

function retryable(res: HttpResponse): boolean {
  return res.status >= 500 || isRateLimited(res);
}

/**
 * One request to a tracker on Node's fetch: every attempt bounded by `AbortSignal.timeout`, retried a
 * bounded number of times with exponential backoff on network errors, timeouts, 5xx and rate limits,
 * honouring `Retry-After` up to `maxWaitMs`. Non-idempotent requests are sent once. Returns the last
 * response (any status); throws TrackerProblem when no response came at all.
 */
export async function httpRequest(request: HttpRequest, policy: HttpPolicy = DEFAULT_HTTP_POLICY): Promise<HttpResponse> {
  const attempts = 1 + (request.idempotent ? Math.max(0, policy.retries) : 0);
  let problem = 'no answer';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let wait: number | null = null;
    try {
      const res = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
        redirect: 'follow',
        signal: AbortSignal.timeout(policy.timeoutMs),
      });
      const answer: HttpResponse = { status: res.status, headers: res.headers, body: await res.text() };
      if (!retryable(answer) || attempt >= attempts) return answer;
      wait = retryWaitMs(answer.headers);
      // A reset an hour away is not worth a stall: give the caller the rate-limited answer now.
      if (wait !== null && wait > policy.maxWaitMs) return answer;
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      problem = e.name === 'TimeoutError' ? `no answer within ${policy.timeoutMs} ms` : (e.cause?.code ?? e.message);
      if (attempt >= attempts) break;
    }
    const backoff = policy.baseDelayMs * 2 ** (attempt - 1);
    await sleep(Math.min(policy.maxWaitMs, wait ?? backoff + Math.random() * backoff * 0.25));
  }
  throw new TrackerProblem(`${request.label ?? new URL(request.url).host} unreachable (${problem})`, true);
}
