import type { TextDocument } from 'vscode-languageserver-textdocument';
import { campaignTimeZone, canReparseFrom, parseCampaign, type ParsedCampaign } from '../../core/src';

/**
 * How much text (in characters) the kept parses may cover, besides the most recent document's,
 * which is always kept whatever its size. A parse (yaml Document, syntax tree, plain value,
 * line table) holds 25-55 bytes per character of text: about 45 MB for a 50,000-line file,
 * about 23 KB for a small one of 900 characters. So this keeps the last 250 or so such small
 * files (6-14 MB at most) but only one large file; the others keep a `DocumentSummary` and are parsed again, in full,
 * if a request comes for them (1-2 ms for a small file, 0.1-0.5 s for a 50,000-line one, once,
 * on the first request after switching to it). A budget in characters rather than a count
 * bounds memory whatever the sizes of the open files.
 */
export const PARSE_BUDGET_CHARS = 256_000;

/** What other documents need to know about a document whose parse is not kept. */
export interface DocumentSummary {
  /** `dialingStrategy.callingHours.timezone`, for completion's "used in this workspace" ordering. */
  readonly timeZone: string | undefined;
}

interface Entry {
  version: number;
  /** The last parse, while the document is among the most recently used (see `PARSE_BUDGET_CHARS`). */
  parsed?: ParsedCampaign;
  /** Of `version`; computed when asked for, or when the parse is dropped. */
  summary?: DocumentSummary;
}

/**
 * The last parse of the documents in use, keyed by version: validation parses once per
 * change and every later request (completion, hover, code actions) reuses it. A change is
 * parsed from the previous parse, so on a large file only the part that changed is read
 * again (measured by bench/: about 10x less per keystroke on a 50,000-line file).
 *
 * Only the most recently parsed or requested documents keep their parse, within
 * `PARSE_BUDGET_CHARS` (the one just edited always does: each change makes it the most
 * recent); the rest keep a summary. With hundreds of files open this is what bounds memory
 * (bench: peak resident memory with 306 files open, docs/performance.md).
 */
export class CampaignDocuments {
  /** Every known document; Map order is recency of use, oldest first. */
  private readonly entries = new Map<string, Entry>();
  private readonly budgetChars: number;

  constructor(budgetChars = PARSE_BUDGET_CHARS) {
    this.budgetChars = budgetChars;
  }

  get(document: TextDocument): ParsedCampaign {
    const entry = this.entries.get(document.uri);
    if (entry?.parsed && entry.version === document.version) {
      this.touch(document.uri, entry);
      return entry.parsed;
    }
    // Room is made before parsing, not after: a large file's parse and the one it replaces in
    // the budget are never alive together (that would raise the peak by a whole parse). The
    // document's own previous parse is handed over when its tree and Document can be reused in
    // place; otherwise it is dropped here, for the same reason.
    const previous = entry?.parsed && canReparseFrom(entry.parsed) ? entry.parsed : undefined;
    this.touch(document.uri, { version: document.version });
    this.evict(document.uri);
    const parsed = parseCampaign(document.getText(), previous);
    this.touch(document.uri, { version: document.version, parsed });
    return parsed;
  }

  /**
   * The summary of the document's current version, without making it recent: read for every
   * other open document on each completion, so it must not parse them again when it can help.
   */
  summary(document: TextDocument): DocumentSummary {
    const entry = this.entries.get(document.uri);
    if (entry && entry.version === document.version) {
      if (!entry.summary) entry.summary = summarize(entry.parsed ?? parseCampaign(document.getText()));
      return entry.summary;
    }
    // Not validated at this version (validation off, or not yet run): parse once, keep only the summary.
    const summary = summarize(parseCampaign(document.getText()));
    // A summary-only entry holds no parse, so its place in the recency order does not matter.
    this.entries.set(document.uri, { version: document.version, summary });
    return summary;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  private touch(uri: string, entry: Entry): void {
    this.entries.delete(uri);
    this.entries.set(uri, entry);
  }

  /** Drop the parses beyond the budget, oldest first, keeping what other documents need from them. `newest` is not counted. */
  private evict(newest: string): void {
    let chars = 0;
    let full = false;
    const newestFirst = [...this.entries].reverse();
    for (const [uri, entry] of newestFirst) {
      if (!entry.parsed || uri === newest) continue;
      const size = entry.parsed.text.length;
      // Once one parse is over the budget, every older one goes too (strict recency).
      if (!full && chars + size <= this.budgetChars) {
        chars += size;
        continue;
      }
      full = true;
      entry.summary ??= summarize(entry.parsed);
      entry.parsed = undefined;
    }
  }
}

function summarize(parsed: ParsedCampaign): DocumentSummary {
  return { timeZone: campaignTimeZone(parsed) };
}
