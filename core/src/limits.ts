// Bounds that keep hostile or mistaken files harmless (a campaign file is a few kilobytes):
// what is over them is reported, never analysed in full. The CLI and the language server
// share these, so both refuse the same files for the same reason.

/**
 * Files larger than this are not parsed: the CLI refuses them and the language server
 * answers them with one diagnostic. A campaign file is a few kilobytes: the limit leaves
 * room for any real file, the benchmark's largest included, and keeps a file that could
 * exhaust memory (docs/performance.md) from being read at all.
 */
export const MAX_CAMPAIGN_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Files with more lines than this are not parsed either. yaml's lexer pays for every line, even
 * an empty one, so a file of a million line breaks (under the size limit) would cost about a
 * second of every keystroke. A campaign file has a few hundred lines; the limit is twice the
 * benchmark's 50,000-line files.
 */
export const MAX_CAMPAIGN_FILE_LINES = 100_000;

/**
 * Nor are files with more YAML marks than this (`:` `,` `-` brackets, `#` and line breaks): yaml's
 * lexer pays for every token, so a megabyte of `x: x: x: ...` or of stray `}` costs far more than
 * a megabyte of ordinary values. The benchmark's 50,000-line files have about half as many.
 */
export const MAX_CAMPAIGN_FILE_MARKS = 200_000;

/** Below this many characters no file can reach the mark limit's cost, and nothing is counted. */
const MARKS_COUNTED_FROM = 400_000;

/** Whether `text` has more YAML marks than `MAX_CAMPAIGN_FILE_MARKS` (linear, stops at the limit). */
export function hasTooManyMarks(text: string): boolean {
  if (text.length < MARKS_COUNTED_FROM) return false;
  let marks = 0;
  for (const mark of [':', ',', '-', '[', ']', '{', '}', '#', '\n']) {
    for (let i = text.indexOf(mark); i !== -1; i = text.indexOf(mark, i + 1)) {
      if (++marks > MAX_CAMPAIGN_FILE_MARKS) return true;
    }
  }
  return false;
}

/**
 * An alias bomb is stopped by yaml's own `maxAliasCount`; deep nesting by a depth check
 * before the recursive composer sees it; a flood of YAML errors (a line of a million quotes
 * is half a million errors) by keeping the first `maxYamlErrors` and counting the rest.
 */
export const PARSE_LIMITS = {
  maxAliasCount: 100,
  maxNestingDepth: 200,
  maxYamlErrors: 100,
} as const;

/** The UTF-8 size of `text`, without encoding it (core does no I/O, so no Buffer). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    // Two bytes up to U+07FF, three above; a surrogate pair is two UTF-16 units for four bytes.
    bytes += c < 0x800 ? 1 : c >= 0xd800 && c <= 0xdbff ? 1 : c >= 0xdc00 && c <= 0xdfff ? 1 : 2;
  }
  return bytes;
}
