/**
 * The HTTP clients real services use beyond fetch/axios/got/ky/undici/node:http, as data: module names,
 * call shapes, the options that bound a call, and the library's own timeout and retry defaults.
 * Facts from each library's README/source (see docs/resilience.md, "More clients"). Tests iterate this
 * table, so a row added here is a row tested.
 */

/** Which argument carries the request options, by how the client is called. */
export interface OptionsAt {
  /** Calling the client itself (`request(url, opts)`); an object as first argument is always the options. */
  call: number;
  /** Methods with a body argument before the options (`needle.post(url, data, opts)`). */
  body?: number;
  /** Every other method (`needle.get(url, opts)`). */
  method?: number;
}

export interface TableClient {
  /** Client id: also the `Library` value of its calls and instances. */
  id: TableClientId;
  /** Module specifiers that export it (default export, namespace or the named exports in `exports`). */
  modules: readonly string[];
  /** Named exports that are the client itself (`import { ofetch } from 'ofetch'`); others name a method. */
  exports?: readonly string[];
  /** A global that is this client without any import (`$fetch` in Nuxt). */
  global?: string;
  /** Methods that send a request; `''` = calling the client itself. */
  methods: readonly string[];
  /** Methods that send a body (options come one argument later). */
  bodyMethods?: readonly string[];
  optionsAt: OptionsAt;
  /** Option keys that bound the whole request (a non-zero value). `signal` is always read as a signal. */
  timeoutKeys: readonly string[];
  /** Option keys that look like a timeout but do not bound the response, and why. */
  timeoutTraps?: Readonly<Record<string, string>>;
  /** Option keys that switch retries on (a non-zero value). */
  retryKeys?: readonly string[];
  /** Chained calls (`.timeout(ms)`, `.retry(n)`) for builder-style clients. */
  chain?: { timeout: readonly string[]; retry: readonly string[] };
  /** Factory methods making an instance (`create`), or `''` when calling the library makes one (bent). */
  factories?: readonly string[];
  /** Classes whose `new` makes an instance, with the options argument index. */
  classes?: Readonly<Record<string, number>>;
  /** Class names exported for dependency injection (`HttpService`): a field of that type is an instance. */
  injectable?: readonly string[];
  /** A module-level registration setting defaults for every injected instance (`HttpModule.register`). */
  registration?: { object: string; methods: readonly string[] };
  /** The library's own timeout, if it has one that bounds the call. */
  timeoutDefault?: string;
  /** The library's own retry of idempotent requests, if any. */
  retryDefault?: string;
  /** Why a call with none of the above is unbounded. */
  noTimeout: string;
}

export type TableClientId =
  | 'node-fetch' | 'cross-fetch' | 'isomorphic-fetch' | 'make-fetch-happen' | 'ofetch' | 'redaxios' | 'wretch'
  | 'superagent' | 'needle' | 'request' | 'phin' | 'bent' | 'graphql-request' | 'nestjs-axios';

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options'];
const FETCH_LIKE = { methods: [''], optionsAt: { call: 1 } } as const;

