import { version } from '../../package.json';

/** The tool's version, from package.json (inlined by the bundler). */
export const TOOL_VERSION: string = version;
export const TOOL_NAME = 'debt-ledger';
