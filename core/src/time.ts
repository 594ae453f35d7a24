// Calling-window times: the API's 12-hour clock, `h:mm AM` / `h:mm PM`.

/**
 * Minutes since midnight for a valid API time (`h:mm AM`, `hh:mm PM`, hours 1-12), else
 * undefined. Read character by character rather than with a regex: three rules read every
 * window of a file on each keystroke, and a match array per time was most of the garbage
 * a large file made per edit.
 */
export function parseApiTime(text: string): number | undefined {
  const colon = text.length - 6;
  if ((colon !== 1 && colon !== 2) || text.charCodeAt(colon) !== 58 /* : */ || text.charCodeAt(colon + 3) !== 32) return undefined;
  const digit = (i: number) => {
    const d = text.charCodeAt(i) - 48;
    return d >= 0 && d <= 9 ? d : -1;
  };
  const h1 = digit(0);
  const h2 = colon === 2 ? digit(1) : 0;
  const m1 = digit(colon + 1);
  const m2 = digit(colon + 2);
  if (h1 < 0 || h2 < 0 || m1 < 0 || m1 > 5 || m2 < 0) return undefined;
  const hour = colon === 2 ? (h1 === 1 && h2 <= 2 ? 10 + h2 : -1) : h1 >= 1 ? h1 : -1;
  if (hour < 0) return undefined;
  const suffix = text.slice(colon + 4);
  if (suffix !== 'AM' && suffix !== 'PM') return undefined;
  return ((hour % 12) + (suffix === 'PM' ? 12 : 0)) * 60 + m1 * 10 + m2;
}

export function formatApiTime(minutes: number): string {
  const hour24 = Math.floor(minutes / 60) % 24;
  const minute = minutes % 60;
  const hour12 = hour24 % 12 === 0 ? 12 : hour24 % 12;
  return `${hour12}:${String(minute).padStart(2, '0')} ${hour24 < 12 ? 'AM' : 'PM'}`;
}

/**
 * What the author most likely meant by a time the API would refuse:
 * `18:00` -> `6:00 PM`, `9am` -> `9:00 AM`, `09:00 am` -> `9:00 AM`, `9:00AM` -> `9:00 AM`.
 */
export function suggestApiTime(text: string): string | undefined {
  const trimmed = text.trim();
  const match = /^(\d{1,2})(?:[:.](\d{2}))?\s*([AaPp])\.?\s*[Mm]?\.?$/.exec(trimmed);
  if (match) {
    const hour = Number(match[1]);
    const minute = match[2] === undefined ? 0 : Number(match[2]);
    if (hour < 1 || hour > 12 || minute > 59) return undefined;
    const pm = match[3].toUpperCase() === 'P';
    return formatApiTime(((hour % 12) + (pm ? 12 : 0)) * 60 + minute);
  }
  const clock24 = /^(\d{1,2})[:.](\d{2})(?::\d{2})?$/.exec(trimmed);
  if (clock24) {
    const hour = Number(clock24[1]);
    const minute = Number(clock24[2]);
    if (hour > 23 || minute > 59) return undefined;
    return formatApiTime(hour * 60 + minute);
  }
  return undefined;
}
