// Code actions over the fixes the validator attached to each diagnostic: one quick fix per
// fix, and "Fix all auto-fixable problems", which applies every preferred fix whose edits do
// not touch another's (the rest wait for the next run, as linters' fix-all does).
import type { CampaignDiagnostic, Fix, Range, TextEdit } from '../types';

export const FIX_ALL_KIND = 'source.fixAll.kore-campaign';
export const FIX_ALL_TITLE = 'Fix all auto-fixable problems';

/** What the code actions need of a diagnostic: where it is and its fixes. */
export type FixableDiagnostic = Pick<CampaignDiagnostic, 'range'> & { fixes?: readonly Fix[] };

export interface CampaignCodeAction {
  title: string;
  kind: 'quickfix' | typeof FIX_ALL_KIND;
  edits: TextEdit[];
  preferred?: boolean;
  /** Indices into the diagnostics given, of those this action fixes. */
  diagnostics: number[];
}

/** The quick fixes of the diagnostics that touch `range` (the cursor or selection). */
export function quickFixes(diagnostics: readonly FixableDiagnostic[], range: Range): CampaignCodeAction[] {
  const actions: CampaignCodeAction[] = [];
  diagnostics.forEach((diagnostic, index) => {
    if (!diagnostic.fixes?.length || !touches(diagnostic.range, range)) return;
    for (const fix of diagnostic.fixes) {
      actions.push({
        title: fix.title,
        kind: 'quickfix',
        edits: fix.edits,
        ...(fix.preferred ? { preferred: true } : {}),
        diagnostics: [index],
      });
    }
  });
  return actions;
}

/** Every preferred fix at once, skipping any whose edits overlap one already taken. */
export function fixAll(diagnostics: readonly FixableDiagnostic[]): CampaignCodeAction | undefined {
  // Taken edits stay sorted and disjoint, so a new edit can only overlap its two neighbours:
  // a binary search per edit keeps files with thousands of fixes fast.
  const taken: TextEdit[] = [];
  const fixed: number[] = [];
  const candidates = diagnostics
    .map((diagnostic, index) => ({ index, fix: diagnostic.fixes?.find((f) => f.preferred) }))
    .filter((c): c is { index: number; fix: Fix } => c.fix !== undefined && c.fix.edits.length > 0);
  for (const { index, fix } of candidates) {
    const edits = [...fix.edits].sort((a, b) => compare(a.range.start, b.range.start));
    if (edits.some((edit, i) => (i > 0 && overlaps(edit.range, edits[i - 1].range)) || conflicts(taken, edit))) continue;
    for (const edit of edits) taken.splice(insertionIndex(taken, edit), 0, edit);
    fixed.push(index);
  }
  if (fixed.length === 0) return undefined;
  return { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edits: taken, diagnostics: fixed };
}

function insertionIndex(sorted: readonly TextEdit[], edit: TextEdit): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compare(sorted[mid].range.start, edit.range.start) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

function conflicts(sorted: readonly TextEdit[], edit: TextEdit): boolean {
  const at = insertionIndex(sorted, edit);
  // Neighbours by start; an earlier edit with the same start sits just before `at`.
  for (let i = Math.max(0, at - 2); i <= Math.min(sorted.length - 1, at + 1); i++) if (overlaps(sorted[i].range, edit.range)) return true;
  return false;
}

function compare(a: Range['start'], b: Range['start']): number {
  return a.line - b.line || a.character - b.character;
}

/** Ranges that share any position: two insertions at one point conflict too (their order is unknown). */
function overlaps(a: Range, b: Range): boolean {
  return compare(a.start, b.end) <= 0 && compare(b.start, a.end) <= 0 && !(isAfterEmpty(a, b) || isAfterEmpty(b, a));
}

/** `a` ends exactly where a non-empty `b` starts (or the reverse): adjacent, not overlapping. */
function isAfterEmpty(a: Range, b: Range): boolean {
  const aEmpty = compare(a.start, a.end) === 0;
  const bEmpty = compare(b.start, b.end) === 0;
  if (aEmpty && bEmpty) return false;
  return compare(a.end, b.start) === 0 || compare(b.end, a.start) === 0;
}

function touches(a: Range, b: Range): boolean {
  return compare(a.start, b.end) <= 0 && compare(b.start, a.end) <= 0;
}
