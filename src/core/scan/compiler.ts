/**
 * The TypeScript compiler, and nothing else of ts-morph: the very file ts-morph itself loads
 * (`@ts-morph/common/dist/typescript.js`, the same version), required directly. Every parse, the
 * resilience analyzer and the fetch checker use only this namespace; ts-morph's own modules (its
 * wrappers, 2.5 MB of embedded lib.d.ts text, minimatch, tinyglobby) were loaded and, in
 * `dist/parser.js`, compiled on every cold full scan without being used.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS file typed by `export =` (compilerModule.d.ts): the namespace itself, no interop copy
import ts = require('@ts-morph/common/dist/typescript.js');

export { ts };
