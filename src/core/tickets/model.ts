import type { TicketState } from '../model';

export const PROVIDER_TYPES = ['github', 'gitlab', 'jira', 'linear'] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

/** One tracker in the `tickets.providers` list of `.debtledger.json`. */
export interface ProviderConfig {
  type: ProviderType;
  /**
   * Web host this entry owns (`github.example.com`, `gitlab.example.com`, `acme.atlassian.net`); null =
   * the provider's public host (github.com, gitlab.com, linear.app). Jira needs `baseUrl` instead.
   */
  host: string | null;
  /** REST/GraphQL API base; null = derived (env `GITHUB_API_URL`/`CI_API_V4_URL`, else from the host). */
  apiUrl: string | null;
  /** Jira: the site, e.g. `https://acme.atlassian.net` or a Data Center URL. */
  baseUrl: string | null;
  /** GitHub `owner/repo` or GitLab `group/project` that `#123` refers to; null = the origin remote's. */
  repo: string | null;
  /** Jira/Linear: project or team keys this entry owns (`ABC` owns `ABC-123`); empty = every key. */
  keys: string[];
  /** Environment variable holding the token; null = the provider's usual ones (see docs/tickets.md). */
  tokenEnv: string | null;
  /** Jira Cloud: variable holding the account e-mail (basic auth with an API token); null = `JIRA_EMAIL`. */
  emailEnv: string | null;
}

/** The validated `tickets` section. */
export interface TicketsConfig {
  providers: ProviderConfig[];
  /** Closed tickets count as fine for this many days after closing (`--fail-on closed-ticket`, DoD). */
  closedGraceDays: number;
  /** How long a cached answer is used without asking again, in seconds. */
  cacheTtlSeconds: number;
  /** Per-request timeout in ms. */
  timeoutMs: number;
}

export function defaultTicketsConfig(): TicketsConfig {
  return { providers: [], closedGraceDays: 0, cacheTtlSeconds: 3600, timeoutMs: 5000 };
}

/** What a tracker said about one ticket. */
export interface TicketInfo {
  state: TicketState;
  /** ISO 8601, for closed tickets when the tracker says. */
  closedAt: string | null;
}

/** Why a tracker could not be asked: shown once per tracker as a warning line. */
export class TrackerProblem extends Error {
  constructor(message: string, readonly fatal: boolean) {
    super(message);
  }
}
