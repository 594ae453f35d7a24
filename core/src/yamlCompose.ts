// yaml's Composer, with a ceiling on the errors it collects: each error is an Error object
// (with a stack trace), and broken text can make one per character (a line of quotes, of
// closing braces). The first `PARSE_LIMITS.maxYamlErrors` are kept; the rest are only counted.
// Most errors come through the composer's onError, which is wrapped; error tokens from the
// parser are pushed onto the document directly, so while composing no stack trace is taken
// (the errors carry their position; a trace of the composer's internals helps no one).
import { Composer, type CST, type Document } from 'yaml';
import type { ComposeOptions } from './incrementalTypes';
import { PARSE_LIMITS } from './limits';

/** Errors and warnings dropped for each composed document (only those over the limit). */
const omitted = new WeakMap<Document.Parsed, number>();

/** How many more YAML errors and warnings `document` had than it kept. */
export function omittedYamlErrors(document: Document.Parsed | undefined): number {
  return (document && omitted.get(document)) ?? 0;
}

/** Counts `count` more errors as left out of `document` (for checks made after composing). */
export function addOmittedYamlErrors(document: Document.Parsed, count: number): void {
  omitted.set(document, (omitted.get(document) ?? 0) + count);
}

export function compose(tokens: CST.Token[], options: ComposeOptions, maxErrors: number = PARSE_LIMITS.maxYamlErrors): Document.Parsed[] {
  let dropped = 0;
  // Error tokens between documents (a line of stray `}`) become errors one by one: past the limit they are only counted.
  let errorTokens = 0;
  const kept = tokens.filter((token) => token.type !== 'error' || ++errorTokens <= maxErrors || (dropped++, false));
  const composer = new Composer(options);
  const hooks = composer as unknown as { onError: (...args: unknown[]) => void };
  const report = hooks.onError;
  let reported = 0;
  // onError is an instance field that the Composer reads at each call: wrapping it is enough.
  hooks.onError = (...args) => {
    if (reported >= maxErrors) dropped++;
    else {
      reported++;
      report(...args);
    }
  };
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let documents: Document.Parsed[];
  try {
    documents = Array.from(composer.compose(kept)) as Document.Parsed[];
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  for (const document of documents) {
    if (document.errors.length > maxErrors) {
      dropped += document.errors.length - maxErrors;
      document.errors.length = maxErrors;
    }
  }
  // The campaign is the first document: the count goes where its problems are reported.
  if (dropped && documents[0]) omitted.set(documents[0], dropped);
  return documents;
}
