// The campaign body as the platform would check it, written for the sandbox alone from the spec
// (CAMPAIGN-SPEC.md's field table and its table of the three dialing modes; PLATFORM-API.md's
// limits). It shares no code, schema or wording with the product's validator (core/): a test
// feeds the same bodies to both and compares verdicts, so either one misreading the spec shows.
// Only refusals are here: what the spec calls a warning or a hint is accepted, as a platform would.
import { timeZonesNames } from '@vvo/tzdb';

export interface BodyProblem {
  msg: string;
  /** The field's path: `dialingStrategy.maxRingTime`, `contactLists[2]`. */
  field: string;
}

/** "A campaign can have a maximum of 10 Call Lists" (the product FAQ). */
export const MAX_CONTACT_LISTS = 10;
const MODES = ['Agentless', 'Progressive', 'Preview'] as const;
type Mode = (typeof MODES)[number];
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
/** `9:00 AM`: hour 1-12, two-digit minutes, one space, upper-case AM or PM. */
const CLOCK = /^(1[0-2]|[1-9]):([0-5][0-9]) (AM|PM)$/;
/** E.164: `+`, then 7 to 15 digits, the first not 0. */
const E164 = /^\+[1-9][0-9]{6,14}$/;

type Json = Record<string, unknown>;

function what(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value === 'string' ? 'the string' : `the ${typeof value}`} ${JSON.stringify(value)}`;
}

class Checks {
  readonly problems: BodyProblem[] = [];

  refuse(field: string, msg: string): void {
    this.problems.push({ field, msg });
  }

  /** The value at `key` of `parent`, or undefined after refusing a missing required one. */
  present(parent: Json, path: string, key: string, required: boolean): unknown {
    const value = parent[key];
    if (value === undefined && required) this.refuse(join(path, key), `${key} is required.`);
    return value;
  }

  string(
    parent: Json,
    path: string,
    key: string,
    rule: { required: boolean; nonEmpty?: boolean; max?: number; oneOf?: readonly string[] },
  ) {
    const value = this.present(parent, path, key, rule.required);
    const field = join(path, key);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') return this.refuse(field, `${key} must be a string; got ${what(value)}.`);
    if (rule.nonEmpty && !value) return this.refuse(field, `${key} must not be empty.`);
    if (rule.max !== undefined && [...value].length > rule.max)
      return this.refuse(field, `${key} is ${[...value].length} characters long; at most ${rule.max} are allowed.`);
    if (rule.oneOf && !rule.oneOf.includes(value))
      return this.refuse(field, `${key} must be one of ${rule.oneOf.join(', ')}; got ${JSON.stringify(value)}.`);
    return value;
  }

  integer(parent: Json, path: string, key: string, required: boolean, min: number, max = Infinity): void {
    const value = this.present(parent, path, key, required);
    if (value === undefined) return;
    const range = max === Infinity ? `${min} or more` : `from ${min} to ${max}`;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
      this.refuse(join(path, key), `${key} must be a whole number ${range}; got ${what(value)}.`);
  }

  boolean(parent: Json, path: string, key: string, required: boolean): void {
    const value = this.present(parent, path, key, required);
    if (value !== undefined && typeof value !== 'boolean')
      this.refuse(join(path, key), `${key} must be true or false; got ${what(value)}.`);
  }

  object(parent: Json, path: string, key: string, required: boolean): Json | undefined {
    const value = this.present(parent, path, key, required);
    if (value === undefined) return undefined;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Json;
    this.refuse(join(path, key), `${key} must be an object; got ${what(value)}.`);
    return undefined;
  }

  list(parent: Json, path: string, key: string, min: number, max = Infinity): unknown[] | undefined {
    const value = this.present(parent, path, key, true);
    const field = join(path, key);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) return void this.refuse(field, `${key} must be a list; got ${what(value)}.`);
    if (value.length < min) return void this.refuse(field, `${key} needs at least ${min} entr${min === 1 ? 'y' : 'ies'}.`);
    if (value.length > max) return void this.refuse(field, `${key} has ${value.length} entries; at most ${max} are allowed.`);
    return value;
  }
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

function minutes(time: string): number {
  const [, hour, minute, half] = CLOCK.exec(time) ?? [];
  return ((Number(hour) % 12) + (half === 'PM' ? 12 : 0)) * 60 + Number(minute);
}

/** Current IANA names (tzdb, as the spec suggests) and the runtime's canonical ones, by their lower case. */
let spellings: Map<string, string> | undefined;

/**
 * A zone the runtime knows (legacy aliases such as Asia/Calcutta included), spelt as IANA spells
 * it: the runtime also takes "asia/kolkata", the platform need not, so another case is refused.
 */
function knownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return false;
  }
  spellings ??= new Map([...timeZonesNames, ...Intl.supportedValuesOf('timeZone')].map((name) => [name.toLowerCase(), name]));
  const spelt = spellings.get(zone.toLowerCase());
  return spelt === undefined || spelt === zone;
}

function checkDays(c: Checks, hours: Json): void {
  const days = c.list(hours, 'dialingStrategy.callingHours', 'days', 1);
  days?.forEach((entry, index) => {
    const path = `dialingStrategy.callingHours.days[${index}]`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry))
      return c.refuse(path, `Each calling window must be an object; got ${what(entry)}.`);
    const window = entry as Json;
    c.string(window, path, 'day', { required: true, oneOf: DAYS });
    const times = (['start', 'end'] as const).map((key) => {
      const time = c.string(window, path, key, { required: true });
      if (time === undefined || CLOCK.test(time)) return time;
      c.refuse(`${path}.${key}`, `${key} must be a 12-hour time like "9:00 AM"; got ${JSON.stringify(time)}.`);
      return undefined;
    });
    const [start, end] = times;
    if (start !== undefined && end !== undefined && minutes(start) >= minutes(end))
      c.refuse(`${path}.end`, `The window must start before it ends; ${start} to ${end} does not.`);
  });
}

function checkDialingStrategy(c: Checks, body: Json): void {
  const strategy = c.object(body, '', 'dialingStrategy', true);
  if (!strategy) return;
  const callerId = c.object(strategy, 'dialingStrategy', 'callerId', true);
  const phone = callerId && c.string(callerId, 'dialingStrategy.callerId', 'phoneNumber', { required: true });
  if (phone !== undefined && !E164.test(phone))
    c.refuse(
      'dialingStrategy.callerId.phoneNumber',
      `phoneNumber must be an E.164 number such as +18123456789; got ${JSON.stringify(phone)}.`,
    );
  const hours = c.object(strategy, 'dialingStrategy', 'callingHours', true);
  if (hours) {
    c.string(hours, 'dialingStrategy.callingHours', 'frequency', { required: true, oneOf: ['WEEKLY', 'DAILY', 'CUSTOM'] });
    const zone = c.string(hours, 'dialingStrategy.callingHours', 'timezone', { required: true });
    if (zone !== undefined && !knownTimeZone(zone))
      c.refuse('dialingStrategy.callingHours.timezone', `timezone ${JSON.stringify(zone)} is not a known IANA time zone.`);
    checkDays(c, hours);
  }
  c.string(strategy, 'dialingStrategy', 'dialingOrder', { required: true, oneOf: ['FIFO', 'LIFO'] });
  c.integer(strategy, 'dialingStrategy', 'maxAttemptsPerRecord', true, 1, 100);
  c.integer(strategy, 'dialingStrategy', 'defaultRetryPeriod', true, 1, 1440);
  c.integer(strategy, 'dialingStrategy', 'maxRingTime', true, 5, 120);
}

/**
 * The fields each mode needs (the spec's mode table, from Kore.ai's create pages): Agentless
 * calls go to a flow, Progressive and Preview to the agents' queue, and only Preview lets agents
 * skip contacts. A field with no effect in a mode is accepted there. Unknown mode: nothing asked.
 */
function checkMode(c: Checks, body: Json, mode: Mode | undefined): void {
  const requiredIn = (field: string, modes: readonly Mode[], why: string) => {
    if (mode && modes.includes(mode) && body[field] === undefined) c.refuse(field, `${field} is required in ${mode} mode: ${why}.`);
  };
  requiredIn('queue_name', ['Progressive', 'Preview'], 'its calls go to the agents of this queue');
  requiredIn('maxSkips', ['Preview'], 'it says how many contacts an agent may skip');
  requiredIn('experienceFlowName', ['Agentless'], 'its calls are handled by this flow, not by agents');
  c.string(body, '', 'queue_name', { required: false, nonEmpty: true });
  c.integer(body, '', 'maxSkips', false, 0);
  c.string(body, '', 'experienceFlowName', { required: false, nonEmpty: true });
}

/** Every refusal of a write body (PUT or create), each at its field; empty when the platform would take it. */
export function campaignBodyProblems(body: Json): BodyProblem[] {
  const c = new Checks();
  c.string(body, '', 'name', { required: true, nonEmpty: true, max: 48 });
  c.string(body, '', 'description', { required: true, max: 256 });
  const lists = c.list(body, '', 'contactLists', 1, MAX_CONTACT_LISTS);
  lists?.forEach((name, index) => {
    if (typeof name !== 'string') c.refuse(`contactLists[${index}]`, `Each contact list is named by a string; got ${what(name)}.`);
    else if (!name) c.refuse(`contactLists[${index}]`, 'A contact list name must not be empty.');
  });
  c.string(body, '', 'priority', { required: true, oneOf: ['1', '2', '3', '4', '5'] });
  const mode = c.string(body, '', 'dialingMode', { required: true, oneOf: MODES }) as Mode | undefined;
  checkDialingStrategy(c, body);
  c.boolean(body, '', 'enableMachineDetect', true);
  const type = c.string(body, '', 'campaignType', { required: true, oneOf: ['voice', 'sms'] });
  if (type === 'sms')
    c.refuse('campaignType', 'campaignType is "sms", but this call creates and updates voice campaigns (?campaignType=voice).');
  const schedule = c.object(body, '', 'schedule', false);
  if (schedule) c.boolean(schedule, 'schedule', 'isSchedulingEnabled', false);
  checkMode(c, body, mode);
  return c.problems;
}
