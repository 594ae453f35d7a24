// `koreCampaign.validate.maxProblems`: a file with thousands of problems (a 50,000-line file of
// overlapping windows) would publish them all on every keystroke, most of the edit latency and
// of no use to a reader. The editor gets the most severe first and a note saying how many more
// there are; the CLI, which lists problems for a log or CI, reports all of them.
import { DIAGNOSTIC_SOURCE, type CampaignDiagnostic, type Severity } from '../../core/src';

export const DEFAULT_MAX_PROBLEMS = 1000;

const ORDER: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 2 };

/** At most `max` diagnostics, errors first, then warnings, then the rest (each in document order), and a note when some were left out. */
export function limitProblems(diagnostics: readonly CampaignDiagnostic[], max: number): CampaignDiagnostic[] {
  if (diagnostics.length <= max) return [...diagnostics];
  const byRank: CampaignDiagnostic[][] = [[], [], []];
  for (const diagnostic of diagnostics) byRank[ORDER[diagnostic.severity]].push(diagnostic);
  const kept = byRank.flat().slice(0, max);
  const left = diagnostics.length - kept.length;
  kept.push({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 'information',
    code: 'too-many-problems',
    message: `${left.toLocaleString('en-US')} more problems are not listed (koreCampaign.validate.maxProblems is ${max}): errors come first. \`kore-campaign validate\` lists them all.`,
    source: DIAGNOSTIC_SOURCE,
  });
  return kept;
}
