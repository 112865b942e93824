// The CLI bundle (dist/cliMain.js): everything `debt-ledger` does. dist/cli.js (bin.ts) loads it only
// when the warm path's stored output cannot answer (cli/warm/warmCli.ts).
export { runCli } from './main';
export { startReadTrail, takeReadTrail } from '../core/fs/readTrail';
export { setParserLoader } from '../core/scan/scanner';
