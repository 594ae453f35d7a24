// Where in the file a platform error about a field belongs. The platform names fields as
// JSON paths; the author needs a line. When the field is absent (a missing required key) the
// nearest ancestor that exists carries the diagnostic, since that is where it would be added.
import { formatPath, parseFieldPath } from './fieldPaths';
import { locate, type ParsedCampaign } from './parse';
import type { Range } from './types';

export interface FieldLocation {
  range: Range;
  /** The path that was found: the field itself, or the ancestor used instead. */
  foundPath: string;
  exact: boolean;
}

export function rangeForField(parsed: ParsedCampaign, field: string | undefined): FieldLocation {
  const path = field ? parseFieldPath(field) : [];
  for (let length = path.length; length > 0; length--) {
    const prefix = path.slice(0, length);
    const located = locate(parsed, prefix);
    if (!located) continue;
    const offsets = located.keyRange && length < path.length ? located.keyRange : located.reportRange;
    return { range: parsed.lines.range(offsets[0], offsets[1]), foundPath: formatPath(prefix), exact: length === path.length };
  }
  // Nothing matched: the first line, where the campaign starts.
  const firstKey = parsed.document?.contents?.range;
  const start = firstKey ? firstKey[0] : 0;
  return {
    range: parsed.lines.range(
      start,
      start + Math.max(0, parsed.lines.lineText(parsed.lines.positionAt(start).line).length - parsed.lines.positionAt(start).character),
    ),
    foundPath: '',
    exact: false,
  };
}
