import * as path from 'node:path';

/**
 * A bundle built beside dist/client.js, loaded on first use. Activation then only pays for
 * what it runs: the language client and the push engine (yaml, ajv, jose, the core) load
 * when they are first needed, not when a campaign file opens.
 */
export function lazyBundle<T>(file: string): () => T {
  let loaded: T | undefined;
  // A computed path, so esbuild leaves this require to run time instead of inlining the bundle.
  return () => (loaded ??= require(path.join(__dirname, file)) as T);
}
