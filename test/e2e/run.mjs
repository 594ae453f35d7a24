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
//   6. Add Connection: the multi-step input (step 2/7, Back), an account id refused as an IID
//   7. the Get Started walkthrough with its five steps
// Closing line: `N passed, N failed`; exit 1 on failure. Options: --no-build, --headed, --keep.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  ROOT, assertTools, buildAll, installVsix, killGroup, launchChromium, makeUserDataDir, onExitKill, packageVsix, sleep,
  startCliSandbox, startCodeServer,
} from '../../scripts/lib/code-server.mjs';

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
const results = [];

async function step(name, fn) {
  const n = String(results.length + 1).padStart(2, '0');
  const started = Date.now();
  try {
    // Start from a calm workbench: no widget, palette or menu left open by the step before.
    await page.mouse.move(5, 5);
    for (let i = 0; i < 2; i++) { await page.keyboard.press('Escape'); await sleep(100); }
    await fn();
    await page.screenshot({ path: path.join(outDir, `${n}-${slug(name)}.png`) });
    results.push({ name, state: 'passed', ms: Date.now() - started });
    console.log(`  ✔ ${name} (${Date.now() - started} ms)`);
  } catch (err) {
    results.push({ name, state: 'failed', error: String(err?.stack ?? err) });
    console.log(`  ✗ ${name}\n    ${String(err?.message ?? err).split('\n').join('\n    ')}`);
    await page?.screenshot({ path: path.join(outDir, `${n}-${slug(name)}-FAILED.png`) }).catch(() => {});
    await page?.keyboard.press('Escape').catch(() => {});
  }
}
const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50);

// ---- Editor helpers -----------------------------------------------------------------------------
async function command(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 5_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 5_000 });
  await page.keyboard.press('Enter');
}

async function openFile(name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 5_000 });
  await input.fill(name);
  // Click the matching row (Enter could pick a row from before the filter applied).
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
  // Right after start-up (extensions still activating, the file search warming up) the first
  // query can come back empty: ask once more before giving up.
  try {
    await row.waitFor({ timeout: 8_000 });
  } catch {
    await input.fill('');
    await input.fill(name);
    await row.waitFor({ timeout: 15_000 });
  }
  await sleep(200);
  await row.click();
  await page.locator(`.tab.active[aria-label*="${name}"], .tab.active:has-text("${name}")`).first().waitFor({ timeout: 5_000 });
  await page.locator('.monaco-editor .view-lines').first().waitFor();
}

/** Go to 1-based line:column through the "Go to Line" box. */
async function goTo(line, column = 1) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 5_000 });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 5_000 });
}

/** The text of a rendered line (whitespace normalised by the DOM: nbsp -> space). */
async function lineText(lineNumber) {
  // Ask the editor through the DOM: the line at `lineNumber` is visible after goTo.
  const texts = await page.locator('.monaco-editor .view-lines .view-line').allInnerTexts();
  const tops = await page.locator('.monaco-editor .view-lines .view-line').evaluateAll((els) => els.map((e) => parseFloat(e.style.top)));
  const numbers = await page.locator('.monaco-editor .margin-view-overlays .line-numbers').evaluateAll((els) =>
    els.map((e) => ({ n: Number(e.textContent), top: parseFloat(e.parentElement.style.top) })));
  const top = numbers.find((x) => x.n === lineNumber)?.top;
  const i = tops.findIndex((t) => t === top);
  return i >= 0 ? texts[i].replace(/\u00a0/g, ' ') : undefined;
}

async function waitForLine(lineNumber, predicate, what, timeout = 8_000) {
  const until = Date.now() + timeout;
  let last;
  while (Date.now() < until) {
    last = await lineText(lineNumber);
    if (last !== undefined && predicate(last)) return last;
    await sleep(150);
  }
  throw new Error(`line ${lineNumber}: ${what}; it reads ${JSON.stringify(last)}`);
}

