/**
 * The comment and string syntax of a language as data: what a table lexer needs to tell a comment from
 * text that only looks like one. Regular expressions are given as source strings so the tables stay
 * plain data (users add languages with the same shape from `.debtledger.json`).
 */

/** A comment form. Without `close` it runs to the end of the line. */
export interface CommentForm {
  /** Opening delimiter (`//`, `#`, `<!--`). */
  open: string;
  /** Closing delimiter of a block comment; absent for a line comment. */
  close?: string;
  /** Block comments nest (`/* /* *\/ *\/` in Rust, Swift, Kotlin, Dart). */
  nests?: boolean;
  /** Only a comment when nothing but blanks precede it on its line (Dockerfile `#`). */
  lineStart?: boolean;
  /** Only a comment at the start of a word: after a blank, `;`, `|`, `&`, `(` or the line start (shell, YAML `#`). */
  wordStart?: boolean;
  /** Only after a blank or at the line start (YAML, TOML-like `#` that may touch a value otherwise). */
  afterBlank?: boolean;
}

/**
 * A comment or string form too irregular for delimiters (Lua `--[==[ ]==]`, Rust `r#"…"#`, C++ `R"x(…)x"`):
 * `start` finds where it may begin, `pattern` (sticky, `s` implied for `[\s\S]`) must match the whole form
 * there or the position is ordinary code. Named groups `open`/`close` mark a comment's delimiters.
 */
export interface PatternForm {
  start: string;
  pattern: string;
  /** Comment forms only: found for suppression directives alone, never for markers (C# `#pragma`). */
  suppressionOnly?: boolean;
  /**
   * When `start` matched but `pattern` does not, the form was opened and never closed: it runs to the
   * end of the text, as an unterminated string does. Without it the position is ordinary code (a Rust
   * lifetime `'a` is not a char literal). Set on every unbounded form, so that a crafted file full of
   * openers cannot make the lexer rescan to the end once per opener.
   */
  unterminatedToEnd?: boolean;
}

/** A string (or other literal text) form. */
export interface StringForm {
  open: string;
  /** Defaults to `open`. */
  close?: string;
  /** Escape character inside the literal (`\`); absent for raw forms. */
  escape?: string;
  /** The closing delimiter written twice stands for itself (SQL `''`, YAML `''`, C# verbatim `""`). */
  doubled?: boolean;
  /** May span lines; otherwise an unterminated literal ends at the line break. */
  multiline?: boolean;
  /** Only when nothing but blanks precede it on its line (Markdown code fences). */
  lineStart?: boolean;
  /** A regex (source) for what must come right before the opener: YAML quotes only open a scalar. */
  after?: string;
}

/**
 * A here-document: `pattern` (sticky) matches the opener and captures the terminator word in group
 * `tag`; the body starts on the next line and ends at a line holding only the terminator (blanks around
 * it allowed, as `<<-`, `<<~` and PHP 7.3 allow).
 */
export interface HeredocForm {
  start: string;
  pattern: string;
}

export interface LanguageSyntax {
  /** Stable id (`python`, `go`): config keys, test names. */
  id: string;
  /** File extensions with the dot, lower case. */
  extensions: string[];
  /** Whole file names (`Dockerfile`, `Makefile`), matched case-insensitively; `Name.*` matches `Name.dev`. */
  fileNames?: string[];
  comments: CommentForm[];
  commentPatterns?: PatternForm[];
  strings: StringForm[];
  stringPatterns?: PatternForm[];
  heredocs?: HeredocForm[];
  /** Suppression directives recognised at the start of a comment's text, `kind: suppression`. */
  suppressions: string[];
  /** Markdown-like: `- [ ] text` lines are task items when the `tasks` setting is on. */
  taskItems?: boolean;
}
