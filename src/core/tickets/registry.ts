import type { RemoteFacts } from '../git/remote';
import type { ProviderConfig, ProviderType, TicketsConfig } from './model';
import { githubProvider } from './providers/githubProvider';
import { gitlabProvider } from './providers/gitlabProvider';
import { jiraProvider } from './providers/jiraProvider';
import { linearProvider } from './providers/linearProvider';
import type { Env, TicketProvider } from './providers/provider';
import type { TicketRef } from './reference';

/** One factory per tracker: a new tracker is one file and one entry here. */
export const PROVIDERS: Record<ProviderType, (config: ProviderConfig, env: Env) => TicketProvider> = {
  github: githubProvider,
  gitlab: gitlabProvider,
  jira: jiraProvider,
  linear: linearProvider,
};

function entry(type: ProviderType, host: string | null): ProviderConfig {
  return { type, host, apiUrl: null, baseUrl: null, repo: null, keys: [], tokenEnv: null, emailEnv: null };
}

/** The configured trackers, plus github.com and gitlab.com when not configured (they need no set-up for public repos). */
export function buildProviders(config: TicketsConfig, env: Env): TicketProvider[] {
  const entries = [...config.providers];
  if (!entries.some((p) => p.type === 'github' && (p.host ?? 'github.com') === 'github.com')) entries.push(entry('github', null));
  if (!entries.some((p) => p.type === 'gitlab' && (p.host ?? 'gitlab.com') === 'gitlab.com')) entries.push(entry('gitlab', null));
  return entries.map((p) => PROVIDERS[p.type](p, env));
}

/** Where a reference goes: the tracker and the reference in its own form (`owner/repo#12`, `ABC-1`). */
export interface Route {
  provider: TicketProvider;
  target: string;
}

const isForge = (p: TicketProvider): boolean => p.type === 'github' || p.type === 'gitlab';

/**
 * Routes a reference: `#123` to the tracker of the origin remote's host (or the entry with a `repo`),
 * `owner/repo#1` likewise, URLs by host, `ABC-123` to the Jira or Linear entry owning the key. Null
 * when no tracker owns it.
 */
export function routeTicket(ref: TicketRef, providers: readonly TicketProvider[], remote: RemoteFacts | null): Route | null {
  const forgeFor = (host: string | null): TicketProvider | undefined =>
    (host ? providers.find((p) => isForge(p) && p.host === host) : undefined) ?? providers.find((p) => isForge(p) && p.config.repo !== null);
  const number = (p: TicketProvider, repo: string, n: number, pull = false): string => `${repo}${p.type === 'gitlab' && pull ? '!' : '#'}${n}`;
  switch (ref.kind) {
    case 'number': {
      const p = forgeFor(remote?.host ?? null);
      const repo = p?.config.repo ?? (p && remote && p.host === remote.host ? remote.path : null);
      return p && repo ? { provider: p, target: number(p, repo, ref.number) } : null;
    }
    case 'repoNumber': {
      const p = forgeFor(remote?.host ?? null);
      return p ? { provider: p, target: number(p, ref.repo, ref.number) } : null;
    }
    case 'url': {
      const p = providers.find((x) => isForge(x) && x.host === ref.host);
      return p ? { provider: p, target: number(p, ref.repo, ref.number, ref.type === 'pull') } : null;
    }
    case 'key': {
      const owners = providers.filter((p) => (p.type === 'jira' || p.type === 'linear') && (ref.host === null || p.host === ref.host));
      const p = owners.find((x) => x.config.keys.includes(ref.project)) ?? owners.find((x) => x.config.keys.length === 0);
      return p ? { provider: p, target: ref.key } : null;
    }
  }
}
