// The CLI as a CI job runs it: a real process, environment variables, stdout/stderr, exit code.
import { spawn, execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cli = path.join(root, 'dist/cli.js');

/** Run the CLI without blocking this process (the sandbox answers from here). */
export function runCli(args, env = {}, cwd = root) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { PATH: process.env.PATH, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
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
  const git = (...args) => execFileSync('git', args, { cwd: dir, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' } });
  try {
    git('rev-parse', '--is-inside-work-tree');
  } catch {
    git('init', '-q');
  }
  git('add', '-A');
  git('commit', '-q', '--allow-empty', '-m', message);
}
