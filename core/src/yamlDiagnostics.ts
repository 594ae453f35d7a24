// Problems with the YAML itself, reported where they occur, before any campaign rule runs.
import { isMap, isSeq, type Document } from 'yaml';
import { unresolvedAliases } from './aliases';
import { keyLength, withoutComment } from './lineText';
import type { ParsedCampaign } from './parse';
import { DIAGNOSTIC_SOURCE, type CampaignDiagnostic, type Severity } from './types';

const MESSAGES: Record<string, (source: string) => string> = {
  DUPLICATE_KEY: (key) =>
    `The key "${key}" appears more than once in this mapping; the API would receive only one of them. Remove or rename one.`,
  TAB_AS_INDENT: () => 'Tabs cannot indent YAML: use spaces.',
  MISSING_CHAR: () => 'A closing quote or bracket is missing.',
  BAD_INDENT: () => 'This line is not indented consistently with the lines around it.',
  BLOCK_AS_IMPLICIT_KEY: () => 'A mapping cannot start on the same line as its key: put the nested fields on the next lines, indented.',
  MULTILINE_IMPLICIT_KEY: () => 'A key must fit on one line; a quote or bracket may be left open above.',
};

const CODES: Record<string, string> = {
  DUPLICATE_KEY: 'duplicate-key',
  TAB_AS_INDENT: 'yaml-tab',
};

export function yamlDiagnostics(parsed: ParsedCampaign): CampaignDiagnostic[] {
  const out: CampaignDiagnostic[] = [];
  const push = (start: number, end: number, code: string, message: string, severity: Severity = 'error') =>
    out.push({ range: parsed.lines.range(start, end), severity, code, message, source: DIAGNOSTIC_SOURCE });

  if (parsed.valueError && !parsed.document) {
    const [start, end] = parsed.valueError.offset;
    push(start, end, parsed.valueError.code, parsed.valueError.message);
    return out;
  }
  const { document, documents } = parsed;
  if (!document || document.contents === null || documents.length === 0) {
    if (documents.length <= 1 && !document?.errors.length) {
      push(
        0,
        0,
        'empty-file',
        'This file holds no campaign. A campaign is a mapping of fields such as name, description, contactLists and dialingStrategy (an empty file offers a template on completion).',
      );
      return out;
    }
  }

  documents.forEach((doc, index) => {
    if (index === 1) {
      const start = documentStart(parsed, doc);
      const end = parsed.lines.lineEnd(parsed.lines.positionAt(start).line);
      push(
        start,
        end,
        'yaml-multiple-documents',
        'A campaign file holds one YAML document: this second document would not be pushed. Move it to a file of its own.',
      );
    }
    if (index > 0) return;
    // After the first syntax error the parser's recovery reports lines that are fine
    // (a tab shifts every later line): show the first one; duplicate keys are independent.
    let syntaxErrorShown = false;
    const before = out.length;
    for (const error of doc.errors) {
      const independent = error.code === 'DUPLICATE_KEY';
      if (!independent && syntaxErrorShown) continue;
      if (!independent) syntaxErrorShown = true;
      const [start, end] = errorSpan(parsed, error.code, error.pos);
      const source = parsed.text.slice(start, end);
      const message = MESSAGES[error.code]?.(source) ?? plainYamlMessage(error.message);
      push(start, end, CODES[error.code] ?? 'yaml-syntax', message);
    }
    for (const warning of doc.warnings) {
      push(warning.pos[0], warning.pos[1], 'yaml-warning', plainYamlMessage(warning.message), 'warning');
    }
    // Past the limit, yaml's errors were only counted (yamlCompose.ts): say so, where the last one shown is.
    const omitted = parsed.yamlErrorsOmitted ?? 0;
    if (omitted > 0) {
      const more = doc.errors.length + doc.warnings.length + omitted - (out.length - before);
      const at = out[out.length - 1]?.range ?? parsed.lines.range(0, 0);
      out.push({
        range: at,
        severity: 'error',
        code: 'yaml-too-many-problems',
        message: `${more.toLocaleString('en-US')} more YAML problems were found after these and not listed. Fix the first ones: most of the rest usually follow from them.`,
        source: DIAGNOSTIC_SOURCE,
      });
    }
  });

  if (document && document.errors.length === 0) {
    const unresolved = parsed.text.includes('*') ? unresolvedAliases(parsed, document) : [];
    for (const alias of unresolved) {
      const [start, end] = alias.range ?? [0, 0];
      push(
        start,
        end,
        'yaml-undefined-alias',
        `The alias *${alias.source} refers to no anchor: define &${alias.source} earlier in the file, or write the value out.`,
      );
    }
    for (const [start, end] of parsed.mergeKeys ?? []) {
      push(
        start,
        end,
        'yaml-merge-key',
        'Merge keys (<<, !!merge) are not supported: the API reads this file as JSON, where << is an ordinary key. Write the fields out.',
      );
    }
    if (unresolved.length === 0 && parsed.valueError) {
      const [start, end] = parsed.valueError.offset;
      push(start, end, parsed.valueError.code, parsed.valueError.message);
    }
    if (unresolved.length === 0 && !parsed.valueError && document.contents && !isMap(document.contents)) {
      const found = isSeq(document.contents) ? 'a list' : 'a single value';
      const range = document.contents.range ?? [0, 0];
      push(
        range[0],
        range[1],
        'not-a-mapping',
        `A campaign file must be a mapping of fields (name: ..., description: ...); found ${found}.`,
      );
    }
  }
  return out;
}

