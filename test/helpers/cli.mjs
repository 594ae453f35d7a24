// Run the built CLI as a CI job does: a real process, its environment, stdin, stdout/stderr and
// exit code. Asynchronous, so a sandbox served from the test process can answer it.
import { spawn, execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from './lsp-client.mjs';

export const root = ROOT;
/** The bundle the bin runs (tests that spawn the CLI themselves, e.g. to stop it with a signal). */
export const cli = path.join(ROOT, 'dist/cli.js');
export const CLI_BIN = path.join(ROOT, 'bin', 'kore-campaign.js');

/** `env` replaces the environment (PATH kept), so a CI runner's GITHUB_ACTIONS cannot leak in. */
export function runCliWith(args, { cwd = ROOT, env = {}, input, bin = CLI_BIN, timeoutMs = 20_000 } = {}) {
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

/** The round-trip tests' short form: the KORE_* environment and the working folder. */
export function runCli(args, env = {}, cwd = ROOT) {
  // Large plans against a slow sandbox take longer than one validate.
  return runCliWith(args, { env, cwd, timeoutMs: 120_000 });
}

/** The KORE_* variables that point the CLI at a sandbox. */
export function envFor(sandbox, overrides = {}) {
  return {
    KORE_HOST: sandbox.url,
    KORE_IID: sandbox.credentials.iid,
    KORE_ACCOUNT_ID: sandbox.credentials.accountId,
    KORE_CLIENT_ID: sandbox.credentials.clientId,
    KORE_CLIENT_SECRET: sandbox.credentials.clientSecret,
    ...overrides,
  };
}

/** No secret of the sandbox's and no token-shaped string in what the user sees. */
export function assertNoSecrets(assert, sandbox, ...outputs) {
  for (const text of outputs) {
    assert.ok(!text.includes(sandbox.credentials.clientSecret), 'the client secret is never printed');
    assert.doesNotMatch(text, /eyJ[A-Za-z0-9_-]{5,}\./, 'no token is printed');
    for (const request of sandbox.requests) if (request.headers.auth) assert.ok(!text.includes(request.headers.auth));
  }
}

/** A git repository in `dir` with everything committed (pull's local-change check reads git status). */
export function gitCommitAll(dir, message = 'test') {
  const git = (...args) =>
    execFileSync('git', args, {
      cwd: dir,
      stdio: 'pipe',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.invalid',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.invalid',
      },
    });
  try {
    git('rev-parse', '--is-inside-work-tree');
  } catch {
    git('init', '-q');
  }
  git('add', '-A');
  git('commit', '-q', '--allow-empty', '-m', message);
}