function lineOf(file, re) {
  const lines = fs.readFileSync(path.join(workspace, file), 'utf8').split('\n');
  const i = lines.findIndex((l) => re.test(l));
  if (i < 0) throw new Error(`${re} not found in ${file}`);
  return { line: i + 1, text: lines[i] };
}

async function problemsCounts() {
  const item = page.locator('[id="status.problems"]').first();
  await item.waitFor({ timeout: 5_000 });
  const label = (await item.getAttribute('aria-label')) ?? (await item.innerText());
  const num = (re) => Number((label.match(re) ?? [])[1] ?? 0);
  return { label, errors: num(/(\d+)\s+Errors?/i) || num(/Errors?:\s*(\d+)/i), warnings: num(/(\d+)\s+Warnings?/i) || num(/Warnings?:\s*(\d+)/i) };
}

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
  // As a user has it: the packaged .vsix (so package.json `files` is proven too), installed.
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

  await step('Add Connection: one input with a step counter; an account id in the IID box is caught', async () => {
    await page.keyboard.press('Escape');
    await command('Add Connection');
    const widget = page.locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: 'where does it push?' }).waitFor({ timeout: 8_000 });
    const input = widget.locator('input');
    await input.fill('bots.example.com');
    await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'bots.example.com' }).first().waitFor({ timeout: 5_000 });
    await page.keyboard.press('Enter');
    await widget.locator('.quick-input-title', { hasText: 'application id (IID)' }).waitFor({ timeout: 5_000 });
    const title = (await widget.locator('.quick-input-title').innerText()).replace(/\s+/g, ' ');
    if (!/2\/7/.test(title)) throw new Error(`the IID step should show 2/7; title reads ${JSON.stringify(title)}`);
    await input.fill('67777ce93e25326494e9a1b2');
    await widget.locator('.quick-input-message', { hasText: 'looks like an account id' }).waitFor({ timeout: 5_000 });
    await widget.locator('.quick-input-header .codicon-quick-input-back, .quick-input-left-action-bar .codicon-quick-input-back').first().waitFor({ timeout: 5_000 });
    await sleep(300);
    await page.screenshot({ path: path.join(outDir, '06a-add-connection-step-2.png') });
    await page.keyboard.press('Escape');
  });

  await step('Get Started walkthrough: the five steps', async () => {
    await page.keyboard.press('Escape');
    await command('Welcome: Open Walkthrough...');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with Kore.ai Voice Campaigns' }).first();
    await row.waitFor({ timeout: 8_000 });
    await row.click();
    const walkthrough = page.locator('.gettingStartedContainer');
    for (const title of ['Create a JWT app and note its ids', 'Add a connection', 'Open an example campaign', 'Push to the local sandbox', 'Pull a campaign']) {
      await walkthrough.locator('.getting-started-step', { hasText: title }).first().waitFor({ timeout: 10_000 });
    }
    await walkthrough.locator('.getting-started-step', { hasText: 'Add a connection' }).first().click();
    await walkthrough.locator('button, a', { hasText: 'Add Connection' }).first().waitFor({ timeout: 5_000 });
    await sleep(800); // the step's markdown media renders in a webview
  });
} catch (err) {
  console.error(err?.stack ?? String(err));
  results.push({ name: 'set-up', state: 'failed', error: String(err) });
  await page?.screenshot({ path: path.join(outDir, 'setup-FAILED.png') }).catch(() => {});
} finally {
  await context?.close().catch(() => {});
  for (const p of pgids.splice(0)) killGroup(p);
  if (!argv.includes('--keep')) fs.rmSync(tmp, { recursive: true, force: true });
}

const passed = results.filter((r) => r.state === 'passed').length;
const failed = results.filter((r) => r.state === 'failed').length;
fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify({ passed, failed, results }, null, 2));
if (failed) console.log(`\nFailure screenshots and logs (code-server.log, sandbox.log) in test-results/e2e/`);
console.log(`browser end-to-end: ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in test-results/e2e/`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
