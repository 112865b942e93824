import type { RemoteFacts } from '../git/remote';
import type { LedgerItem } from '../model';
import { DEFAULT_HTTP_POLICY, type HttpPolicy } from './http';
import { TrackerProblem, type TicketInfo, type TicketsConfig } from './model';
import type { Env, TicketProvider } from './providers/provider';
import { parseTicketRef, ticketKey } from './reference';
import { buildProviders, routeTicket } from './registry';
import { TicketCache } from './ticketCache';

export interface ResolveTicketsOptions {
  config: TicketsConfig;
  env: Env;
  /** The origin remote (null in untrusted folders or without one): `#123` resolves against it. */
  remote: RemoteFacts | null;
  /** Where answers are cached; null = no cache. */
  cacheFile: string | null;
  /** Overrides the request policy (tests use short pauses). */
  policy?: Partial<HttpPolicy>;
  now?: number;
}

export interface ResolveTicketsReport {
  /** One line per tracker that could not answer, and one for references no tracker owns. */
  warnings: string[];
  /** Requests sent (conditional ones included). */
  requests: number;
  /** Tickets answered from the cache without a request. */
  fromCache: number;
  /** Distinct tickets asked about. */
  tickets: number;
}

const CONCURRENCY = 4;

/**
 * Sets `ticketState` (and `ticketClosedAt`) on every item with a ticket. Each distinct ticket is asked
 * once, answers are cached per ticket (TTL, then ETag revalidation). A tracker that fails (unreachable,
 * token rejected, rate-limited) is not asked again in this run: its tickets are `unknown` and it gets one
 * warning line. Never throws for tracker problems.
 */
export async function resolveTicketStates(items: LedgerItem[], options: ResolveTicketsOptions): Promise<ResolveTicketsReport> {
  const now = options.now ?? Date.now();
  const policy: HttpPolicy = { ...DEFAULT_HTTP_POLICY, timeoutMs: options.config.timeoutMs, ...options.policy };
  const providers = buildProviders(options.config, options.env);
  const cache = new TicketCache(options.cacheFile, options.config.cacheTtlSeconds * 1000);
  await cache.load();
  const report: ResolveTicketsReport = { warnings: [], requests: 0, fromCache: 0, tickets: 0 };
  const answers = new Map<string, TicketInfo>();
  const work = new Map<string, { provider: TicketProvider; target: string }>();
  const keyOf = new Map<LedgerItem, string | null>();
  const unrouted = new Set<string>();
  for (const item of items) {
    if (!item.ticket) continue;
    const ref = parseTicketRef(item.ticket);
    const route = ref && routeTicket(ref, providers, options.remote);
    if (!route) {
      unrouted.add(item.ticket);
      keyOf.set(item, null);
      continue;
    }
    const key = ticketKey(route.provider.id, route.target);
    keyOf.set(item, key);
    if (!work.has(key)) work.set(key, route);
  }
  report.tickets = work.size;
  const down = new Map<string, string>();
  const queue = [...work];
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [key, { provider, target }] = next;
      const cached = cache.fresh(key, now);
      if (cached) {
        answers.set(key, cached);
        report.fromCache++;
        continue;
      }
      if (down.has(provider.id)) continue;
      const stale = cache.stale(key);
      try {
        report.requests++;
        const got = await provider.lookup(target, stale?.etag ?? null, policy);
        const info = got.notModified && stale ? { state: stale.state, closedAt: stale.closedAt } : got.notModified ? null : got.info;
        if (info) {
          answers.set(key, info);
          cache.put(key, info, got.notModified ? stale?.etag ?? null : got.etag, now);
        }
      } catch (caught) {
        // Anything a tracker does wrong degrades to `unknown`, never a crash.
        const err = caught instanceof TrackerProblem ? caught : new TrackerProblem(`${provider.id}: ${(caught as Error).message}`, true);
        if (err.fatal) down.set(provider.id, err.message);
        else if (!down.has(provider.id)) report.warnings.push(`${target}: ${err.message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await cache.save().catch(() => undefined);
  for (const [, message] of down) report.warnings.push(`ticket state unknown: ${message}`);
  if (unrouted.size > 0) {
    const sample = [...unrouted].slice(0, 3).join(', ');
    report.warnings.push(`ticket state unknown for ${unrouted.size} reference(s) no tracker owns (${sample}${unrouted.size > 3 ? ', …' : ''}): configure "tickets.providers" (docs/tickets.md)`);
  }
  for (const [item, key] of keyOf) {
    const info = key ? answers.get(key) : undefined;
    item.ticketState = info?.state ?? 'unknown';
    item.ticketClosedAt = info?.closedAt ?? null;
  }
  return report;
}

/**
 * Whether an item believes it is tracked but is not: the ticket is missing, or closed for longer than
 * `graceDays` (a closed ticket without a close date counts as closed long ago).
 */
export function isClosedTicketDebt(item: LedgerItem, graceDays: number, now = Date.now()): boolean {
  if (item.ticketState === 'missing') return true;
  if (item.ticketState !== 'closed') return false;
  if (!item.ticketClosedAt || graceDays <= 0) return true;
  const closed = Date.parse(item.ticketClosedAt);
  return Number.isNaN(closed) || now - closed > graceDays * 86_400_000;
}
