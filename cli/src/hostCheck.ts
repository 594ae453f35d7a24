// KORE_HOST as the CLI accepts it: the platform's host rules (platform/src/connection.ts), plus
// one for pipelines (below).
import { HostError, normaliseHost } from '../../platform/src';

/**
 * Why KORE_HOST cannot work. A scheme-less loopback host (127.0.0.1:4777) would be tried over
 * https, which the local sandbox does not speak: every retry fails the same way, so it is a
 * usage error with the fix, not "try again later".
 */
export function hostProblem(host: string): string | undefined {
  let normalised;
  try {
    normalised = normaliseHost(host);
  } catch (error) {
    if (!(error instanceof HostError)) throw error;
    return error.message;
  }
  if (normalised.loopback && !/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) {
    return `"${host}" has no scheme, so it would be tried over https, which the local sandbox does not speak. Write KORE_HOST=http://${host}.`;
  }
  return undefined;
}
