// Calling-window times: the API's 12-hour clock, `h:mm AM` / `h:mm PM`.

const TWELVE_HOUR = /^(1[0-2]|[1-9]):([0-5][0-9]) (AM|PM)$/;

/** Minutes since midnight for a valid API time, else undefined. */
export function parseApiTime(text: string): number | undefined {
  const match = TWELVE_HOUR.exec(text);
  if (!match) return undefined;
  const hour = Number(match[1]) % 12;
  return (match[3] === 'PM' ? hour + 12 : hour) * 60 + Number(match[2]);
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
