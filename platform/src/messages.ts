// From an HTTP answer (or its absence) to what the user is told. The extension and the CLI
// print these messages as they are, so both say the same thing for the same failure. A call that
// got no answer at all is worded in networkMessages.ts.
import { campaignSummary, isSuccessBody, platformErrors, tryParseJson } from './answers';
import type { OutcomeContext, PlatformAction, PlatformError, PlatformFailure, PushOutcome } from './outcome';

/** The words that change with the call: a failed read must not say "nothing was pushed". */
const WORDS: Record<PlatformAction, { noun: string; nothing: string; maybe: string }> = {
  push: {
    noun: 'push',
    nothing: 'nothing was pushed',
    maybe: 'The campaign may or may not have been updated: push again or check it on the platform.',
  },
  read: { noun: 'read', nothing: 'nothing was read', maybe: 'Nothing was changed on the platform; try again.' },
  list: { noun: 'list', nothing: 'nothing was listed', maybe: 'Nothing was changed on the platform; try again.' },
  create: {
    noun: 'create',
    nothing: 'nothing was created',
    maybe: 'The campaign may or may not have been created: check the platform before creating it again.',
  },
};

export function wordsFor(context: Pick<OutcomeContext, 'action'>) {
  return WORDS[context.action ?? 'push'];
}

const BODY_SHOWN = 500;

function verbatim(body: string | undefined): string {
  if (!body) return '';
  const trimmed = body.trim();
  return trimmed.length > BODY_SHOWN ? `${trimmed.slice(0, BODY_SHOWN)}...` : trimmed;
}

/** End with exactly one full stop, whatever the platform's message ended with. */
function endSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function listErrors(errors: PlatformError[], body: string | undefined): string {
  if (errors.length === 0) return body?.trim() ? `: ${verbatim(body)}` : '';
  return `: ${errors.map((e) => (e.field ? `${e.message} (${e.field})` : e.message)).join('; ')}`;
}

export function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`.replace('.0 s', ' s');
}

/** A 2xx whose body is not what the call documents: the call may or may not have worked. */
export function unexpectedSuccessBody(
  status: number,
  bodyText: string,
  context: OutcomeContext,
  attempts: number,
  what = 'the documented success body',
): PlatformFailure {
  const json = tryParseJson(bodyText);
  const shape = json === undefined ? 'not JSON' : `not ${what}`;
  const effect = context.action === 'push' || context.action === undefined ? ', so the push may not have been applied' : '';
  return oddSuccess(status, bodyText, json, attempts, `${context.connectionName} answered HTTP ${status} but ${shape}${effect}: `);
}

/** An `http-error` for a 2xx that is not what the call documents: `lead`, then the body as it came. */
function oddSuccess(status: number, bodyText: string, json: unknown, attempts: number, lead: string): PlatformFailure {
  const errors = platformErrors(json);
  return {
    kind: 'http-error',
    status,
    attempts,
    responseBody: bodyText,
    errors,
    message: `${lead}${verbatim(bodyText) || '(empty body)'}`,
  };
}

/**
 * A create answered 2xx without a campaign id the product can use (`id`, `data.campId`,
 * `data.id`): no file gets a campaignId, and the campaign may exist all the same.
 */
export function createWithoutIdOutcome(status: number, bodyText: string, context: OutcomeContext, attempts: number): PlatformFailure {
  const json = tryParseJson(bodyText);
  const shape =
    json === undefined
      ? 'with an answer that is not JSON'
      : !isSuccessBody(json)
        ? 'without saying success'
        : 'without a campaign id it can use (`id`, `data.campId` or `data.id`)';
  const { maybe } = wordsFor({ action: 'create' });
  return oddSuccess(
    status,
    bodyText,
    json,
    attempts,
    `${context.connectionName} answered the create HTTP ${status} ${shape}: nothing was written. ${maybe} The answer: `,
  );
}

/** Map an answer that is not a 2xx (and will not be retried) to a failure. */
export function failureFromResponse(status: number, bodyText: string, context: OutcomeContext, attempts: number): PlatformFailure {
  const errors = platformErrors(tryParseJson(bodyText));
  const common = { attempts, status, responseBody: bodyText, errors };
  const where = context.connectionName;
  if (status === 400) {
    const count = errors.length;
    const what = context.action === 'create' || context.action === 'push' || context.action === undefined ? 'the campaign' : 'the request';
    return {
      ...common,
      kind: 'invalid',
      status,
      message: `${where} refused ${what} (HTTP 400)${count > 1 ? `, ${count} problems` : ''}${listErrors(errors, bodyText)}`,
    };
  }
  if (status === 401 || status === 403) {
    return {
      ...common,
      kind: 'credentials-rejected',
      status,
      message: `${endSentence(`${where} rejected the credentials (HTTP ${status})${listErrors(errors, bodyText)}`)} Check the Client ID and Client Secret (or the JWT), that the app has the Campaign Management scope, and that IID ${context.iid} and the account id belong to it.`,
    };
  }
  if (status === 404 && context.campaignId) {
    return {
      ...common,
      kind: 'not-found',
      status,
      message: `${endSentence(`No campaign ${context.campaignId} on ${where} (HTTP 404)${listErrors(errors, bodyText)}`)} Check the campaignId, and that ${where} (IID ${context.iid}) is where the campaign lives.`,
    };
  }
  if (status >= 300 && status < 400) {
    return {
      ...common,
      kind: 'http-error',
      message: `${where} answered with a redirect (HTTP ${status}); it was not followed because it would carry the token elsewhere. Check the connection's host.`,
    };
  }
  return { ...common, kind: 'http-error', message: endSentence(`${where} answered HTTP ${status}${listErrors(errors, bodyText)}`) };
}

