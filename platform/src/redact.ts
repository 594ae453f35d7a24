// Logs are shared (pasted into issues, kept by CI): a token or secret in one is a leak.
// Known secrets are replaced wherever they appear, and anything shaped like a JWT is
// replaced too, in case the server echoes a token back in an error body.

export const REDACTED = '<redacted>';

const JWT_SHAPE = /eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;
/** Shorter parts of a token (an empty signature, a one-letter segment) would redact ordinary words. */
const MIN_PART_LENGTH = 8;
/** Headers whose value is never logged, whatever it is. */
const SECRET_HEADERS = new Set(['auth', 'authorization', 'cookie', 'set-cookie', 'x-api-key']);

export class Redactor {
  private readonly secrets = new Set<string>();

  constructor(secrets: Iterable<string> = []) {
    for (const secret of secrets) this.add(secret);
  }

  /**
   * A token is hidden whole and by each of its dot-separated parts: a server may echo only
   * the signature or the payload (which carries the client id and expiry).
   */
  add(secret: string | undefined): void {
    if (!secret) return;
    this.secrets.add(secret);
    const parts = secret.split('.');
    if (parts.length > 1) for (const part of parts) if (part.length >= MIN_PART_LENGTH) this.secrets.add(part);
  }

  text(value: string): string {
    let out = value;
    // Longest first, so a secret that contains another is not left half-visible.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      out = out.split(secret).join(REDACTED);
    }
    return out.replace(JWT_SHAPE, REDACTED);
  }

  /** A copy of `value` with every string in it (however deep) redacted: for whatever leaves the client. */
  deep<T>(value: T): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (Array.isArray(value)) return value.map((item) => this.deep(item)) as T;
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) out[key] = this.deep(item);
      return out as T;
    }
    return value;
  }

  headers(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : this.text(value);
    }
    return out;
  }
}
