// Completion and hover for `contactLists` entries from the platform's lists (when known):
// the names with their contact counts, quoted when YAML needs it, the ones already listed
// left out; on a name, its count, status and the other campaigns using it.
import { isScalar, isSeq } from 'yaml';
import { stringScalarText } from '../edits/yamlEdits';
import { CONTACT_LISTS } from '../fieldPaths';
import { contactCount, type ContactListFacts, type KnownContactLists } from '../knownContactLists';
import { locate, type FieldPath, type ParsedCampaign } from '../parse';
import type { Range } from '../types';
import type { CompletionEntry } from './completionEntry';
import type { CursorContext } from './cursor';

/** `contactLists[n]`: where a list name goes. */
export function isContactListItem(path: FieldPath): boolean {
  return path.length === 2 && path[0] === 'contactLists' && typeof path[1] === 'number';
}

/** The names the file already lists (from the tree, so a half-typed file still has them). */
function listedNames(parsed: ParsedCampaign): Set<string> {
  const names = new Set<string>();
  const seq = locate(parsed, CONTACT_LISTS)?.node;
  if (isSeq(seq)) for (const item of seq.items) if (isScalar(item) && typeof item.value === 'string') names.add(item.value);
  return names;
}

type ValueContext = Extract<CursorContext, { kind: 'key' | 'value' }>;

export function contactListCompletions(parsed: ParsedCampaign, context: ValueContext, known: KnownContactLists): CompletionEntry[] {
  const listed = listedNames(parsed);
  // The entry being typed is in the tree too: it must not hide the list it is the start of.
  const typed = context.prefix.replace(/^["']/, '');
  listed.delete(typed);
  const quote = context.kind === 'value' ? context.quote : undefined;
  // A list item read as a key (`  - "Ren`): the quote the author opened is part of the text replaced.
  const typedQuote = !quote && /^["']/.test(context.prefix) ? (context.prefix[0] as '"' | "'") : undefined;
  const needsSpace = context.kind === 'value' && context.needsSpace;
  const items: CompletionEntry[] = [];
  for (const list of known.all()) {
    if (listed.has(list.name)) continue;
    let insertText: string;
    let range: Range = context.replace;
    if (quote) {
      // Inside a quote the author opened: escape for that quote and close it.
      range = { start: { line: range.start.line, character: range.start.character + 1 }, end: range.end };
      insertText = `${quoted(list.name, quote)}${quote}`;
    } else if (typedQuote) insertText = `${typedQuote}${quoted(list.name, typedQuote)}${typedQuote}`;
    else insertText = `${needsSpace ? ' ' : ''}${stringScalarText(list.name)}`;
    items.push({
      label: list.name,
      kind: 'value',
      detail: [contactCount(list.totalRecordCount), list.status].filter(Boolean).join(' · '),
      documentation: listFacts(list, known.source),
      insertText,
      snippet: false,
      range,
      filterText: quote ? list.name : typedQuote ? `${typedQuote}${list.name}` : insertText.trim(),
      // Lists with contacts first: an empty one is rarely what a campaign wants.
      sortText: `${list.totalRecordCount === 0 ? '1' : '0'}${list.name}`,
    });
  }
  return items;
}

/** `name` escaped for the inside of `quote`. */
function quoted(name: string, quote: '"' | "'"): string {
  return quote === '"' ? JSON.stringify(name).slice(1, -1) : name.replace(/'/g, "''");
}

/** Hover text for a list name, or a note when the platform has no list of that name. */
export function contactListHover(name: string, known: KnownContactLists, campaignId: unknown): string {
  const list = known.get(name);
  if (!list) {
    const suggestion = known.closest(name);
    return `**${name}**: no contact list of this name on ${known.source}${suggestion ? ` (did you mean **${suggestion}**?)` : ''}.`;
  }
  return listFacts(list, known.source, typeof campaignId === 'string' ? campaignId : undefined);
}

function listFacts(list: ContactListFacts, source: string, campaignId?: string): string {
  const others = (list.campaignInUse ?? []).filter((id) => id !== campaignId);
  const usedBy = others.length
    ? `Also used by ${others.length === 1 ? 'campaign' : `${others.length} campaigns`}: ${others.map((id) => `\`${id}\``).join(', ')}.`
    : 'No other campaign uses it.';
  return `**Contact list** ${list.name} on ${source}: ${contactCount(list.totalRecordCount)}${list.status ? `, status ${list.status}` : ''}.\n\n${usedBy}`;
}
