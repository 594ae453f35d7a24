// Field paths in one place: the segments a campaign field is reached by, how they are written
// in messages, and how a platform error's field name (`days.0.start`, `/days/0/start`,
// `body.name`) is read back into segments.
export type FieldPathSegment = string | number;
export type FieldPath = readonly FieldPathSegment[];

/** `['dialingStrategy','callingHours','days',0,'start']` -> `dialingStrategy.callingHours.days[0].start`. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}

/** Turn `days.0.start`, `days[0].start`, `/days/0/start` or `body.name` into path segments. */
export function parseFieldPath(field: string): FieldPathSegment[] {
  let text = field.trim();
  if (text.startsWith('/')) text = text.slice(1).replace(/\//g, '.');
  text = text.replace(/^(?:body|data|campaign)\./, '');
  const segments: FieldPathSegment[] = [];
  for (const part of text.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) {
      segments.push(part);
      continue;
    }
    if (match[1] !== '') segments.push(/^\d+$/.test(match[1]) ? Number(match[1]) : match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments.filter((s) => s !== '');
}

/** The value at `path` in plain data (the parsed campaign), or undefined where a step is missing. */
export function valueAt(root: unknown, path: FieldPath): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

export function samePath(a: FieldPath, b: FieldPath): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}

/** Whether `path` is `prefix` or lies under it. */
export function isWithin(path: FieldPath, prefix: FieldPath): boolean {
  return path.length >= prefix.length && prefix.every((segment, i) => path[i] === segment);
}

/** The platform's name for a field, normalised to the form messages use. */
export function normaliseFieldName(field: string): string {
  return formatPath(parseFieldPath(field));
}

// The paths that rules, services and edits name; spelled once.
export const DIALING_STRATEGY: FieldPath = ['dialingStrategy'];
export const CALLING_HOURS: FieldPath = [...DIALING_STRATEGY, 'callingHours'];
export const CALLING_DAYS: FieldPath = [...CALLING_HOURS, 'days'];
export const CALLING_TIMEZONE: FieldPath = [...CALLING_HOURS, 'timezone'];
export const CALLER_ID_NUMBER: FieldPath = [...DIALING_STRATEGY, 'callerId', 'phoneNumber'];
export const CONTACT_LISTS: FieldPath = ['contactLists'];
