/**
 * C0 and C1 control characters (except tab, LF and CR, which callers fold or encode themselves), DEL, and
 * the bidirectional overrides and isolates that reorder what a reader sees ("Trojan Source"). A comment or
 * file name carrying ESC can clear a terminal, retitle its window or plant an OSC 8 hyperlink; BEL rings.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Line breaks of every kind: CRLF, lone CR, LF, NEL, and the Unicode line and paragraph separators. */
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/** Replaces each control character with U+FFFD, so the text stays visibly altered rather than silently shortened. */
export function stripControls(text: string): string {
  return text.replace(CONTROLS, '\ufffd');
}

/** One line of plain text for human-readable output: controls replaced, line breaks and tabs folded to a space. */
export function oneLine(text: string): string {
  return stripControls(text).replace(LINE_BREAKS, ' ').replace(/\t/g, ' ');
}

/** Whether the text holds anything `oneLine` would change (for tests and assertions). */
export function hasControls(text: string): boolean {
  CONTROLS.lastIndex = 0;
  return CONTROLS.test(text);
}