export const CLIENT_TABLE: readonly TableClient[] = [
  {
    id: 'node-fetch', modules: ['node-fetch'], ...FETCH_LIKE, timeoutKeys: ['timeout'],
    noTimeout: 'node-fetch has no timeout by default: pass `signal: AbortSignal.timeout(ms)` (the v2 `timeout` option is gone in v3)',
  },
  { id: 'cross-fetch', modules: ['cross-fetch'], ...FETCH_LIKE, timeoutKeys: [], timeoutTraps: { timeout: 'cross-fetch follows the fetch spec: `timeout` is ignored, pass `signal: AbortSignal.timeout(ms)`' }, noTimeout: 'cross-fetch has no timeout: pass `signal: AbortSignal.timeout(ms)`' },
  { id: 'isomorphic-fetch', modules: ['isomorphic-fetch'], ...FETCH_LIKE, timeoutKeys: [], timeoutTraps: { timeout: 'isomorphic-fetch follows the fetch spec: `timeout` is ignored, pass `signal: AbortSignal.timeout(ms)`' }, noTimeout: 'isomorphic-fetch has no timeout: pass `signal: AbortSignal.timeout(ms)`' },
  {
    id: 'make-fetch-happen', modules: ['make-fetch-happen'], ...FETCH_LIKE, factories: ['defaults'], timeoutKeys: ['timeout'], retryKeys: ['retry'],
    noTimeout: 'make-fetch-happen has no timeout by default (0): pass `timeout` or a signal',
  },
  {
    id: 'ofetch', modules: ['ofetch'], exports: ['ofetch', '$fetch'], global: '$fetch', methods: ['', 'raw', 'native'], optionsAt: { call: 1 }, factories: ['create'],
    timeoutKeys: ['timeout'], retryKeys: ['retry'], retryDefault: "ofetch's default retry (1) of GET/HEAD requests",
    noTimeout: 'ofetch has no timeout by default: pass `timeout: ms`',
  },
  {
    id: 'redaxios', modules: ['redaxios'], methods: ['', 'request', ...HTTP_METHODS], bodyMethods: ['post', 'put', 'patch'], optionsAt: { call: 1, body: 2, method: 1 }, factories: ['create'],
    timeoutKeys: [], timeoutTraps: { timeout: 'redaxios has no `timeout` option (unlike axios): pass a signal' }, noTimeout: 'redaxios has no timeout (unlike axios): pass `signal: AbortSignal.timeout(ms)`',
  },
  {
    id: 'wretch', modules: ['wretch'], methods: [''], optionsAt: { call: 1 }, chain: { timeout: ['setTimeout', 'signal'], retry: ['retry'] },
    timeoutKeys: [], noTimeout: 'wretch has no timeout by default: use the abort addon (`.setTimeout(ms)`) or a signal',
  },
  {
    id: 'superagent', modules: ['superagent', 'supertest'], methods: ['', ...HTTP_METHODS], optionsAt: { call: 99 }, chain: { timeout: ['timeout'], retry: ['retry'] },
    timeoutKeys: [], noTimeout: 'superagent has no timeout by default: chain `.timeout({ response, deadline })`',
  },
  {
    id: 'needle', modules: ['needle'], methods: ['', 'get', 'head', 'post', 'put', 'patch', 'delete', 'request'], bodyMethods: ['post', 'put', 'patch', 'delete'], optionsAt: { call: 3, body: 2, method: 1 },
    timeoutKeys: ['response_timeout', 'read_timeout'],
    timeoutTraps: { open_timeout: 'needle `open_timeout` only bounds connecting: set `response_timeout` or `read_timeout`', timeout: 'needle `timeout` is `open_timeout` (connecting only): set `response_timeout` or `read_timeout`' },
    noTimeout: "needle's only default is a 10 s connect timeout (`open_timeout`): set `response_timeout` or `read_timeout`",
  },
  {
    id: 'request', modules: ['request', 'request-promise', 'request-promise-native', 'postman-request'], methods: ['', ...HTTP_METHODS], optionsAt: { call: 1, method: 1 }, factories: ['defaults'],
    timeoutKeys: ['timeout'], noTimeout: 'request has no timeout by default: pass `timeout: ms`',
  },
  { id: 'phin', modules: ['phin'], methods: [''], optionsAt: { call: 0 }, timeoutKeys: ['timeout'], noTimeout: 'phin has no timeout by default: pass `timeout: ms`' },
  { id: 'bent', modules: ['bent'], methods: [''], optionsAt: { call: 99 }, factories: [''], timeoutKeys: [], noTimeout: 'bent has no timeout option: wrap the call in a timeout (p-timeout, AbortSignal) or use another client' },
  {
    id: 'graphql-request', modules: ['graphql-request'], methods: ['request', 'rawRequest', 'batchRequests'], optionsAt: { call: 0, method: 0 }, classes: { GraphQLClient: 1 },
    timeoutKeys: [], noTimeout: 'graphql-request has no timeout: pass `signal` (or a bounded `fetch`) to the GraphQLClient or the request',
  },
  {
    id: 'nestjs-axios', modules: ['@nestjs/axios'], methods: ['request', 'get', 'delete', 'head', 'options', 'post', 'put', 'patch'], bodyMethods: ['post', 'put', 'patch'], optionsAt: { call: 1, body: 2, method: 1 },
    injectable: ['HttpService'], registration: { object: 'HttpModule', methods: ['register', 'registerAsync'] }, timeoutKeys: ['timeout'],
    noTimeout: '@nestjs/axios HttpService uses axios (timeout 0 = none): set `timeout` in HttpModule.register({ timeout }) or on the call',
  },
];

const BY_MODULE = new Map<string, TableClient>(CLIENT_TABLE.flatMap((c) => c.modules.map((m) => [m, c] as const)));
const BY_ID = new Map<string, TableClient>(CLIENT_TABLE.map((c) => [c.id, c]));
const BY_GLOBAL = new Map<string, TableClient>(CLIENT_TABLE.flatMap((c) => (c.global ? [[c.global, c] as const] : [])));

export function tableClientOfModule(specifier: string): TableClient | undefined {
  return BY_MODULE.get(specifier);
}

export function tableClient(id: string): TableClient | undefined {
  return BY_ID.get(id);
}

export function tableClientOfGlobal(name: string): TableClient | undefined {
  return BY_GLOBAL.get(name);
}

/** Index of the options argument for a call of `member` (`''` = the client itself). */
export function tableOptionsIndex(client: TableClient, member: string, firstIsObject: boolean): number {
  if (member === '') return firstIsObject ? 0 : client.optionsAt.call;
  if (client.bodyMethods?.includes(member)) return client.optionsAt.body ?? client.optionsAt.call;
  return client.optionsAt.method ?? client.optionsAt.call;
}

/** Upper-case HTTP method of a member call (`del` -> DELETE), or null. */
export function tableMethodOf(member: string): string | null {
  if (member === 'del') return 'DELETE';
  return HTTP_METHODS.includes(member) ? member.toUpperCase() : null;
}

const escape = (m: string): string => m.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Modules of the table with a registration (defaults for every injected instance), as an alternation. */
export const REGISTRATION_MODULES_PATTERN = CLIENT_TABLE.filter((c) => c.registration).flatMap((c) => c.modules).map(escape).join('|');

/** Every module of the table, as a regular-expression alternation (for the scanner's prefilter). */
export const TABLE_MODULES_PATTERN = CLIENT_TABLE.flatMap((c) => c.modules).map(escape).join('|');
