// The server's V8 heap settings, applied by the server itself so that they hold however it is
// started: VS Code's client passes them as execArgv (client/src/languageClient.ts), but other
// editors and the tests run `node dist/server.js --stdio` as it is. A resident process that
// parses a large file on each keystroke otherwise keeps V8's default young generation and lets
// the old generation double before collecting: a far higher peak (docs/performance.md). Both flags are read when the heap next grows, so setting
// them at start, before any document is parsed, takes effect.
import { setFlagsFromString } from 'node:v8';

/** The same flags as the client's execArgv (bench/lsp-driver.mjs keeps a copy; a test checks they agree). */
export const SERVER_V8_FLAGS = ['--max-semi-space-size=2', '--heap-growing-percent=25'] as const;

export function applyHeapLimits(execArgv: readonly string[] = process.execArgv): void {
  for (const flag of SERVER_V8_FLAGS) {
    const name = flag.split('=')[0];
    // A flag given on the command line wins (someone measuring or debugging chose it).
    if (!execArgv.some((arg) => arg.startsWith(name))) setFlagsFromString(flag);
  }
}
