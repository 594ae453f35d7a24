// Run the built CLI as a CI job does: a real process, its environment, stdin, stdout/stderr and
// exit code. Asynchronous, so a sandbox served from the test process can answer it.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from './lsp-client.mjs';

export const CLI_BIN = path.join(ROOT, 'bin', 'kore-campaign.js');

/** `env` replaces the environment (PATH kept), so a CI runner's GITHUB_ACTIONS cannot leak in. */
export function runCli(args, { cwd = ROOT, env = {}, input, bin = CLI_BIN, timeoutMs = 20_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { PATH: process.env.PATH, ...env } });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`kore-campaign ${args.join(' ')} did not finish in ${timeoutMs} ms (stdout: ${stdout}, stderr: ${stderr})`));
    }, timeoutMs);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
  });
}
