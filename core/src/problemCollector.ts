// The problems a validation keeps. An editor is sent at most `koreCampaign.validate.maxProblems`
// of them: errors first, then warnings, then the rest, each in document order. Of each rank only
// the first `max` in document order can ever be sent, so only those are held, and the others are
// dropped as they are found, while the garbage collector still sees them as young. Kept until
// validation ended instead, the tens of thousands of problems of a large broken file were
// promoted into the old generation and set off full collections of the whole heap, the parse
// included: most of validation's time. The CLI keeps every problem (no `max`).
import type { Problem } from './problem';
import { Heap } from './heap';
import type { Severity } from './types';

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 2 };

/** Document order; on one position by code; then as found (what a stable sort of the found order gave). */
function inDocumentOrder(a: Problem, b: Problem): number {
  return a.start - b.start || a.code.localeCompare(b.code) || a.sequence - b.sequence;
}

export class ProblemCollector {
  /** Per rank, the first `max` in document order so far: the last of them on top, to be replaced by an earlier one. */
  private readonly ranks = [0, 1, 2].map(() => new Heap<Problem>((a, b) => inDocumentOrder(b, a)));
  /** Without a limit (the CLI), every problem, sorted once at the end. */
  private readonly all: Problem[] = [];
  private found = 0;

  /** `severities`: the settings' overrides per code, applied as problems arrive (`off` ones are not counted). */
  constructor(
    private readonly max = Infinity,
    private readonly severities?: Readonly<Record<string, Severity | 'off'>>,
  ) {}

  add(problem: Problem): void {
    const override = this.severities?.[problem.code];
    if (override === 'off') return;
    if (override) problem.severity = override;
    problem.sequence = this.found++;
    if (this.max === Infinity) {
      this.all.push(problem);
      return;
    }
    const held = this.ranks[RANK[problem.severity]];
    if (held.size < this.max) held.push(problem);
    else if (inDocumentOrder(problem, held.peek()!) < 0) held.replaceFirst(problem);
  }

  /** What is kept, in the order it is shown: document order when nothing was left out, else by rank first. */
  result(): { problems: Problem[]; omitted: number } {
    if (this.max === Infinity) return { problems: this.all.sort(inDocumentOrder), omitted: 0 };
    const byRank = this.ranks.map((held) => held.toArray().sort(inDocumentOrder));
    if (this.found <= this.max) return { problems: byRank.flat().sort(inDocumentOrder), omitted: 0 };
    const problems = byRank.flat().slice(0, this.max);
    return { problems, omitted: this.found - problems.length };
  }
}
