// docs/ci.md: the GitHub Actions workflow and the GitLab CI job are read from the guide and
// their command lines run, verbatim, in a throwaway repository whose node_modules holds this
// package (as `npm install kore-campaign@<version>` would leave it), against the local sandbox.
// Each subcommand has a runner below that says what must come out; every documented subcommand
// is in this build (plan arrived with main's round trip), so none is skipped: one without a
// runner, or one the build lacks, fails.
import assert from 'node:assert/strict';
import { spawn as spawnProcess, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { runCliWith } from './helpers/cli.mjs';
import { tempDir } from './helpers/fixtures.mjs';
import { ROOT } from './helpers/lsp-client.mjs';
import { SANDBOX_CAMPAIGN_IDS, withSandbox } from './helpers/push.mjs';

const guide = readFileSync(path.join(ROOT, 'docs', 'ci.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const yamlBlocks = [...guide.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parseYaml(m[1]));
const github = yamlBlocks.find((doc) => doc?.jobs);
const gitlab = yamlBlocks.find((doc) => doc?.stages);

/** Every shell line of a pipeline, with the job it belongs to. */
const PIPELINES = {
  'GitHub Actions': Object.entries(github.jobs).flatMap(([job, spec]) =>
    spec.steps.filter((s) => s.run).map((s) => ({ job, line: s.run.trim(), env: spec.env ?? {} })),
  ),
  'GitLab CI': Object.entries(gitlab)
    .filter(([, spec]) => spec?.script)
    .flatMap(([job, spec]) => spec.script.map((line) => ({ job, line: line.trim(), env: {} }))),
};

const commandsOfThisBuild = async () => [...(await runCliWith(['--help'])).stdout.matchAll(/^  (\w+) {2,}/gm)].map((m) => m[1]);

/** What each subcommand's documented line must do in the throwaway repository. */
const RUNNERS = {
  validate: (result, line, repo) => {
    assert.equal(result.status, 0, `${line}\n${result.stdout}${result.stderr}`);
    if (line.includes('--format sarif'))
      assert.equal(JSON.parse(readFileSync(path.join(repo, 'kore-campaign.sarif'), 'utf8')).version, '2.1.0');
    else if (line.includes('--format json'))
      assert.equal(JSON.parse(readFileSync(path.join(repo, 'kore-campaign.json'), 'utf8')).errors, 0);
    else assert.match(result.stdout, /2 files checked: 0 errors, 0 warnings\./);
  },
  push: (result, line, _repo, sandbox) => {
    assert.equal(result.status, 0, `${line}\n${result.stdout}${result.stderr}`);
    assert.equal((result.stdout.match(/^Pushed '/gm) ?? []).length, 2, result.stdout);
    assert.equal(sandbox.requests.filter((r) => r.method === 'PUT').length, 2);
  },
  plan: (result, line, _repo, sandbox) => {
    assert.equal(result.status, 0, `${line}\n${result.stdout}${result.stderr}`);
    assert.match(result.stdout, /billing-reminder\.campaign\.yaml/);
    assert.equal(sandbox.requests.filter((r) => r.method === 'PUT').length, 0, 'plan changes nothing');
  },
};

function throwawayRepo() {
  const repo = tempDir('kc-ci-');
  mkdirSync(path.join(repo, 'campaigns'));
  copyFileSync(
    path.join(ROOT, 'examples', 'billing-reminder.campaign.yaml'),
    path.join(repo, 'campaigns', 'billing-reminder.campaign.yaml'),
  );
  // A second campaign, another id the sandbox knows.
  const example = readFileSync(path.join(ROOT, 'examples', 'billing-reminder.campaign.yaml'), 'utf8');
  writeFileSync(
    path.join(repo, 'campaigns', 'renewals.campaign.yaml'),
    example.replace(/^campaignId: \S+/m, `campaignId: ${SANDBOX_CAMPAIGN_IDS[2]}`),
  );
  mkdirSync(path.join(repo, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(ROOT, path.join(repo, 'node_modules', 'kore-campaign'), 'dir');
  symlinkSync(path.join('..', 'kore-campaign', pkg.bin['kore-campaign']), path.join(repo, 'node_modules', '.bin', 'kore-campaign'));
  return repo;
}

for (const [pipeline, lines] of Object.entries(PIPELINES)) {
  test(`${pipeline}: every install is pinned to this version; kore-campaign never runs unpinned`, () => {
    const installs = lines.filter(({ line }) => /\bnpm (install|i)\b/.test(line));
    assert.ok(installs.length > 0);
    for (const { line } of installs) assert.equal(line, `npm install --no-save kore-campaign@${pkg.version}`);
    for (const { line } of lines.filter(({ line }) => line.includes('kore-campaign '))) {
      assert.match(line, /npx --no-install kore-campaign |npx --yes kore-campaign@\d+\.\d+\.\d+ /, `unpinned: ${line}`);
    }
  });

  for (const { job, line, env } of lines.filter(({ line }) => /kore-campaign (\w+)/.test(line))) {
    const subcommand = /kore-campaign (\w+)/.exec(line)[1];
    test(`${pipeline}, job ${job}: ${line.split('\n')[0]}`, async (t) => {
      assert.ok(
        (await commandsOfThisBuild()).includes(subcommand),
        `docs/ci.md uses "kore-campaign ${subcommand}", which this build does not have`,
      );
      assert.ok(RUNNERS[subcommand], `docs/ci.md uses "kore-campaign ${subcommand}": add a runner for it here`);
      const sandbox = await withSandbox(t);
      // The job's secrets, as the CI system would fill them, pointed at the sandbox.
      for (const [name, value] of Object.entries(env))
        assert.match(String(value), /^\$\{\{ secrets\.KORE_\w+ \}\}$/, `${name} comes from the repository's secrets`);
      const secrets = {
        KORE_HOST: sandbox.url,
        KORE_IID: sandbox.credentials.iid,
        KORE_ACCOUNT_ID: sandbox.credentials.accountId,
        KORE_CLIENT_ID: sandbox.credentials.clientId,
        KORE_CLIENT_SECRET: sandbox.credentials.clientSecret,
      };
      const repo = throwawayRepo();
      const ciEnv = pipeline === 'GitHub Actions' ? { GITHUB_ACTIONS: 'true', CI: 'true' } : { GITLAB_CI: 'true', CI: 'true' };
      const result = await new Promise((resolve) => {
        // Asynchronous: the sandbox answers from this process.
        const child = spawnProcess('bash', ['-eo', 'pipefail', '-c', line], {
          cwd: repo,
          env: { PATH: process.env.PATH, HOME: process.env.HOME, ...ciEnv, ...secrets },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (status) => resolve({ status, stdout, stderr }));
      });
      RUNNERS[subcommand](result, line, repo, sandbox);
    });
  }
}

test('the guide documents both pipelines and the jobs the issue asks for', () => {
  assert.deepEqual(Object.keys(github.jobs), ['validate', 'plan', 'push']);
  assert.equal(github.jobs.validate.permissions['security-events'], 'write');
  assert.ok(
    github.jobs.validate.steps.some(
      (s) => s.uses?.startsWith('github/codeql-action/upload-sarif@') && s.with.sarif_file === 'kore-campaign.sarif',
    ),
  );
  assert.match(github.jobs.plan.if, /pull_request/);
  assert.match(github.jobs.push.if, /refs\/heads\/main/);
  assert.ok(gitlab['push-campaigns'].rules.some((r) => /CI_DEFAULT_BRANCH/.test(r.if)));
  assert.equal(spawnSync('bash', ['-n', '-c', PIPELINES['GitLab CI'].map((l) => l.line).join('\n')]).status, 0);
});
