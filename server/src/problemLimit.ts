// `koreCampaign.validate.maxProblems`: a file with thousands of problems (a 50,000-line file of
// overlapping windows) would publish them all on every keystroke, most of the edit latency and
// of no use to a reader. The editor gets the most severe first (core's validateCampaignLimited,
// which also builds quick fixes for those only) and a note saying how many more there are; the
// CLI, which lists problems for a log or CI, reports all of them.
import { DIAGNOSTIC_SOURCE, type CampaignDiagnostic } from '../../core/src';

export const DEFAULT_MAX_PROBLEMS = 1000;

/** The last diagnostic when `omitted` problems were left out of the `max` shown. */
export function omittedProblemsNote(omitted: number, max: number): CampaignDiagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 'information',
    code: 'too-many-problems',
    message: `${omitted.toLocaleString('en-US')} more problems are not listed (koreCampaign.validate.maxProblems is ${max}): errors come first. \`kore-campaign validate\` lists them all.`,
    source: DIAGNOSTIC_SOURCE,
  };
}
