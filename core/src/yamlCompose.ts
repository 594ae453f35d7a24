// yaml's Composer, with a ceiling on the errors it collects: each error is an Error object
// (with a stack trace), and broken text can make one per character (a line of quotes). The
// first `PARSE_LIMITS.maxYamlErrors` are kept; the rest are only counted.
import { Composer, type CST, type Document } from 'yaml';
import type { ComposeOptions } from './incrementalTypes';
import { PARSE_LIMITS } from './limits';

/** Errors and warnings dropped for each composed document (only those over the limit). */
const omitted = new WeakMap<Document.Parsed, number>();

/** How many more YAML errors and warnings `document` had than it kept. */
export function omittedYamlErrors(document: Document.Parsed | undefined): number {
  return (document && omitted.get(document)) ?? 0;
}

export function compose(tokens: CST.Token[], options: ComposeOptions, maxErrors: number = PARSE_LIMITS.maxYamlErrors): Document.Parsed[] {
  const composer = new Composer(options);
  const hooks = composer as unknown as { onError: (...args: unknown[]) => void };
  const report = hooks.onError;
  let kept = 0;
  let dropped = 0;
  // onError is an instance field that the Composer reads at each call: wrapping it is enough.
  hooks.onError = (...args) => {
    if (kept >= maxErrors) dropped++;
    else {
      kept++;
      report(...args);
    }
  };
  const documents = Array.from(composer.compose(tokens)) as Document.Parsed[];
  // The campaign is the first document: the count goes where its problems are reported.
  if (dropped && documents[0]) omitted.set(documents[0], dropped);
  return documents;
}
