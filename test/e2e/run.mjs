#!/usr/bin/env node
// `npm run test:e2e`: what a user sees, in code-server (VS Code 1.139.1) in headless Chromium,
// driven by Playwright. No smoke-test driver here, so notification toasts show.
//
// The extension is packaged (vsce) and installed from the .vsix, as a user would have it.
// Steps (each saves test-results/e2e/NN-name.png; a failure also saves NN-name-FAILED.png,
// and the code-server and sandbox logs stay in test-results/e2e/):
//   1. open the example with mistakes: squiggles, and the Problems count equals the CLI's
//   2. completion: type `timezone: kolk` and accept Asia/Kolkata from the suggest widget
//   3. hover a key and read its docs
//   4. fix a mistake with the light bulb (priority: 5 -> "5"), comment kept
//   5. the status bar shows the "Local sandbox" connection; Push Campaign from the command
//      palette against the sandbox: the success toast
// Closing line: `N passed, N failed`; exit 1 on failure. Options: --no-build, --headed, --keep.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  ROOT, assertTools, buildAll, installVsix, killGroup, launchChromium, makeUserDataDir, onExitKill, packageVsix, sleep,
  startCliSandbox, startCodeServer,
} from '../../scripts/lib/code-server.mjs';
import { browserSteps, lineOf as lineOfFile, workbench } from '../../scripts/lib/workbench.mjs';

const argv = process.argv.slice(2);
const outDir = path.join(ROOT, 'test-results', 'e2e');
const t0 = Date.now();

assertTools({ chromium: true });
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
if (!argv.includes('--no-build')) buildAll({ tests: false });

// ---- Workspace: a throwaway copy of examples/ (the run edits files) -------------------------
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kore-e2e-'));
const workspace = path.join(tmp, 'workspace');
const examplesDir = path.join(ROOT, 'examples');
fs.cpSync(examplesDir, workspace, { recursive: true });
const MISTAKES = 'typical-mistakes.campaign.yaml';
const VALID = 'billing-reminder.campaign.yaml';
for (const f of [MISTAKES, VALID]) if (!fs.existsSync(path.join(workspace, f))) throw new Error(`${f} missing in ${examplesDir}`);

// What the CLI (same core) says about the file with mistakes: the Problems count must match.
const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'kore-campaign.js'), 'validate', '--format', 'json', path.join(workspace, MISTAKES)], { encoding: 'utf8' });
const cliReport = JSON.parse(cli.stdout);
const expectErrors = cliReport.errors;
const expectWarnings = cliReport.warnings;

const pgids = [];
onExitKill(() => pgids);
let context;
let page;
const { step, setupFailed, finish } = browserSteps(outDir, () => page);
const { command, openFile, goTo, waitForLine, problemsCounts } = workbench(() => page);

const lineOf = (file, re) => lineOfFile(workspace, file, re);

