// The push pre-flight, shared by every push path (the editor's Push Campaign and
// `kore-campaign push`): one parse, the same checks the editor shows under the same settings,
// then the campaign, its id and the body to send.
import { parseCampaign, type ParsedCampaign } from './parse';
import { bodyFromCampaign } from './pushBody';
import { isRecord } from './rules/rule';
import type { CampaignDiagnostic } from './types';
import { compareDiagnostics, validateCampaign, type ValidationOptions } from './validate';
import { yamlDiagnostics } from './yamlDiagnostics';

export interface PushBlocked {
  ok: false;
  /** What stops the push: the errors under the given settings, in document order. */
  errors: CampaignDiagnostic[];
  /** Everything reported under the given settings (errors, warnings, hints), for display. */
  diagnostics: CampaignDiagnostic[];
}

export interface PushReady {
  ok: true;
  /** The parse behind the body: maps a platform 400's fields back onto the file. */
  parsed: ParsedCampaign;
  campaign: Record<string, unknown>;
  /** The file's `campaignId` as written (not checked here), or undefined when it names none. */
  campaignId: unknown;
  body: Record<string, unknown>;
  /** What is reported under the given settings: warnings and below, as errors block. */
  diagnostics: CampaignDiagnostic[];
}

export type PreparedPush = PushBlocked | PushReady;

const isError = (d: CampaignDiagnostic) => d.severity === 'error';

/**
 * Check `text` as the editor does under `options` and, when nothing blocks, build what to send.
 * A rule switched off or re-graded in settings does not block. YAML the file cannot be read
 * as does, whatever the settings: the body would not be what the file says.
 */
export function preparePush(text: string, options: ValidationOptions = {}): PreparedPush {
  const parsed = parseCampaign(text);
  let diagnostics = validateCampaign(parsed, options);
  let errors = diagnostics.filter(isError);
  if (!errors.length && (options.enable === false || options.severities || !isRecord(parsed.value))) {
    errors = yamlDiagnostics(parsed).filter(isError);
    // The same problem re-graded by settings is shown once, as the error that blocks.
    const same = (a: CampaignDiagnostic, b: CampaignDiagnostic) =>
      a.code === b.code && a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character;
    const rest = diagnostics.filter((d) => !errors.some((e) => same(d, e)));
    diagnostics = [...errors, ...rest].sort(compareDiagnostics);
  }
  if (errors.length || !isRecord(parsed.value)) return { ok: false, errors, diagnostics };
  const campaign = parsed.value;
  const { campaignId } = campaign;
  return {
    ok: true,
    parsed,
    campaign,
    campaignId: campaignId === null || campaignId === '' ? undefined : campaignId,
    body: bodyFromCampaign(campaign),
    diagnostics,
  };
}
