// The CLI's exit codes, one table for every command, so a script can tell a refusal from a
// network failure whatever command it ran. Documented in each command's --help, docs/ci.md,
// docs/push.md and docs/round-trip.md; the numbers are a contract.
import type { PlatformFailure } from '../../platform/src';

export const EXIT = {
  ok: 0,
  /** The file has errors (validate: at least one, or more warnings than --max-warnings): nothing was sent. */
  problems: 1,
  /** Bad usage, unreadable file, missing or unsafe configuration: nothing was sent. */
  usage: 2,
  /** The platform refused the campaign (HTTP 400). */
  rejected: 3,
  /** The platform rejected the credentials (HTTP 401/403). */
  credentials: 4,
  /** No campaign with that id (HTTP 404). */
  notFound: 5,
  /** Worth trying again later: 429/502/503/504 on every try, network error or timeout. */
  unavailable: 6,
  /** Any other answer (an unexpected status or body). */
  unexpected: 7,
  /** plan: at least one file differs from the platform (drift, or changes not pushed yet). */
  differences: 8,
  /** push: the campaign is Active on the platform; nothing was sent (use --force). */
  active: 9,
  /** pull: a file with local changes would be overwritten; it was left alone (use --overwrite). */
  conflict: 10,
  /** Interrupted (Ctrl+C). */
  cancelled: 130,
} as const;

export const EXIT_FOR_FAILURE: Record<PlatformFailure['kind'], number> = {
  invalid: EXIT.rejected,
  'credentials-rejected': EXIT.credentials,
  'not-found': EXIT.notFound,
  unavailable: EXIT.unavailable,
  'network-error': EXIT.unavailable,
  timeout: EXIT.unavailable,
  'http-error': EXIT.unexpected,
  cancelled: EXIT.cancelled,
  refused: EXIT.usage,
};
