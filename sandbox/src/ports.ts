// Ports the sandbox must not listen on: Node's fetch (undici, following the Fetch standard's
// "bad port" list) refuses to connect to them, so the sandbox would start and every push to
// it fail with a bare "fetch failed". Refused at start, with the reason, instead.

/** The Fetch standard's bad ports (https://fetch.spec.whatwg.org/#port-blocking), as Node 20's fetch applies them. */
export const FETCH_BAD_PORTS: ReadonlySet<number> = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117,
  119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636,
  989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** Throws, with the reason, for a port no push could reach. */
export function assertFetchablePort(port: number | undefined): void {
  if (port !== undefined && FETCH_BAD_PORTS.has(port)) {
    throw new Error(
      `Port ${port} is one that Node's fetch refuses to connect to (the Fetch standard's "bad ports"), so no push could reach the sandbox there. Choose another, e.g. 4777.`,
    );
  }
}
