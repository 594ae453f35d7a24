// Driving code-server's workbench from Playwright, as a user does: the command palette, Quick
// Open, Go to Line, the rendered lines, the status bar; and the steps of a browser run with a
// screenshot each. Used by the browser runs (test/e2e, test/web).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sleep } from './code-server.mjs';

/** The helpers below bound to the run's page (which exists only once the browser is up). */
export function workbench(getPage) {
  return {
    command: (title) => runCommand(getPage(), title),
    openFile: (name) => openFile(getPage(), name),
    goTo: (line, column) => goTo(getPage(), line, column),
    lineText: (lineNumber) => lineText(getPage(), lineNumber),
    waitForLine: (lineNumber, predicate, what, timeout) => waitForLine(getPage(), lineNumber, predicate, what, timeout),
    problemsCounts: () => problemsCounts(getPage()),
    waitForProblems: (errors, warnings) => waitForProblems(getPage(), errors, warnings),
  };
}

/**
 * Named steps, each from a calm workbench (no widget left open by the step before) and ending
 * with a screenshot `NN-name.png` in outDir (`NN-name-FAILED.png` when it fails). A failing
 * step is recorded and the run goes on. finish() writes results.json, prints the closing line
 * `N passed, N failed` and returns the exit code.
 */
export function browserSteps(outDir, getPage) {
  const results = [];
  const slug = (s) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 50);
  return {
    results,
    /** The workbench helpers bound to the same page. */
    workbench: workbench(getPage),
    async step(name, fn) {
      const page = getPage();
      const n = String(results.length + 1).padStart(2, '0');
      const started = Date.now();
      try {
        // Start from a calm workbench: no widget, palette or menu left open by the step before.
        await page.mouse.move(5, 5);
        for (let i = 0; i < 2; i++) {
          await page.keyboard.press('Escape');
          await sleep(100);
        }
        await fn();
        await page.screenshot({ path: path.join(outDir, `${n}-${slug(name)}.png`) });
        results.push({ name, state: 'passed', ms: Date.now() - started });
        console.log(`  ✔ ${name} (${Date.now() - started} ms)`);
      } catch (err) {
        results.push({ name, state: 'failed', error: String(err?.stack ?? err) });
        console.log(
          `  ✗ ${name}\n    ${String(err?.message ?? err)
            .split('\n')
            .join('\n    ')}`,
        );
        await page?.screenshot({ path: path.join(outDir, `${n}-${slug(name)}-FAILED.png`) }).catch(() => {});
        await page?.keyboard.press('Escape').catch(() => {});
      }
    },
    /** The set-up failed before or between steps. */
    async setupFailed(err) {
      console.error(err?.stack ?? String(err));
      results.push({ name: 'set-up', state: 'failed', error: String(err) });
      await getPage()
        ?.screenshot({ path: path.join(outDir, 'setup-FAILED.png') })
        .catch(() => {});
    },
    finish(summary, failureNote) {
      const passed = results.filter((r) => r.state === 'passed').length;
      const failed = results.filter((r) => r.state === 'failed').length;
      fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify({ passed, failed, results }, null, 2));
      if (failed && failureNote) console.log(`\n${failureNote}`);
      console.log(summary);
      console.log(`${passed} passed, ${failed} failed`);
      return failed ? 1 : 0;
    },
  };
}

/** The 1-based line of `file` (under `folder`) matching `re`, and its text. */
export function lineOf(folder, file, re) {
  const lines = fs.readFileSync(path.join(folder, file), 'utf8').split('\n');
  const i = lines.findIndex((l) => re.test(l));
  if (i < 0) throw new Error(`${re} not found in ${file}`);
  return { line: i + 1, text: lines[i] };
}

/** Run a command by its palette title. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 5_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 5_000 });
  await page.keyboard.press('Enter');
}

/** Open a workspace file by name through Quick Open, and wait for its editor. */
export async function openFile(page, name) {
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
  // Quick Open's file search can miss the first query while the workbench starts up: ask again.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 5_000 });
    await input.fill(name);
    try {
      await row.waitFor({ timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
      await sleep(500);
    }
  }
  // Click the matching row (Enter could pick a row from before the filter applied).
  await sleep(200);
  await row.click();
  await page.locator(`.tab.active[aria-label*="${name}"], .tab.active:has-text("${name}")`).first().waitFor({ timeout: 5_000 });
  await page.locator('.monaco-editor .view-lines').first().waitFor();
}

/** Go to 1-based line:column through the "Go to Line" box. */
export async function goTo(page, line, column = 1) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 5_000 });
  await input.fill(`:${line}:${column}`);
  // Enter counts once the box has read the line number (its row says so); a busy workbench can drop an earlier one.
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: `line ${line}` })
    .first()
    .waitFor({ timeout: 5_000 })
    .catch(() => {});
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Enter');
    try {
      await input.waitFor({ state: 'hidden', timeout: 2_500 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** The text of a rendered line of the active editor (whitespace normalised by the DOM: nbsp -> space). */
export async function lineText(page, lineNumber) {
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line');
  const texts = await lines.allInnerTexts();
  const tops = await lines.evaluateAll((els) => els.map((e) => parseFloat(e.style.top)));
  const numbers = await page
    .locator('.editor-group-container.active .monaco-editor .margin-view-overlays .line-numbers')
    .evaluateAll((els) => els.map((e) => ({ n: Number(e.textContent), top: parseFloat(e.parentElement.style.top) })));
  const top = numbers.find((x) => x.n === lineNumber)?.top;
  const i = tops.findIndex((t) => t === top);
  return i >= 0 ? texts[i].replace(/\u00a0/g, ' ') : undefined;
}

export async function waitForLine(page, lineNumber, predicate, what, timeout = 8_000) {
  const until = Date.now() + timeout;
  let last;
  while (Date.now() < until) {
    last = await lineText(page, lineNumber);
    if (last !== undefined && predicate(last)) return last;
    await sleep(150);
  }
  throw new Error(`line ${lineNumber}: ${what}; it reads ${JSON.stringify(last)}`);
}

/** Errors and warnings as the status bar's Problems item counts them. */
export async function problemsCounts(page) {
  const item = page.locator('[id="status.problems"]').first();
  await item.waitFor({ timeout: 5_000 });
  const label = (await item.getAttribute('aria-label')) ?? (await item.innerText());
  const num = (re) => Number((label.match(re) ?? [])[1] ?? 0);
  return {
    label,
    errors: num(/(\d+)\s+Errors?/i) || num(/Errors?:\s*(\d+)/i),
    warnings: num(/(\d+)\s+Warnings?/i) || num(/Warnings?:\s*(\d+)/i),
  };
}

/** Waits until the status bar counts these errors and warnings; throws with what it says otherwise. */
export async function waitForProblems(page, errors, warnings, timeout = 10_000) {
  const until = Date.now() + timeout;
  let counts;
  do {
    counts = await problemsCounts(page);
    if (counts.errors === errors && counts.warnings === warnings) return counts;
    await sleep(200);
  } while (Date.now() < until);
  throw new Error(`status bar says "${counts.label}"; expected ${errors} errors, ${warnings} warnings (the CLI's count)`);
}
