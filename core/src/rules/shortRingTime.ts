import { DIALING_STRATEGY } from '../fieldPaths';
import { MIN_RING_SECONDS } from '../policy';
import type { CampaignRule } from './rule';

const MAX_RING_TIME = [...DIALING_STRATEGY, 'maxRingTime'];

/** Hanging up before 15 seconds of ringing is outside the FTC's safe harbour (15 s or 4 rings). */
export const shortRingTime: CampaignRule = {
  codes: ['short-ring-time'],
  check(context) {
    const ring = context.valueAt(MAX_RING_TIME);
    // Out-of-range and non-numbers are the schema's to report.
    if (typeof ring !== 'number' || !Number.isFinite(ring) || ring >= MIN_RING_SECONDS || ring < 5) return;
    context.report({
      path: MAX_RING_TIME,
      code: 'short-ring-time',
      severity: 'information',
      message: `maxRingTime ${ring} s hangs up before ${MIN_RING_SECONDS} s of ringing, the FTC Telemarketing Sales Rule's safe harbour (15 seconds or 4 rings).`,
    });
  },
};
