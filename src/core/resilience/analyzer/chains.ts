import { ts } from '../../scan/compiler';
import type { Cover } from '../model';
import { unwrap, type FileFacts } from './fileFacts';
import { isOff } from './options';

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options']);

/**
 * Builder-style clients (superagent, wretch): what the calls chained on the request say.
 * `superagent.get(url).timeout({ response: 5000 }).retry(2)`, `wretch(url).setTimeout(ms).get()`, or
 * `const req = superagent.get(url); req.timeout(5000)`.
 */
export function chainCover(facts: FileFacts, call: ts.CallExpression, chain: { timeout: readonly string[]; retry: readonly string[] }): { timeout: Cover; retry: Cover; method: string | null } {
  let timeout: Cover = { state: 'absent' };
  let retry: Cover = { state: 'absent' };
  let method: string | null = null;
  const read = (name: string, args: readonly ts.Expression[]): void => {
    const off = args[0] !== undefined && isOff(args[0]);
    if (chain.timeout.includes(name)) {
      // `.signal(controller)` hands the bound to someone else: not judged.
      timeout = name === 'signal' ? { state: 'unknown' } : off ? { state: 'no', why: `\`.${name}(${facts.text(args[0]!)})\` means no timeout` } : { state: 'yes', by: `\`.${name}(...)\`` };
    } else if (chain.retry.includes(name)) {
      retry = off ? { state: 'no', why: `\`.${name}(0)\` switches retries off` } : { state: 'yes', by: `\`.${name}(...)\`` };
    } else if (name === 'middlewares' && args.some((a) => /\bretry\s*\(/.test(facts.text(a)))) {
      retry = { state: 'yes', by: 'wretch retry middleware' };
    } else if (METHODS.has(name) && !method) {
      method = name === 'del' ? 'DELETE' : name.toUpperCase();
    }
  };
  let node: ts.Node = call;
  for (let i = 0; i < 30; i++) {
    const p = node.parent;
    if (!p || !ts.isPropertyAccessExpression(p) || !ts.isCallExpression(p.parent) || p.parent.expression !== p) break;
    read(p.name.text, p.parent.arguments);
    node = p.parent;
  }
  // `const req = superagent.get(url); req.timeout(5000);`
  const holder = unwrap(node as ts.Expression).parent;
  if (holder && ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name)) {
    const name = holder.name.text;
    for (const m of facts.sf.text.matchAll(new RegExp(`\\b${name}\\s*\\.\\s*(\\w+)\\s*\\(\\s*([^,)]*)`, 'g'))) {
      const n = m[1]!;
      if (chain.timeout.includes(n) || chain.retry.includes(n)) {
        const off = /^(0|false|Infinity)$/.test(m[2]!.trim());
        if (chain.timeout.includes(n)) timeout = off ? { state: 'no', why: `\`${name}.${n}(${m[2]!.trim()})\` means no timeout` } : { state: 'yes', by: `\`${name}.${n}(...)\`` };
        else retry = off ? { state: 'no', why: `\`${name}.${n}(0)\` switches retries off` } : { state: 'yes', by: `\`${name}.${n}(...)\`` };
      }
    }
  }
  return { timeout, retry, method };
}