/** Map a complete push answer that will not be retried to an outcome. */
export function outcomeFromResponse(status: number, bodyText: string, context: OutcomeContext, attempts: number): PushOutcome {
  if (status < 200 || status >= 300) return failureFromResponse(status, bodyText, context, attempts);
  const json = tryParseJson(bodyText);
  if (!isSuccessBody(json)) return unexpectedSuccessBody(status, bodyText, context, attempts);
  const campaign = campaignSummary(json);
  const message = (json as Record<string, unknown>).message;
  const name = campaign.name ?? context.campaignName ?? context.campaignId;
  const details = [
    campaign.status ? `status ${campaign.status}` : undefined,
    campaign.updatedAt ? `updated ${campaign.updatedAt}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return {
    attempts,
    responseBody: bodyText,
    kind: 'success',
    status,
    campaign,
    platformMessage: typeof message === 'string' ? message : undefined,
    message: `Pushed '${name}' to ${context.connectionName}${details ? ` (${details})` : ''}.`,
  };
}

/** An answer longer than the client reads (responseBody.ts): whatever it held is not looked at. */
export function responseTooLargeOutcome(status: number, context: OutcomeContext, attempts: number, limit: string): PlatformFailure {
  return {
    kind: 'http-error',
    status,
    attempts,
    errors: [],
    message: `${context.connectionName} answered with more than ${limit}; reading stopped there. A campaign answer is a few kilobytes: check the host.`,
  };
}

/**
 * The message after the last retryable answer (429/502/503/504, or the rate limit's refusal
 * whatever its status). `rateLimitWaitedMs` is set for a refusal by the rate limit: how long
 * the request waited for the limit to lift before giving up.
 */
export function unavailableOutcome(
  status: number,
  bodyText: string,
  context: OutcomeContext,
  attempts: number,
  retryAfterMs?: number,
  tooLongToWait = false,
  rateLimitWaitedMs?: number,
): PlatformFailure {
  const { noun } = wordsFor(context);
  const rateLimited = status === 429 || rateLimitWaitedMs !== undefined;
  const what = rateLimited ? `rate-limited the ${noun} (HTTP ${status})` : `is unavailable (HTTP ${status})`;
  const later = retryAfterMs !== undefined ? ` It asked to wait ${Math.ceil(retryAfterMs / 1000)} s.` : '';
  const waited =
    rateLimitWaitedMs && retryAfterMs === undefined ? ` and ${seconds(rateLimitWaitedMs)} of waiting for its rate limit to lift` : '';
  const said = platformErrors(tryParseJson(bodyText))[0]?.message;
  const platformSaid = rateLimited && said ? ` (${endSentence(said)})` : '';
  // The limit is per account: a run of another tool on the same account spends it too.
  const shared = rateLimited ? ' The limit is per account: other tools using the same account count against it too.' : '';
  const message = tooLongToWait
    ? `${context.connectionName} ${what} and asked to wait ${Math.ceil((retryAfterMs ?? 0) / 1000)} s, longer than this ${noun} waits. Try again later.`
    : `${context.connectionName} ${what}; gave up after ${attempts} ${attempts === 1 ? 'try' : 'tries'}${waited}${platformSaid}.${later} Try again later.${shared}`;
  return {
    kind: 'unavailable',
    status,
    attempts,
    responseBody: bodyText,
    retryAfterMs,
    message,
    ...(rateLimited ? { rateLimited: 'refused' as const } : {}),
  };
}

/** Another request of the same budget gave up on the rate limit: this one is not sent (again). */
export function rateLimitNotSentOutcome(context: OutcomeContext, attempts: number): PlatformFailure {
  const { nothing, noun } = wordsFor(context);
  const what = attempts > 0 ? `This ${noun} was not tried again` : `This ${noun} was not sent`;
  return {
    kind: 'unavailable',
    // The refusal that stopped the run; this request got no answer of its own.
    status: 429,
    attempts,
    rateLimited: 'not-sent',
    message: `${what}: ${context.connectionName}'s rate limit did not lift for another request, which gave up; ${nothing}. Try again later.`,
  };
}

export function timeoutOutcome(context: OutcomeContext, origin: string, timeoutMs: number, attempts: number): PlatformFailure {
  const { noun, maybe } = wordsFor(context);
  const where = context.connectionName === origin ? origin : `${context.connectionName} (${origin})`;
  return {
    kind: 'timeout',
    attempts,
    timeoutMs,
    message: `No answer from ${where} within ${seconds(timeoutMs)}; the ${noun} was abandoned. ${maybe}`,
  };
}

export function cancelledOutcome(context: OutcomeContext, attempts: number): PlatformFailure {
  const { noun } = wordsFor(context);
  const Noun = noun[0].toUpperCase() + noun.slice(1);
  const sent =
    context.action === 'push' || context.action === undefined
      ? 'The request had already been sent, so the campaign may or may not have been updated.'
      : context.action === 'create'
        ? 'The request had already been sent, so the campaign may or may not have been created.'
        : 'Nothing was changed on the platform.';
  return {
    kind: 'cancelled',
    attempts,
    message: attempts > 0 ? `${Noun} cancelled. ${sent}` : `${Noun} cancelled before anything was sent.`,
  };
}
