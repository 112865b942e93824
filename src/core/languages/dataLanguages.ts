import type { CommentForm, LanguageSyntax, StringForm } from './syntax';

/* Markup, style, configuration and build languages as syntax tables (see codeLanguages.ts). */

const MARKUP_COMMENT: CommentForm = { open: '<!--', close: '-->' };
const CSS_STRINGS: StringForm[] = [{ open: '"', escape: '\\' }, { open: "'", escape: '\\' }];
/** `url(http://x)` unquoted: the `//` is part of the URL. */
const CSS_URL = { start: String.raw`url\(`, pattern: String.raw`url\((?![ \t]*["'])[^)\n]*\)` };
const STYLELINT = ['stylelint-disable-next-line', 'stylelint-disable-line', 'stylelint-disable'];
const MARKDOWNLINT = ['markdownlint-disable-next-line', 'markdownlint-disable-line', 'markdownlint-disable-file', 'markdownlint-disable'];
const MARKDOWN_CODE: StringForm[] = [
  { open: '```', multiline: true, lineStart: true },
  { open: '~~~', multiline: true, lineStart: true },
  { open: '``' },
  { open: '`' },
];

export const DATA_LANGUAGES: LanguageSyntax[] = [
  {
    id: 'css',
    extensions: ['.css', '.pcss', '.postcss'],
    comments: [{ open: '/*', close: '*/' }],
    strings: CSS_STRINGS,
    stringPatterns: [CSS_URL],
    suppressions: STYLELINT,
  },
  ...['scss', 'less'].map((id): LanguageSyntax => ({
    id,
    extensions: [`.${id}`],
    comments: [{ open: '//' }, { open: '/*', close: '*/' }],
    strings: CSS_STRINGS,
    stringPatterns: [CSS_URL],
    suppressions: STYLELINT,
  })),
  {
    id: 'xml',
    extensions: ['.xml', '.xsd', '.xsl', '.xslt', '.csproj', '.fsproj', '.vbproj', '.props', '.targets', '.resx', '.xaml', '.plist', '.wsdl', '.nuspec'],
    comments: [MARKUP_COMMENT],
    strings: [{ open: '<![CDATA[', close: ']]>', multiline: true }],
    suppressions: [],
  },
  {
    id: 'markdown',
    extensions: ['.md', '.markdown', '.mdown', '.mkd'],
    comments: [MARKUP_COMMENT],
    strings: MARKDOWN_CODE,
    suppressions: MARKDOWNLINT,
    taskItems: true,
  },
  {
    id: 'mdx',
    extensions: ['.mdx'],
    comments: [MARKUP_COMMENT, { open: '{/*', close: '*/}' }],
    strings: MARKDOWN_CODE,
    suppressions: MARKDOWNLINT,
    taskItems: true,
  },
  {
    id: 'yaml',
    extensions: ['.yaml', '.yml'],
    fileNames: ['.clang-format', '.clang-tidy'],
    comments: [{ open: '#', afterBlank: true }],
    // Quotes open a scalar only where a scalar starts: in `it's`, the quote is text.
    strings: [{ open: '"', escape: '\\', multiline: true, after: String.raw`^|[\s\[{,]` }, { open: "'", doubled: true, multiline: true, after: String.raw`^|[\s\[{,]` }],
    suppressions: ['yamllint disable-line', 'yamllint disable', 'checkov:skip', 'trivy:ignore', 'kics-scan ignore'],
  },
  {
    id: 'toml',
    extensions: ['.toml'],
    fileNames: ['Pipfile'],
    comments: [{ open: '#' }],
    strings: [{ open: '"""', escape: '\\', multiline: true }, { open: "'''", multiline: true }, { open: '"', escape: '\\' }, { open: "'" }],
    suppressions: [],
  },
  {
    id: 'jsonc',
    // JSON has no comments, but tsconfig.json, .vscode/*.json and devcontainer.json are JSONC: a
    // strict JSON file simply has none to find.
    extensions: ['.json', '.jsonc', '.json5', '.code-workspace'],
    fileNames: ['.babelrc', '.swcrc', '.jshintrc'],
    comments: [{ open: '//' }, { open: '/*', close: '*/' }],
    strings: [{ open: '"', escape: '\\' }, { open: "'", escape: '\\' }],
    suppressions: [],
  },
  {
    id: 'dockerfile',
    extensions: ['.dockerfile', '.containerfile'],
    fileNames: ['Dockerfile', 'Dockerfile.*', 'Containerfile', 'Containerfile.*'],
    // `#` is a comment only at the start of a line; `RUN echo #x` passes it on.
    comments: [{ open: '#', lineStart: true }],
    strings: [],
    heredocs: [{ start: '<<(?!<)', pattern: String.raw`<<-?(["']?)(?<tag>[A-Za-z_][\w.-]*)\1` }],
    suppressions: ['hadolint ignore', 'checkov:skip', 'trivy:ignore', 'tfsec:ignore'],
  },
  {
    id: 'makefile',
    extensions: ['.mk', '.mak', '.make'],
    fileNames: ['Makefile', 'makefile', 'GNUmakefile', 'Makefile.*'],
    comments: [],
    // `\#` is a literal hash.
    commentPatterns: [{ start: String.raw`(?<!\\)#`, pattern: String.raw`(?<open>#)[^\n\r]*` }],
    strings: [{ open: '"', escape: '\\' }, { open: "'" }],
    suppressions: ['checkmake:ignore'],
  },
  {
    id: 'hcl',
    extensions: ['.tf', '.tfvars', '.hcl', '.nomad', '.tftest.hcl'],
    comments: [{ open: '#' }, { open: '//' }, { open: '/*', close: '*/' }],
    strings: [{ open: '"', escape: '\\' }],
    heredocs: [{ start: '<<-?[A-Za-z_]', pattern: String.raw`<<-?(?<tag>[A-Za-z_]\w*)` }],
    suppressions: ['tfsec:ignore', 'checkov:skip', 'trivy:ignore', 'tflint-ignore', 'kics-scan ignore'],
  },
  {
    id: 'graphql',
    extensions: ['.graphql', '.gql', '.graphqls'],
    comments: [{ open: '#' }],
    strings: [{ open: '"""', escape: '\\', multiline: true }, { open: '"', escape: '\\' }],
    suppressions: [],
  },
  {
    id: 'protobuf',
    extensions: ['.proto'],
    comments: [{ open: '//' }, { open: '/*', close: '*/' }],
    strings: [{ open: '"', escape: '\\' }, { open: "'", escape: '\\' }],
    suppressions: ['buf:lint:ignore'],
  },
];

/** Markup around SFC script/style blocks, and plain HTML. */
export const HTML_SYNTAX: LanguageSyntax = {
  id: 'html',
  extensions: ['.html', '.htm', '.xhtml'],
  comments: [MARKUP_COMMENT],
  strings: [],
  suppressions: [],
};
