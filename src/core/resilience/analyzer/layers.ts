import { ts } from '../../scan/compiler';
import { NO_COVER, type ContextCover } from '../model';
import { unwrap, type FileFacts } from './fileFacts';
import { prop, viewObject } from './options';

/**
 * Retry layers that need more than the callee's module to decide (see `RETRY_LAYERS` in contexts.ts for
 * the ones that do not): Bull v3 queues, whose jobs are retried only when added with `attempts` > 1
 * (`defaultJobOptions` or `queue.add(data, { attempts })`; Bull's default is 1 attempt), and Apollo
 * Client's `HttpLink`, whose custom `fetch` is retried when the file builds a `RetryLink`.
 */
export function layerOfCall(facts: FileFacts, call: ts.CallExpression | ts.NewExpression): ContextCover | null {
  const callee = unwrap(call.expression);
  if (ts.isCallExpression(call) && ts.isPropertyAccessExpression(callee) && callee.name.text === 'process' && ts.isIdentifier(unwrap(callee.expression))) {
    return bullProcess(facts, unwrap(callee.expression) as ts.Identifier);
  }
  if (ts.isIdentifier(callee) && /^(HttpLink|createHttpLink|BatchHttpLink)$/.test(callee.text) && APOLLO.test(facts.moduleOf(callee.text)?.specifier ?? '')) return apolloLink(facts);
  return null;
}

const APOLLO = /^(@apollo\/client(\/.*)?|apollo-link-http|apollo-link-batch-http|apollo-boost)$/;
const retried = (by: string): ContextCover => ({ kind: 'direct', cover: { ...NO_COVER, retry: { state: 'yes', by } } });

/** `queue.process(fn)` on a Bull v3 queue made in this file: retried when its jobs get `attempts` > 1. */
function bullProcess(facts: FileFacts, queue: ts.Identifier): ContextCover | null {
  const init = facts.initializerAt(queue) ?? facts.initializers.get(queue.text);
  const made = init && unwrap(init);
  if (!made || !(ts.isNewExpression(made) || ts.isCallExpression(made)) || !ts.isIdentifier(unwrap(made.expression))) return null;
  const b = facts.moduleOf((unwrap(made.expression) as ts.Identifier).text);
  if (b?.specifier !== 'bull' || (b.imported !== 'default' && b.imported !== '*')) return null;
  let attempts = 0;
  let where = '';
  const options = made.arguments?.[made.arguments.length - 1];
  const view = viewObject(facts, options);
  if (view.kind === 'object') {
    const d = prop(view.node, 'defaultJobOptions');
    const dv = d && 'value' in d ? viewObject(facts, d.value) : null;
    const n = dv?.kind === 'object' ? attemptsIn(dv.node) : 0;
    if (n > attempts) [attempts, where] = [n, '`defaultJobOptions`'];
  }
  for (const add of facts.addCalls) {
    const receiver = unwrap((add.expression as ts.PropertyAccessExpression).expression);
    if (!ts.isIdentifier(receiver) || receiver.text !== queue.text) continue;
    const v = viewObject(facts, add.arguments[add.arguments.length - 1]);
    const n = v.kind === 'object' ? attemptsIn(v.node) : 0;
    if (n > attempts) [attempts, where] = [n, `${queue.text}.add(...) at line ${facts.pos(add.getStart(facts.sf)).line}`];
  }
  return attempts > 1 ? retried(`a Bull queue (jobs retried: attempts ${attempts} in ${where})`) : null;
}

function attemptsIn(obj: ts.ObjectLiteralExpression): number {
  const p = prop(obj, 'attempts');
  if (!p || !('value' in p)) return 0;
  const v = unwrap(p.value);
  return ts.isNumericLiteral(v) ? Number(v.text) : 0;
}

/** A RetryLink built in this file (Apollo retries network errors 5 times by default), unless `max: 1`. */
function apolloLink(facts: FileFacts): ContextCover | null {
  for (const link of facts.retryLinks) {
    const b = facts.moduleOf('RetryLink');
    if (!b || !/^(@apollo\/client(\/link\/retry)?|apollo-link-retry)$/.test(b.specifier)) return null;
    const view = viewObject(facts, link.arguments?.[0]);
    const attempts = view.kind === 'object' ? prop(view.node, 'attempts') : undefined;
    const av = attempts && 'value' in attempts ? viewObject(facts, attempts.value) : null;
    const max = av?.kind === 'object' ? prop(av.node, 'max') : undefined;
    if (max && 'value' in max && ts.isNumericLiteral(unwrap(max.value)) && Number((unwrap(max.value) as ts.NumericLiteral).text) <= 1) continue;
    return retried(`Apollo RetryLink at line ${facts.pos(link.getStart(facts.sf)).line} (network errors retried)`);
  }
  return null;
}
