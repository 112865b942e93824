// The compiler file that ts-morph ships and loads (`@ts-morph/common/dist/typescript.js`, CommonJS, the
// `ts` namespace itself), typed by its own declarations. See compiler.ts.
declare module '@ts-morph/common/dist/typescript.js' {
  import { ts } from '@ts-morph/common/lib/typescript';
  export = ts;
}