// ---- Run ----------------------------------------------------------------------------------------
let sandbox;
let cs;
try {
  sandbox = await startCliSandbox({ logFile: path.join(outDir, 'sandbox.log') });
  pgids.push(sandbox.pgid);
  const userDataDir = makeUserDataDir(path.join(tmp, 'user-data'), {
    'koreCampaign.connections.sandboxPort': sandbox.port,
    'workbench.editor.enablePreview': false,
    'editor.quickSuggestions': { other: false, comments: false, strings: false },
    'editor.lightbulb.enabled': 'on',
  });
  const extensionsDir = path.join(tmp, 'extensions');
  // As a user has it: the packaged .vsix (so .vscodeignore is proven too), installed.
  const vsix = packageVsix(path.join(tmp, 'kore-campaign.vsix'));
  installVsix(vsix, { userDataDir, extensionsDir });
  console.log(`installed ${(fs.statSync(vsix).size / 1024).toFixed(0)} KB .vsix into code-server`);
  cs = await startCodeServer({ workspace, userDataDir, extensionsDir, logFile: path.join(outDir, 'code-server.log') });
  pgids.push(cs.pgid);
  console.log(`code-server ${cs.url}, sandbox ${sandbox.url}, workspace ${workspace}`);

  context = await launchChromium(path.join(tmp, 'chromium'), { headless: !argv.includes('--headed') });
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${cs.url}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
  await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 20_000 }).catch(() => {});
  await sleep(1500);

  console.log('\nbrowser end-to-end');

  await step('open the example with mistakes: squiggles and the Problems count', async () => {
    await openFile(MISTAKES);
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 15_000 });
    let counts;
    const until = Date.now() + 10_000;
    do { counts = await problemsCounts(); if (counts.errors === expectErrors && counts.warnings === expectWarnings) break; await sleep(200); } while (Date.now() < until);
    if (counts.errors !== expectErrors || counts.warnings !== expectWarnings) {
      throw new Error(`status bar says "${counts.label}"; the CLI says ${expectErrors} errors, ${expectWarnings} warnings`);
    }
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ timeout: 5_000 });
    const first = cliReport.files[0].diagnostics.find((d) => d.severity === 'error');
    await panel.locator('.monaco-list-row', { hasText: first.message.slice(0, 40) }).first().waitFor({ timeout: 5_000 });
    const squiggles = await page.locator('.monaco-editor .squiggly-error').count();
    console.log(`    ${squiggles} error squiggles in view; status bar: ${counts.label}`);
  });

  await step('completion: type `timezone: kolk` and accept Asia/Kolkata', async () => {
    await openFile(VALID);
    const { line, text } = lineOf(VALID, /^\s*timezone:/);
    const indent = text.match(/^\s*/)[0];
    await goTo(line, text.length + 1);
    await page.keyboard.press('Shift+Home'); // selects back to the first non-blank character
    await page.keyboard.type('timezone: kolk', { delay: 20 });
    await page.keyboard.press('Control+Space');
    const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 'Asia/Kolkata' }).first();
    await row.waitFor({ timeout: 8_000 });
    await sleep(300);
    await page.screenshot({ path: path.join(outDir, `02a-completion-widget.png`) });
    await row.click();
    await waitForLine(line, (t) => t === `${indent}timezone: Asia/Kolkata` || t.startsWith(`${indent}timezone: Asia/Kolkata `), 'should read timezone: Asia/Kolkata');
  });

  await step('hover a key and read its docs', async () => {
    await openFile(VALID);
    const { line } = lineOf(VALID, /^dialingMode:/);
    await goTo(line, 1);
    const key = page.locator('.monaco-editor .view-lines .view-line span span', { hasText: /^dialingMode$/ }).first();
    await key.waitFor({ timeout: 5_000 });
    await key.hover();
    const hover = page.locator('.monaco-hover:visible, .monaco-resizable-hover:visible').first();
    await hover.waitFor({ timeout: 8_000 });
    await page.locator('.monaco-hover', { hasText: 'Dialing mode defines how calls are handled' }).first().waitFor({ timeout: 8_000 });
    await sleep(300);
  });

  await step('fix a mistake with the light bulb: priority: 5 -> "5", comment kept', async () => {
    await page.keyboard.press('Escape');
    await openFile(MISTAKES);
    const { line, text } = lineOf(MISTAKES, /^priority: 5\b/);
    await goTo(line, text.indexOf('5') + 1);
    const bulb = page.locator('.lightBulbWidget, .codicon-light-bulb, .codicon-lightbulb-autofix').first();
    try {
      await bulb.waitFor({ state: 'visible', timeout: 5_000 });
      await bulb.click();
    } catch {
      await page.keyboard.press('Control+.'); // the light bulb's keyboard shortcut
    }
    const menu = page.locator('.action-widget:not(.action-list-submenu-panel)').first();
    await menu.waitFor({ timeout: 5_000 });
    await page.screenshot({ path: path.join(outDir, `04a-light-bulb-menu.png`) });
    const fix = menu.locator('.monaco-list-row', { hasText: /"5"|[Qq]uote/ }).first();
    await fix.waitFor({ timeout: 5_000 });
    await fix.click();
    const expected = text.replace(/^priority: 5/, 'priority: "5"');
    await waitForLine(line, (t) => t === expected, `should read ${JSON.stringify(expected)}`);
  });

  await step('Push Campaign from the command palette (Local sandbox): the success notification', async () => {
    await page.keyboard.press('Escape');
    await openFile(VALID);
    // The active connection shows in the status bar on campaign files.
    await page.locator('.statusbar-item', { hasText: 'Local sandbox' }).first().waitFor({ timeout: 5_000 });
    await command('Push Campaign');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Pushed' }).first();
    await toast.waitFor({ timeout: 20_000 });
    await sleep(800); // the toast's fade-in
    const text = (await toast.innerText()).replace(/\s+/g, ' ');
    if (!/Pushed '.+' to Local sandbox/.test(text)) throw new Error(`toast says: ${text}`);
    console.log(`    toast: ${text.slice(0, 160)}`);
  });
} catch (err) {
  await setupFailed(err);
} finally {
  await context?.close().catch(() => {});
  for (const p of pgids.splice(0)) killGroup(p);
  if (!argv.includes('--keep')) fs.rmSync(tmp, { recursive: true, force: true });
}

process.exit(finish(
  `browser end-to-end: ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in test-results/e2e/`,
  'Failure screenshots and logs (code-server.log, sandbox.log) in test-results/e2e/',
));
