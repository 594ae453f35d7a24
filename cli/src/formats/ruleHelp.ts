// One sentence of help per diagnostic code, for SARIF's rule metadata (GitHub code scanning
// shows it beside each alert). The codes and their meaning are documented in the README's
// "What is checked" table; a test checks that every code the validator can produce has help here.
import type { Severity } from '../../../core/src';
import { INPUT_CODES } from './report';

export interface RuleHelp {
  /** One line: what the rule checks. */
  summary: string;
  /** The rule's own severity (settings may change it in the editor; the CLI uses these). */
  level: Severity;
}

const FIELDS =
  'Field types, required fields, allowed values and limits come from the Update Voice Campaign API documentation; the API refuses a campaign that breaks them.';

export const RULE_HELP: Readonly<Record<string, RuleHelp>> = {
  'yaml-syntax': { summary: 'The file is not valid YAML at this position.', level: 'error' },
  'yaml-tab': { summary: 'YAML does not allow tabs for indentation; use spaces.', level: 'error' },
  'duplicate-key': { summary: 'A key appears twice in the same mapping; YAML keeps only one of them.', level: 'error' },
  'yaml-multiple-documents': {
    summary: 'A campaign file holds one YAML document; a second document (after ---) is not sent.',
    level: 'error',
  },
  'yaml-undefined-alias': { summary: 'An alias (*name) refers to an anchor (&name) that is not defined.', level: 'error' },
  'yaml-alias-limit': {
    summary: 'Too many aliases: the file expands to a very large value (an alias bomb) and is not checked further.',
    level: 'error',
  },
  'yaml-nesting': { summary: 'The file is nested too deeply to be a campaign and is not checked further.', level: 'error' },
  'yaml-warning': { summary: 'The YAML parser accepted this, but it is probably not what was meant.', level: 'warning' },
  'yaml-merge-key': {
    summary:
      'A YAML merge key (<<, !!merge): the API takes JSON, where << is an ordinary key, so merges are not supported; write the fields out.',
    level: 'error',
  },
  'yaml-too-many-problems': {
    summary: 'The YAML parser found more problems than are listed; the rest are counted in this one.',
    level: 'error',
  },
  'file-too-large': {
    summary: 'The file is larger than a campaign file can be (over 5 MB, 100,000 lines or 200,000 YAML marks); it is not parsed.',
    level: 'error',
  },
  'empty-file': { summary: 'The file holds no campaign (it is empty or only comments).', level: 'error' },
  'not-a-mapping': { summary: 'The top level of a campaign file must be a mapping of field names to values.', level: 'error' },
  required: { summary: `A required field is missing; it is reported on its parent key. ${FIELDS}`, level: 'error' },
  type: {
    summary: `A value has the wrong type, e.g. priority: 5 (a number) where the API wants the string "5". ${FIELDS}`,
    level: 'error',
  },
  enum: { summary: `A value outside the allowed list, with the closest allowed value. ${FIELDS}`, level: 'error' },
  empty: { summary: `An empty string where the API needs a value. ${FIELDS}`, level: 'error' },
  'max-length': { summary: `A text longer than the API allows (name 48, description 256 characters). ${FIELDS}`, level: 'error' },
  range: { summary: `A number outside the range the API allows. ${FIELDS}`, level: 'error' },
  'min-items': { summary: `A list that must not be empty is empty. ${FIELDS}`, level: 'error' },
  'time-format': {
    summary: 'Calling window start and end times are written h:mm AM/PM (18:00 is 6:00 PM, 9am is 9:00 AM).',
    level: 'error',
  },
  'time-order': { summary: 'A calling window ends before it starts.', level: 'error' },
  'window-overlap': { summary: 'Two calling windows of the same day overlap.', level: 'warning' },
  'duplicate-window': { summary: 'The same calling window is listed twice.', level: 'warning' },
  timezone: { summary: 'The time zone is not an IANA time zone name such as Asia/Kolkata.', level: 'error' },
  'caller-id-e164': { summary: 'The caller ID must be an E.164 phone number: + then 7 to 15 digits.', level: 'error' },
  'duplicate-contact-list': { summary: 'A contact list is named twice.', level: 'warning' },
  'unknown-key': { summary: 'A key the API does not know (often a misspelling); the closest known key is suggested.', level: 'warning' },
  'campaign-type': { summary: 'campaignType must be voice for the voice campaign endpoint.', level: 'error' },
  'max-skips-mode': { summary: 'maxSkips has an effect only in Preview dialing mode.', level: 'hint' },
  'agentless-flow': {
    summary: 'An Agentless campaign usually names the experience flow that handles its calls (experienceFlowName).',
    level: 'hint',
  },
  'read-only-field': {
    summary: 'A field the platform sets (status, _id, createdAt, ...): it is never sent; remove it or leave it.',
    level: 'hint',
  },
  'unknown-contact-list': {
    summary:
      'A contact list the platform does not have (checked with validate --platform, or in the editor with a connection); the closest name is suggested.',
    level: 'warning',
  },
  'empty-contact-list': {
    summary: 'The contact list exists on the platform but has no contacts: the campaign would dial nobody from it.',
    level: 'warning',
  },
  'calling-hours-curfew': {
    summary:
      'A calling window starts before 8:00 AM or ends after 9:00 PM in the campaign time zone (the US telemarketing curfew, 47 CFR 64.1200(c)(1)).',
    level: 'information',
  },
  'short-ring-time': {
    summary: 'maxRingTime is under 15 seconds (the FTC safe harbour: ring at least 15 seconds or 4 rings).',
    level: 'information',
  },
  [INPUT_CODES.unreadable]: {
    summary: 'The input could not be checked: missing, unreadable, not a text file, not a regular file, or over the size limit.',
    level: 'error',
  },
  [INPUT_CODES.noCampaignFiles]: {
    summary: 'A folder or glob named on the command line holds no *.campaign.yaml or *.campaign.yml file.',
    level: 'error',
  },
};

export function ruleHelp(code: string): RuleHelp {
  return RULE_HELP[code] ?? { summary: `Campaign check ${code}.`, level: 'error' };
}
