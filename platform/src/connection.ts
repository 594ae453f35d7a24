// Where a push goes. Host rules live here so the extension, the CLI and the sandbox
// agree on them: https everywhere, plain http only to this machine (the local sandbox),
// because the `auth` header carries a bearer token that anyone on the path could replay.

export interface Connection {
  /** Stable id; secrets are keyed by it and the host, so renaming keeps them and re-hosting drops them. */
  id: string;
  /** What the user calls it: "Production", "Local sandbox". */
  name: string;
  /** As the user typed it (`platform.kore.ai`, `https://platform.kore.ai`, `http://127.0.0.1:4777`). */
  host: string;
  /** Application id (`st-...`): the path segment and the `iid` header. */
  iid: string;
  accountId: string;
}

export class HostError extends Error {
  override readonly name = 'HostError';
}

export interface NormalisedHost {
  /** `https://platform.kore.ai` or `http://127.0.0.1:4777`: scheme, host and port, no path. */
  origin: string;
  hostname: string;
  loopback: boolean;
}

/**
 * True for names and addresses that never leave this machine. `localhost` itself only: other
 * `*.localhost` names are reserved but, here, resolved through DNS like any other name, and an
 * answer pointing elsewhere would receive the token over plain http.
 */
export function isLoopbackHostname(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost') return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  if (/^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * Accept `platform.kore.ai`, `https://platform.kore.ai`, `https://platform.kore.ai/` and
 * `http://127.0.0.1:4777`; refuse anything that would send the token in clear text to
 * another machine, and anything with a path, query or credentials (they would be silently
 * dropped or, worse, change where the request goes).
 */
export function normaliseHost(input: string): NormalisedHost {
  const trimmed = input.trim();
  if (!trimmed) throw new HostError('The host is empty. Use e.g. platform.kore.ai.');
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `https://${trimmed}`);
  } catch {
    throw new HostError(`"${trimmed}" is not a host name. Use e.g. platform.kore.ai or https://platform.kore.ai.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new HostError(`"${url.protocol}//" is not supported: use https://.`);
  }
  if (url.username || url.password) throw new HostError('The host must not contain a user name or password.');
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new HostError(`Give only the host (e.g. ${url.host}), without a path, query or fragment.`);
  }
  if (!url.hostname) throw new HostError(`"${trimmed}" has no host name.`);
  const loopback = isLoopbackHostname(url.hostname);
  if (url.protocol === 'http:' && !loopback) {
    throw new HostError(
      `http:// is only allowed to this machine (127.0.0.1, localhost); ${url.hostname} must use https:// so the token is not sent in clear text.`,
    );
  }
  return { origin: url.origin, hostname: url.hostname, loopback };
}

/** Why an IID would be refused, or undefined when it looks right. */
export function checkIid(iid: string): string | undefined {
  if (!iid.trim()) return 'The application id (IID) is empty.';
  if (!/^[A-Za-z0-9_.-]+$/.test(iid)) return 'The application id (IID) may contain only letters, digits, "-", "_" and ".".';
  return undefined;
}

/** Why an account id would be refused, or undefined when it looks right. */
export function checkAccountId(accountId: string): string | undefined {
  if (!accountId.trim()) return 'The account id is empty.';
  if (!/^[A-Za-z0-9_.-]+$/.test(accountId)) return 'The account id may contain only letters, digits, "-", "_" and ".".';
  return undefined;
}

/**
 * Campaign ids look like `cd-ed19e3c7-3682-5e72-a839-af9e0711xxxx`. Only the `cd-` prefix
 * and URL-safe characters are checked: the docs themselves show ids whose groups differ in
 * length, so a strict UUID check would refuse real ids.
 */
export const CAMPAIGN_ID_PATTERN = /^cd-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;

export function checkCampaignId(campaignId: unknown): string | undefined {
  if (typeof campaignId !== 'string')
    return `campaignId must be a string like cd-ed19e3c7-3682-5e72-a839-af9e0711xxxx; found ${describeType(campaignId)}.`;
  if (!CAMPAIGN_ID_PATTERN.test(campaignId) || campaignId.length > 100) {
    return `"${campaignId}" is not a campaign id: expected "cd-" followed by letters, digits and dashes, e.g. cd-ed19e3c7-3682-5e72-a839-af9e0711xxxx.`;
  }
  return undefined;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : `the ${typeof value} ${String(value)}`;
}
