// Reading an answer with a ceiling: `response.text()` would buffer whatever a server sends, and
// a broken or hostile one can send without end (the process grows until the timeout, or until
// it runs out of memory). A campaign answer is a few kilobytes.

/** The most of an answer that is read; the rest is not downloaded. */
export const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

export type ResponseText = { text: string; tooLarge: false } | { text: undefined; tooLarge: true };

/** The body as text, or `tooLarge` as soon as more than `maxBytes` have arrived (the download is cancelled). */
export async function readResponseText(response: Response, maxBytes: number = MAX_RESPONSE_BYTES): Promise<ResponseText> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return { text: undefined, tooLarge: true };
  }
  if (!response.body) return { text: '', tooLarge: false };
  const reader = response.body.getReader();
  // TextDecoder rather than Buffer: the platform client also runs in a browser.
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { text: undefined, tooLarge: true };
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return { text: parts.join(''), tooLarge: false };
}

/** "10 MB" for the messages. */
export function describeBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;
}
