// Exit codes, shared by every command that talks to the platform so a script can tell a
// refusal from a network failure whatever command it ran. Documented in docs/push.md and
// docs/round-trip.md; the numbers are a contract.
import type { PlatformFailure } from '../../platform/src';

/** Exit codes of `push` (and of any command's platform failures). */
export const PUSH_EXIT = {
  ok: 0,
  /** The file has errors (the same checks as `validate`): nothing was sent. */
  invalidFile: 1,
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
  /** Interrupted (Ctrl+C). */
  cancelled: 130,
} as const;

/** The round trip's own codes: not failures, outcomes a script branches on. */
export const ROUNDTRIP_EXIT = {
  /** plan: at least one file differs from the platform (drift, or changes not pushed yet). */
  differences: 8,
  /** push: the campaign is Active on the platform; nothing was sent (use --force). */
  active: 9,
  /** pull: a file with local changes would be overwritten; it was left alone (use --overwrite). */
  conflict: 10,
} as const;

export const EXIT_FOR_FAILURE: Record<PlatformFailure['kind'], number> = {
  invalid: PUSH_EXIT.rejected,
  'credentials-rejected': PUSH_EXIT.credentials,
  'not-found': PUSH_EXIT.notFound,
  unavailable: PUSH_EXIT.unavailable,
  'network-error': PUSH_EXIT.unavailable,
  timeout: PUSH_EXIT.unavailable,
  'http-error': PUSH_EXIT.unexpected,
  cancelled: PUSH_EXIT.cancelled,
  refused: PUSH_EXIT.usage,
};
