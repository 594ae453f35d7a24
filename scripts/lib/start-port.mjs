// The ports `npm start` listens on (scripts/start.mjs): the one asked for when it is free,
// otherwise a free one, and a line saying so: which port was wanted, why it was not used, and
// the address used instead (a user who bookmarked http://127.0.0.1:3777 must not be left
// looking at another program, or at nothing).
import * as net from 'node:net';
import { freePort } from './code-server.mjs';

export const HOST = '127.0.0.1';
/** code-server's port when nothing else is asked for (--port N or KORE_START_PORT). */
export const DEFAULT_CODE_SERVER_PORT = 3777;

/** True when nothing listens on host:port (we can bind it). */
export function portFree(port, host = HOST) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

/**
 * `wanted` when free; otherwise a free port and `notice`, the line to print. `what` names the
 * server ("code-server"), `hint` says how to choose the port or what follows the move.
 */
export async function choosePort(wanted, { what, hint }) {
  if (await portFree(wanted)) return { port: wanted, url: `http://${HOST}:${wanted}` };
  const port = await freePort();
  const url = `http://${HOST}:${port}`;
  return {
    port,
    url,
    notice: `port ${wanted} is taken (another program, perhaps another \`npm start\`, listens on ${HOST}:${wanted}), so ${what} uses port ${port} instead: ${url}${hint ? ` (${hint})` : ''}`,
  };
}

/** code-server's port from `--port N`, else KORE_START_PORT, else 3777; a usage error for anything but a port number. */
export function wantedCodeServerPort(flag, env = process.env) {
  const raw = flag ?? env.KORE_START_PORT ?? String(DEFAULT_CODE_SERVER_PORT);
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535)
    throw new Error(`${flag !== undefined ? '--port' : 'KORE_START_PORT'} must be a port number (1-65535); got ${JSON.stringify(raw)}`);
  return port;
}
