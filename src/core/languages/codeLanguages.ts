import type { CommentForm, LanguageSyntax, PatternForm, StringForm } from './syntax';

/*
 * Programming languages as syntax tables. Each rule was checked against the language reference and a
 * fixture in test/fixtures/languages/ (a fixture per language, annotated in its own comment syntax).
 */

const C_COMMENTS: CommentForm[] = [{ open: '//' }, { open: '/*', close: '*/' }];
const C_NESTED: CommentForm[] = [{ open: '//' }, { open: '/*', close: '*/', nests: true }];
const DQ: StringForm = { open: '"', escape: '\\' };
const SQ: StringForm = { open: "'", escape: '\\' };
/** `'x'`, `'\n'`, `'\u{1F600}'`, but not a lifetime `'a` or a digit separator `1'000`. */
const CHAR: PatternForm = { start: String.raw`(?<![0-9A-Za-z_])'`, pattern: String.raw`'(?:\\[^'\n]{1,10}|[^\\'\n])'` };
const SONAR = ['NOSONAR', 'noinspection'];

export const CODE_LANGUAGES: LanguageSyntax[] = [
  {
    id: 'python',
    extensions: ['.py', '.pyi', '.pyw'],
    fileNames: ['SConstruct', 'SConscript'],
    comments: [{ open: '#' }],
    // Prefixes (r, b, f, u, rb, fr...) need no rule: the quote opens the literal either way, and a
    // backslash escapes the quote even in raw strings (r"\"" is one literal).
    strings: [
      { open: '"""', escape: '\\', multiline: true },
      { open: "'''", escape: '\\', multiline: true },
      DQ,
      SQ,
    ],
    suppressions: ['noqa', 'type: ignore', 'pylint: disable', 'pylint: disable-next', 'pyright: ignore', 'mypy: ignore-errors', 'pragma: no cover', 'nosec'],
  },
  {
    id: 'go',
    extensions: ['.go'],
    comments: C_COMMENTS,
    strings: [DQ, { open: '`', multiline: true }, SQ],
    suppressions: ['nolint', 'lint:ignore', '#nosec'],
  },
  {
    id: 'rust',
    extensions: ['.rs'],
    comments: C_NESTED,
    strings: [{ open: '"', escape: '\\', multiline: true }],
    stringPatterns: [
      { start: String.raw`(?<![0-9A-Za-z_])b?r#*"`, pattern: String.raw`b?r(#*)"[\s\S]*?"\1`, unterminatedToEnd: true },
      { start: String.raw`(?<![0-9A-Za-z_])b'`, pattern: String.raw`b'(?:\\[^'\n]{1,10}|[^\\'\n])'` },
      CHAR,
    ],
    // Clippy's `#[allow(...)]` are attributes, not comments: out of scope.
    suppressions: [],
  },
  {
    id: 'java',
    extensions: ['.java'],
    comments: C_COMMENTS,
    strings: [{ open: '"""', escape: '\\', multiline: true }, DQ],
    stringPatterns: [CHAR],
    suppressions: [...SONAR, 'CHECKSTYLE:OFF', 'checkstyle:off'],
  },
  {
    id: 'kotlin',
    extensions: ['.kt', '.kts'],
    comments: C_NESTED,
    strings: [{ open: '"""', multiline: true }, DQ],
    stringPatterns: [CHAR],
    suppressions: SONAR,
  },
  {
    id: 'csharp',
    extensions: ['.cs', '.csx'],
    comments: C_COMMENTS,
    commentPatterns: [{ start: String.raw`(?<=^[ \t]*)#`, pattern: String.raw`#[ \t]*pragma[ \t]+warning[ \t]+disable\b[^\n\r]*`, suppressionOnly: true }],
    strings: [{ open: '"""', multiline: true }, DQ],
    stringPatterns: [{ start: String.raw`(?:\$@|@\$?)"`, pattern: String.raw`(?:\$@|@\$?)"(?:[^"]|"")*"`, unterminatedToEnd: true }, CHAR],
    suppressions: [...SONAR, '#pragma warning disable', 'ReSharper disable'],
  },
  ...['c', 'cpp'].map((id): LanguageSyntax => ({
    id,
    extensions: id === 'c' ? ['.c', '.h'] : ['.cpp', '.cc', '.cxx', '.c++', '.hpp', '.hh', '.hxx', '.h++', '.ipp', '.inl', '.tpp', '.cu'],
    comments: C_COMMENTS,
    commentPatterns: [{ start: String.raw`(?<=^[ \t]*)#`, pattern: String.raw`#[ \t]*pragma[ \t]+(?:warning[ \t]*\([ \t]*disable|(?:GCC|clang)[ \t]+diagnostic[ \t]+ignored)[^\n\r]*`, suppressionOnly: true }],
    strings: [DQ],
    stringPatterns: [
      // `#include <a//b.h>` names a file: not a comment.
      { start: String.raw`(?<=^[ \t]*)#[ \t]*include`, pattern: String.raw`#[ \t]*include[ \t]*<[^>\n]*>` },
      ...(id === 'cpp' ? [{ start: String.raw`(?<![0-9A-Za-z_])(?:u8|[uUL])?R"`, pattern: String.raw`(?:u8|[uUL])?R"([^()\\\s]{0,16})\([\s\S]*?\)\1"`, unterminatedToEnd: true }] : []),
      CHAR,
    ],
    suppressions: ['NOLINTNEXTLINE', 'NOLINTBEGIN', 'NOLINT', 'cppcheck-suppress', '#pragma warning(disable', '#pragma GCC diagnostic ignored', '#pragma clang diagnostic ignored'],
  })),
  {
    id: 'swift',
    extensions: ['.swift'],
    comments: C_NESTED,
    strings: [{ open: '"""', escape: '\\', multiline: true }, DQ],
    // Extended delimiters: #"..."#, ##"""..."""##: backslashes and quotes are literal inside.
    stringPatterns: [{ start: '#+"', pattern: String.raw`(#+)(?:"""[\s\S]*?"""|"[^\n]*?")\1`, unterminatedToEnd: true }],
    suppressions: ['swiftlint:disable'],
  },
  {
    id: 'php',
    extensions: ['.php', '.phtml', '.php8', '.php7'],
    comments: [{ open: '//' }, { open: '/*', close: '*/' }],
    // `#` comments, but `#[Attribute]` (PHP 8) is code.
    commentPatterns: [{ start: String.raw`#(?!\[)`, pattern: String.raw`(?<open>#)[^\n\r]*` }],
    strings: [{ open: '"', escape: '\\', multiline: true }, { open: "'", escape: '\\', multiline: true }, { open: '`', escape: '\\', multiline: true }],
    heredocs: [{ start: '<<<', pattern: String.raw`<<<[ \t]*(["']?)(?<tag>[A-Za-z_]\w*)\1` }],
    suppressions: ['phpcs:ignore', 'phpcs:disable', '@phpstan-ignore-next-line', '@phpstan-ignore-line', '@phpstan-ignore', '@psalm-suppress', '@codingStandardsIgnoreLine', '@codingStandardsIgnoreStart', 'NOSONAR'],
  },
  {
    id: 'ruby',
    extensions: ['.rb', '.rake', '.gemspec', '.ru', '.rbw'],
    fileNames: ['Gemfile', 'Rakefile', 'Vagrantfile', 'Podfile', 'Guardfile', 'Fastfile', 'Brewfile', 'Capfile'],
    comments: [{ open: '#' }],
    commentPatterns: [{ start: "^=begin", pattern: String.raw`(?<open>=begin)[\s\S]*?(?<close>^=end)`, unterminatedToEnd: true }],
    strings: [{ open: '"', escape: '\\', multiline: true }, { open: "'", escape: '\\', multiline: true }, { open: '`', escape: '\\', multiline: true }],
    stringPatterns: [
      // %q(...), %w[...], %r{...}: the common delimiters (not nested).
      { start: String.raw`%[qQwWiIrsx]?[(\[{<|!/]`, pattern: String.raw`%[qQwWiIrsx]?(?:\((?:\\[\s\S]|[^)\\])*\)|\[(?:\\[\s\S]|[^\]\\])*\]|\{(?:\\[\s\S]|[^}\\])*\}|<(?:\\[\s\S]|[^>\\])*>|\|(?:\\[\s\S]|[^|\\])*\||!(?:\\[\s\S]|[^!\\])*!|\/(?:\\[\s\S]|[^/\\])*\/)` , unterminatedToEnd: true },
      // ?# is the character "#".
      { start: String.raw`(?<![\w)\]}?])\?`, pattern: String.raw`\?(?:\\.|[^\s\\\w])(?!\w)` },
    ],
    heredocs: [{ start: String.raw`<<[~-]?["'\x60]?[A-Za-z_]`, pattern: String.raw`<<[~-]?(["'\x60]?)(?<tag>[A-Za-z_]\w*)\1` }],
    suppressions: ['rubocop:disable', 'rubocop:todo', ':nocov:'],
  },
  {
    id: 'shell',
    extensions: ['.sh', '.bash', '.zsh', '.ksh', '.bats', '.command'],
    fileNames: ['.bashrc', '.zshrc', '.profile', '.bash_profile', '.zprofile', '.envrc'],
    comments: [{ open: '#', wordStart: true }],
    strings: [{ open: "'", multiline: true }, { open: '"', escape: '\\', multiline: true }, { open: '`', escape: '\\', multiline: true }],
    stringPatterns: [{ start: String.raw`\$'`, pattern: String.raw`\$'(?:\\[\s\S]|[^'\\])*'`, unterminatedToEnd: true }],
    heredocs: [{ start: '<<(?!<)', pattern: String.raw`<<-?[ \t]*\\?(["']?)(?<tag>[A-Za-z_][\w.-]*)\1` }],
    suppressions: ['shellcheck disable'],
  },
  {
    id: 'powershell',
    extensions: ['.ps1', '.psm1', '.psd1'],
    comments: [{ open: '<#', close: '#>' }, { open: '#', wordStart: true }],
    strings: [{ open: '@"', close: '"@', multiline: true }, { open: "@'", close: "'@", multiline: true }, { open: '"', escape: '`', multiline: true }, { open: "'", doubled: true, multiline: true }],
    suppressions: [],
  },
  {
    id: 'sql',
    extensions: ['.sql', '.psql', '.pgsql', '.ddl', '.dml'],
    comments: [{ open: '--' }, { open: '/*', close: '*/', nests: true }],
    strings: [{ open: "'", doubled: true, multiline: true }, { open: '"', doubled: true, multiline: true }, { open: '`', doubled: true }],
    stringPatterns: [
      // PostgreSQL dollar quoting ($$...$$, $fn$...$fn$) and escape strings E'it\'s'.
      { start: String.raw`\$(?:[A-Za-z_]\w*)?\$`, pattern: String.raw`\$((?:[A-Za-z_]\w*)?)\$[\s\S]*?\$\1\$`, unterminatedToEnd: true },
      { start: String.raw`(?<![0-9A-Za-z_])[eE]'`, pattern: String.raw`[eE]'(?:\\[\s\S]|''|[^'\\])*'`, unterminatedToEnd: true },
    ],
    suppressions: ['noqa'],
  },
  {
    id: 'lua',
    extensions: ['.lua'],
    comments: [{ open: '--' }],
    commentPatterns: [{ start: String.raw`--\[=*\[`, pattern: String.raw`(?<open>--\[(=*)\[)[\s\S]*?(?<close>\]\2\])`, unterminatedToEnd: true }],
    strings: [DQ, SQ],
    stringPatterns: [{ start: String.raw`\[=*\[`, pattern: String.raw`\[(=*)\[[\s\S]*?\]\1\]`, unterminatedToEnd: true }],
    suppressions: ['luacheck: ignore'],
  },
  {
    id: 'dart',
    extensions: ['.dart'],
    comments: C_NESTED,
    strings: [{ open: "'''", escape: '\\', multiline: true }, { open: '"""', escape: '\\', multiline: true }, DQ, SQ],
    stringPatterns: [{ start: String.raw`(?<![\w$])r['"]`, pattern: String.raw`r(?:'''[\s\S]*?'''|"""[\s\S]*?"""|'[^'\n]*'|"[^"\n]*")`, unterminatedToEnd: true }],
    suppressions: ['ignore_for_file:', 'ignore:'],
  },
  {
    id: 'elixir',
    extensions: ['.ex', '.exs'],
    comments: [{ open: '#' }],
    strings: [{ open: '"""', escape: '\\', multiline: true }, { open: "'''", escape: '\\', multiline: true }, { open: '"', escape: '\\', multiline: true }, { open: "'", escape: '\\', multiline: true }],
    stringPatterns: [
      { start: '~[a-zA-Z]', pattern: String.raw`~[a-zA-Z](?:"""[\s\S]*?"""|'''[\s\S]*?'''|\((?:\\[\s\S]|[^)\\])*\)|\[(?:\\[\s\S]|[^\]\\])*\]|\{(?:\\[\s\S]|[^}\\])*\}|<(?:\\[\s\S]|[^>\\])*>|\/(?:\\[\s\S]|[^/\\])*\/|\|(?:\\[\s\S]|[^|\\])*\||"(?:\\[\s\S]|[^"\\])*"|'(?:\\[\s\S]|[^'\\])*')`, unterminatedToEnd: true },
      // ?# is the code point of "#".
      { start: String.raw`(?<![\w)\]}?!])\?`, pattern: String.raw`\?(?:\\.|[^\s\\])` },
    ],
    suppressions: ['credo:disable-for-next-line', 'credo:disable-for-this-file', 'credo:disable-for-lines'],
  },
  {
    id: 'elm',
    extensions: ['.elm'],
    comments: [{ open: '--' }, { open: '{-', close: '-}', nests: true }],
    strings: [{ open: '"""', escape: '\\', multiline: true }, DQ],
    stringPatterns: [CHAR],
    suppressions: [],
  },
  {
    id: 'r',
    extensions: ['.r'],
    comments: [{ open: '#' }],
    strings: [{ open: '"', escape: '\\', multiline: true }, { open: "'", escape: '\\', multiline: true }, { open: '`' }],
    stringPatterns: [{ start: String.raw`(?<![\w.])[rR]["']-*[(\[{]`, pattern: String.raw`[rR](["'])(-*)(?:\([\s\S]*?\)|\[[\s\S]*?\]|\{[\s\S]*?\})\2\1`, unterminatedToEnd: true }],
    suppressions: ['nolint'],
  },
];