/**
 * What to underline: yaml marks one character; authors need the key, the line or the open quote.
 */
function errorSpan(parsed: ParsedCampaign, code: string, pos: [number, number]): [number, number] {
  const { lines, text } = parsed;
  const line = lines.positionAt(pos[0]).line;
  const lineStart = lines.lineStart(line);
  const lineEnd = lines.lineEnd(line);
  const content = text.slice(lineStart, lineEnd);
  const contentStart = lineStart + (content.length - content.trimStart().length);
  const contentEnd = lineStart + withoutComment(content).trimEnd().length;
  switch (code) {
    case 'DUPLICATE_KEY': {
      const key = keyLength(text.slice(pos[0], lineEnd));
      return [pos[0], pos[0] + (key || Math.max(1, pos[1] - pos[0]))];
    }
    case 'BAD_INDENT':
    case 'TAB_AS_INDENT':
      return contentEnd > lineStart ? [lineStart, contentEnd] : [pos[0], Math.max(pos[1], pos[0] + 1)];
    case 'MISSING_CHAR': {
      // The error sits where the closing quote should be; the open quote is on the line where the value began.
      const openLine = lines.positionAt(Math.max(0, pos[0] - 1)).line;
      const openText = lines.lineText(openLine);
      const quote = openText.search(/["']/);
      const from = quote === -1 ? lines.lineStart(openLine) : lines.lineStart(openLine) + quote;
      return [from, lines.lineStart(openLine) + openText.trimEnd().length];
    }
    default:
      return pos[1] > pos[0] ? [pos[0], pos[1]] : [contentStart < pos[0] ? pos[0] : contentStart, Math.max(contentEnd, pos[0] + 1)];
  }
}

/** yaml's messages without their position suffix (the range already says where). */
function plainYamlMessage(message: string): string {
  const first = message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
  return `YAML syntax: ${first.charAt(0).toLowerCase()}${first.slice(1)}${/[.!?]$/.test(first) ? '' : '.'}`;
}

function documentStart(parsed: ParsedCampaign, doc: Document.Parsed): number {
  const start = doc.range[0];
  const marker = parsed.text.indexOf('---', start);
  const contentStart = doc.contents?.range?.[0] ?? start;
  return marker !== -1 && marker <= contentStart ? marker : contentStart;
}
