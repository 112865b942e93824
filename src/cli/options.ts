import type { ParseArgsConfig } from 'node:util';

/**
 * Every option the CLI takes, for `parseArgs`. Its own module so `npm start` (scripts/start.mjs) parses
 * argv with exactly the CLI's parser.
 */
export const CLI_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  'fail-on': { type: 'string' },
  output: { type: 'string', short: 'o' },
  'no-cache': { type: 'boolean' },
  'no-git': { type: 'boolean' },
  base: { type: 'string' },
  'require-signoffs': { type: 'boolean' },
  'include-uncommitted': { type: 'boolean' },
  comment: { type: 'string' },
  revoke: { type: 'boolean' },
  sort: { type: 'string' },
  'no-blame': { type: 'boolean' },
  'write-commit-graph': { type: 'boolean' },
  'new-since': { type: 'string' },
  baseline: { type: 'boolean' },
  'baseline-file': { type: 'string' },
  'allow-growth': { type: 'boolean' },
  reason: { type: 'string' },
  since: { type: 'string' },
  points: { type: 'string' },
  ref: { type: 'string' },
  scope: { type: 'string' },
  package: { type: 'string' },
  debug: { type: 'boolean' },
  'max-items': { type: 'string' },
  tickets: { type: 'boolean' },
  tag: { type: 'string', multiple: true },
  write: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  shard: { type: 'string' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;
