// The set-up shared by the browser runs (test/e2e: the desktop extension in code-server's Node
// extension host; test/web: the browser entry in the web worker host): folders, the CLI's
// verdict to compare with, code-server with the packaged extension, Chromium on the workbench.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  ROOT,
  assertTools,
  buildAll,
  installVsix,
  killGroup,
  launchChromium,
  makeUserDataDir,
  onExitKill,
  packageVsix,
  sleep,
  startCodeServer,
} from './code-server.mjs';
import { lineOf } from './workbench.mjs';

/** The examples the runs open: one with a mistake of each kind, one that pushes clean. */
export const MISTAKES = 'typical-mistakes.campaign.yaml';
export const VALID = 'billing-reminder.campaign.yaml';

/**
 * test-results/<name>/ emptied, dist/ built (unless --no-build), a throwaway copy of examples/
 * (runs edit files), and `pgids`: the process groups to stop at exit, even on Ctrl+C.
 */
export function prepareRun(name, argv) {
  assertTools({ chromium: true });
  const outDir = path.join(ROOT, 'test-results', name);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  if (!argv.includes('--no-build')) buildAll({ tests: false });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `kore-${name}-`));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
  for (const f of [MISTAKES, VALID]) if (!fs.existsSync(path.join(workspace, f))) throw new Error(`${f} missing in examples/`);
  const pgids = [];
  onExitKill(() => pgids);
  return { outDir, tmp, workspace, pgids, lineOf: (file, re) => lineOf(workspace, file, re) };
}

/** What the CLI (the same core) reports for a file, as JSON: the editor's Problems count must match. */
export function cliValidate(file, { platform } = {}) {
  // With `platform` (a sandbox), `validate --platform` against it: the editor knows its contact lists too.
  const env = platform
    ? {
        ...process.env,
        KORE_HOST: platform.url,
        KORE_IID: platform.credentials.iid,
        KORE_ACCOUNT_ID: platform.credentials.accountId,
        KORE_CLIENT_ID: platform.credentials.clientId,
        KORE_CLIENT_SECRET: platform.credentials.clientSecret,
      }
    : process.env;
  const args = ['validate', '--format', 'json', ...(platform ? ['--platform'] : []), file];
  const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'kore-campaign.js'), ...args], { encoding: 'utf8', env });
  if (platform && cli.stderr.trim()) throw new Error(`validate --platform: ${cli.stderr.trim()}`);
  return JSON.parse(cli.stdout);
}

/**
 * code-server on `workspace` with the packaged .vsix installed, as a user has it (so
 * .vscodeignore is proven too); `settings` go into the profile's user settings.
 */
export async function codeServerWithExtension({ tmp, outDir, workspace, settings = {} }) {
  const userDataDir = makeUserDataDir(path.join(tmp, 'user-data'), {
    'workbench.editor.enablePreview': false,
    'editor.quickSuggestions': { other: false, comments: false, strings: false },
    'editor.lightbulb.enabled': 'on',
    ...settings,
  });
  const extensionsDir = path.join(tmp, 'extensions');
  const vsix = packageVsix(path.join(tmp, 'kore-campaign.vsix'));
  installVsix(vsix, { userDataDir, extensionsDir });
  console.log(`installed ${(fs.statSync(vsix).size / 1024).toFixed(0)} KB .vsix into code-server`);
  return startCodeServer({ workspace, userDataDir, extensionsDir, logFile: path.join(outDir, 'code-server.log') });
}

/**
 * Headless Chromium on the workbench, once the explorer lists `file` (Quick Open can find it
 * then). `onConsole` receives the page's console lines from the first one.
 */
export async function openWorkbench({ url, tmp, workspace, file, headed = false, onConsole }) {
  const context = await launchChromium(path.join(tmp, 'chromium'), { headless: !headed });
  const page = context.pages()[0] ?? (await context.newPage());
  if (onConsole) page.on('console', (message) => onConsole(`${message.type()}: ${message.text()}`));
  await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: file }).first().waitFor({ timeout: 20_000 });
  await sleep(1500);
  return { context, page };
}

/** The browser closed, every process group started stopped, the temporary folder removed (unless `keep`). */
export async function closeRun({ context, pgids, tmp, keep }) {
  await context?.close().catch(() => {});
  for (const pgid of pgids.splice(0)) killGroup(pgid);
  if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
}
