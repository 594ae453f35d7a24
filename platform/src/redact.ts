// Logs are shared (pasted into issues, kept by CI): a token or secret in one is a leak.
// Known secrets are replaced wherever they appear, and anything shaped like a JWT is
// replaced too, in case the server echoes a token back in an error body.

export const REDACTED = '<redacted>';

const JWT_SHAPE = /eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;
/** Headers whose value is never logged, whatever it is. */
const SECRET_HEADERS = new Set(['auth', 'authorization', 'cookie', 'set-cookie', 'x-api-key']);

export class Redactor {
  private readonly secrets = new Set<string>();

  constructor(secrets: Iterable<string> = []) {
    for (const secret of secrets) this.add(secret);
  }

  add(secret: string | undefined): void {
    if (secret) this.secrets.add(secret);
  }

  text(value: string): string {
    let out = value;
    // Longest first, so a secret that contains another is not left half-visible.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      out = out.split(secret).join(REDACTED);
    }
    return out.replace(JWT_SHAPE, REDACTED);
  }

  headers(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : this.text(value);
    }
    return out;
  }
}
