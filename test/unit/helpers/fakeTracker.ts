import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestContext } from 'node:test';

/** A request as the fake tracker saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Reply = { status: number; headers?: Record<string, string>; body?: unknown } | 'hang';
export type Handler = (req: SeenRequest, n: number) => Reply;

/** A tracker on 127.0.0.1 (a random port), answering through `handler`; records every request. */
export class FakeTracker {
  private constructor(private readonly server: Server, readonly url: string, readonly requests: SeenRequest[]) {}

  static async start(t: TestContext, handler: Handler): Promise<FakeTracker> {
    const hanging = new Set<ServerResponse>();
    const seen: SeenRequest[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        const request: SeenRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body };
        seen.push(request);
        const reply = handler(request, seen.length);
        if (reply === 'hang') {
          hanging.add(res);
          return;
        }
        const text = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
        res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
        res.end(text);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const tracker = new FakeTracker(server, `http://127.0.0.1:${port}`, seen);
    t.after(async () => {
      for (const r of hanging) r.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });
    return tracker;
  }
}

/** A port on 127.0.0.1 nothing listens on (bound, then closed). */
export async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** GitHub's REST issue shape (the fields a client reads, as documented for GET /repos/{owner}/{repo}/issues/{number}). */
export function githubIssue(number: number, state: 'open' | 'closed', closedAt: string | null = null, body = ''): Record<string, unknown> {
  return {
    url: `https://api.github.com/repos/acme/app/issues/${number}`,
    html_url: `https://github.com/acme/app/issues/${number}`,
    number, state, state_reason: state === 'closed' ? 'completed' : null, title: `Issue ${number}`, body,
    user: { login: 'octocat' }, labels: [], locked: false, comments: 0,
    created_at: '2024-01-02T03:04:05Z', updated_at: '2024-02-02T03:04:05Z', closed_at: closedAt,
  };
}

/** GitHub's rate-limit headers on a normal answer. */
export function githubRateHeaders(remaining = 4999): Record<string, string> {
  return { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': String(remaining), 'x-ratelimit-used': String(5000 - remaining), 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600), 'x-ratelimit-resource': 'core' };
}
