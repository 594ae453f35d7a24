// Scans of one line of user text, written as loops rather than regexes: the regexes they
// replace (`/\s+#.*$/`, a lazy key before `\s*:`) backtrack quadratically on long runs of
// spaces or tabs, which a hostile or broken file has (seconds per keystroke on a long run of tabs).

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 10 || code === 12 || code === 11 || code === 0xa0 || code === 0xfeff;
}

/** The line without its comment: cut before the whitespace that precedes the first `#` preceded by whitespace. */
export function withoutComment(line: string): string {
  for (let hash = line.indexOf('#', 1); hash !== -1; hash = line.indexOf('#', hash + 1)) {
    if (!isSpace(line.charCodeAt(hash - 1))) continue;
    let start = hash - 1;
    while (start > 0 && isSpace(line.charCodeAt(start - 1))) start--;
    return line.slice(0, start);
  }
  return line;
}

/**
 * The length of the mapping key that `text` starts with (a quoted key, or plain text up to
 * the first `:` that is followed by whitespace or the end), trailing spaces excluded; 0 when
 * the text does not start with a key.
 */
export function keyLength(text: string): number {
  const quote = text[0];
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, 1);
    if (close !== -1 && colonFollows(text, close + 1)) return close + 1;
  }
  let end = 0;
  while (end < text.length && text[end] !== ':' && text[end] !== '#' && text[end] !== '\n') end++;
  if (text[end] !== ':' || !(end + 1 >= text.length || isSpace(text.charCodeAt(end + 1)))) return 0;
  let length = end;
  while (length > 1 && isSpace(text.charCodeAt(length - 1))) length--;
  return end > 0 ? length : 0;
}

/** Whether `text` from `from` is optional whitespace, a `:`, then whitespace or the end. */
function colonFollows(text: string, from: number): boolean {
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return text[i] === ':' && (i + 1 >= text.length || isSpace(text.charCodeAt(i + 1)));
}
