// Scripted answers to the extension's dialogs, for the in-editor tests.
//
// The dialogs are answered by replacing `vscode.window.show*` on the extension's API object:
// VS Code hands one API object per extension, and this suite lives inside the extension's
// folder, so the extension's prompts come here. Every prompt and message is recorded.
// `createQuickPick` is not replaced: the real pick is shown, and recorded so a test can type
// into it and accept an item the way a user does.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { installFakeQuickInputs } from './fakeQuickInput';

export interface Shown {
  kind: 'info' | 'warning' | 'error' | 'quickPick' | 'inputBox' | 'openDialog';
  text: string;
  items?: string[];
  modal?: boolean;
  detail?: string;
}

/** Answers for prompts, consumed in order; messages are answered by matchers. */
export class ScriptedUi {
  readonly shown: Shown[] = [];
  /** Every quick pick the extension created with createQuickPick, newest last. */
  readonly quickPicks: vscode.QuickPick<vscode.QuickPickItem>[] = [];
  private picks: ((labels: string[]) => string | undefined)[] = [];
  private inputs: string[] = [];
  private folders: (vscode.Uri | undefined)[] = [];
  private buttons: { match: RegExp; choose: string; onShown?: () => void }[] = [];
  private originals: Partial<typeof vscode.window> = {};

  pick(label: string | undefined): this {
    this.picks.push(() => label);
    return this;
  }
  type(...values: string[]): this {
    this.inputs.push(...values);
    return this;
  }
  chooseFolder(folder: vscode.Uri | undefined): this {
    this.folders.push(folder);
    return this;
  }
  /** Answer messages matching `match` with `choose` (the newest matching rule wins); `onShown` runs first, e.g. to arm a sandbox fault. */
  click(match: RegExp, choose: string, onShown?: () => void): this {
    this.buttons.push({ match, choose, onShown });
    return this;
  }
  messages(kind?: Shown['kind']): string[] {
    return this.shown.filter((s) => !kind || s.kind === kind).map((s) => s.text);
  }
  clear(): void {
    this.shown.length = 0;
    this.buttons = [];
  }
  assertConsumed(): void {
    assert.deepEqual(
      { quickPicks: this.picks.length, inputs: this.inputs.length, folders: this.folders.length },
      { quickPicks: 0, inputs: 0, folders: 0 },
      'every scripted answer was asked for',
    );
  }

  /**
   * Answer the multi-step inputs (Add Connection, credentials: createQuickPick/createInputBox)
   * from the same queues until the returned function is called. Off by default, so the real
   * quick pick of Pull Campaign stays real.
   */
  fakeQuickInputs(): () => void {
    return installFakeQuickInputs(
      (shown) => {
        if (shown.type === 'input') {
          const value = this.inputs.shift();
          assert.ok(value !== undefined, `unexpected input box "${shown.title}"`);
          return value;
        }
        const next = this.picks.shift();
        assert.ok(next, `unexpected quick pick "${shown.title}" (${shown.items?.join(', ')})`);
        return next(shown.items ?? []);
      },
      (shown) => this.shown.push({ kind: shown.type === 'pick' ? 'quickPick' : 'inputBox', text: shown.title, items: shown.items }),
    );
  }

  install(): void {
    const w = vscode.window as unknown as Record<string, unknown>;
    for (const k of [
      'showQuickPick',
      'showInputBox',
      'showInformationMessage',
      'showWarningMessage',
      'showErrorMessage',
      'showOpenDialog',
      'createQuickPick',
    ] as const) {
      (this.originals as Record<string, unknown>)[k] = w[k];
    }
    w.showQuickPick = async (
      items: readonly (string | vscode.QuickPickItem)[] | Thenable<readonly (string | vscode.QuickPickItem)[]>,
      options?: vscode.QuickPickOptions,
    ) => {
      const list = await items;
      const labels = list.map((i) => (typeof i === 'string' ? i : i.label));
      this.shown.push({ kind: 'quickPick', text: options?.title ?? '', items: labels });
      const next = this.picks.shift();
      assert.ok(next, `unexpected quick pick "${options?.title}" (${labels.join(', ')})`);
      const want = next(labels);
      if (want === undefined) return undefined;
      const item = list.find((i) => (typeof i === 'string' ? i : i.label) === want);
      assert.ok(item, `quick pick "${options?.title}" has no item "${want}"; items: ${labels.join(', ')}`);
      return item;
    };
    w.showInputBox = async (options?: vscode.InputBoxOptions) => {
      this.shown.push({ kind: 'inputBox', text: options?.title ?? options?.prompt ?? '' });
      const value = this.inputs.shift();
      assert.ok(value !== undefined, `unexpected input box "${options?.title}"`);
      // The extension's own validation runs on what the user "typed".
      const problem = await options?.validateInput?.(value);
      const message =
        typeof problem === 'string'
          ? problem
          : problem && problem.severity === vscode.InputBoxValidationSeverity.Error
            ? problem.message
            : undefined;
      assert.ok(!message, `input "${value}" for "${options?.title}" was refused: ${message}`);
      return value;
    };
    w.showOpenDialog = async (options?: vscode.OpenDialogOptions) => {
      this.shown.push({ kind: 'openDialog', text: options?.title ?? '' });
      assert.ok(this.folders.length, `unexpected open dialog "${options?.title}"`);
      const folder = this.folders.shift();
      return folder ? [folder] : undefined;
    };
    const create = this.originals.createQuickPick!.bind(vscode.window);
    w.createQuickPick = () => {
      const pick = create();
      this.quickPicks.push(pick);
      return pick;
    };
    const message =
      (kind: Shown['kind']) =>
      async (text: string, ...rest: unknown[]) => {
        const items = rest.filter((r): r is string => typeof r === 'string');
        const options = rest.find((r): r is vscode.MessageOptions => !!r && typeof r === 'object');
        this.shown.push({ kind, text, items, modal: options?.modal ?? false, detail: options?.detail });
        const rule = [...this.buttons].reverse().find((b) => b.match.test(text) && items.includes(b.choose));
        rule?.onShown?.();
        return rule?.choose;
      };
    w.showInformationMessage = message('info');
    w.showWarningMessage = message('warning');
    w.showErrorMessage = message('error');
  }

  restore(): void {
    Object.assign(vscode.window as unknown as Record<string, unknown>, this.originals);
  }
}

export interface TestCredentials {
  clientId: string;
  clientSecret: string;
  iid: string;
  accountId: string;
}

/** A suite's own sandbox identity (`tag` keeps suites apart), in the shapes the platform uses. */
export function testCredentials(tag: string): TestCredentials {
  return {
    clientId: `cs-${tag}-test-0000-4000-8000-00000000abcd`,
    clientSecret: `${tag}-test-secret-0123456789abcdef0123456789`,
    iid: `st-${tag}-test-0000-4000-8000-00000000abcd`,
    accountId: `acct-${tag}-test-1`,
  };
}

/** Adds (and selects) a connection through the extension's own Add Connection prompts. */
export async function addConnectionThroughUi(
  ui: ScriptedUi,
  url: string,
  creds: TestCredentials,
  name: string,
  secret = creds.clientSecret,
): Promise<void> {
  // The host step takes a typed URL as its answer.
  ui.pick(url).type(creds.iid, creds.accountId).type(name).pick('Client ID and Client Secret').type(creds.clientId, secret);
  // addConnection asks for the name with a pre-filled value: the script types a full name.
  const restore = ui.fakeQuickInputs();
  try {
    await vscode.commands.executeCommand('koreCampaign.addConnection');
  } finally {
    restore();
  }
  ui.assertConsumed();
}
