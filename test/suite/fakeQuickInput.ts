// Scripted answers for the extension's multi-step inputs (vscode.window.createQuickPick and
// createInputBox), without driving the workbench's quick open. The extension's own code runs
// unchanged: it sets title, step, totalSteps, buttons, items and validation on these objects,
// and receives the events a user would cause (typing, accepting, Back, Escape). What it showed
// is recorded for the test to assert on.
import * as vscode from 'vscode';

export const BACK = Symbol('back');
/** An answer: text to type (an input box) or an item label or free text (a quick pick), Back, or Escape (undefined). */
export type ScriptedAnswer = string | typeof BACK | undefined;

export interface ShownInput {
  type: 'pick' | 'input';
  title: string;
  step?: number;
  totalSteps?: number;
  /** The Back button was offered. */
  back: boolean;
  prompt?: string;
  /** The pre-filled value (input boxes) when shown. */
  value: string;
  password?: boolean;
  items?: string[];
  /** Answers the extension refused, with the message it showed for each. */
  refused: { answer: string; message: string }[];
  /** Set when the script could not answer (ran out, or named an item that is not there). */
  error?: string;
}

type Emitters = Record<'changeValue' | 'accept' | 'button' | 'hide' | 'changeSelection' | 'changeActive', vscode.EventEmitter<unknown>>;

function validationText(message: unknown): string {
  if (typeof message === 'string') return message;
  return (message as vscode.InputBoxValidationMessage | undefined)?.message ?? '';
}

class FakeInput {
  title = '';
  step: number | undefined;
  totalSteps: number | undefined;
  value = '';
  prompt: string | undefined;
  placeholder: string | undefined;
  password = false;
  ignoreFocusOut = false;
  buttons: readonly vscode.QuickInputButton[] = [];
  validationMessage: unknown;
  items: readonly vscode.QuickPickItem[] = [];
  activeItems: readonly vscode.QuickPickItem[] = [];
  selectedItems: readonly vscode.QuickPickItem[] = [];
  enabled = true;
  busy = false;
  disposed = false;
  private readonly e: Emitters = {
    changeValue: new vscode.EventEmitter(),
    accept: new vscode.EventEmitter(),
    button: new vscode.EventEmitter(),
    hide: new vscode.EventEmitter(),
    changeSelection: new vscode.EventEmitter(),
    changeActive: new vscode.EventEmitter(),
  };
  readonly onDidChangeValue = this.e.changeValue.event;
  readonly onDidAccept = this.e.accept.event;
  readonly onDidTriggerButton = this.e.button.event;
  readonly onDidHide = this.e.hide.event;
  readonly onDidChangeSelection = this.e.changeSelection.event;
  readonly onDidChangeActive = this.e.changeActive.event;

  constructor(
    private readonly type: 'pick' | 'input',
    private readonly answer: (shown: ShownInput) => ScriptedAnswer,
    private readonly record: (shown: ShownInput) => void,
  ) {}

  show(): void {
    const shown: ShownInput = {
      type: this.type,
      title: this.title,
      step: this.step,
      totalSteps: this.totalSteps,
      back: this.buttons.includes(vscode.QuickInputButtons.Back),
      prompt: this.prompt,
      value: this.value,
      password: this.password,
      items: this.type === 'pick' ? this.items.map((i) => i.label) : undefined,
      refused: [],
    };
    this.record(shown);
    // Answer after the extension has finished setting up its listeners, as a user would. A
    // script that runs out or names a missing item cancels the input, with the reason recorded.
    setTimeout(() => {
      try {
        this.play(shown);
      } catch (error) {
        shown.error = String((error as Error)?.message ?? error);
        this.e.hide.fire(undefined);
      }
    }, 0);
  }

  private play(shown: ShownInput): void {
    while (!this.disposed) {
      const answer = this.answer(shown);
      if (answer === undefined) return void this.e.hide.fire(undefined);
      if (answer === BACK) return void this.e.button.fire(vscode.QuickInputButtons.Back);
      this.value = answer;
      this.e.changeValue.fire(answer);
      let message = validationText(this.validationMessage);
      if (this.type === 'pick') {
        const item = this.items.find((i) => i.label === answer);
        if (!item) throw new Error(`"${shown.title}" offers no item "${answer}": ${this.items.map((i) => i.label).join(', ')}`);
        this.activeItems = [item];
        this.selectedItems = [item];
        message = /^\$\(error\) /.test(item.detail ?? '') ? item.detail!.replace(/^\$\(error\) /, '') : '';
      }
      this.e.accept.fire(undefined);
      if (this.disposed) return;
      // Still open after Enter: the extension refused the answer.
      if (this.type === 'input') message = validationText(this.validationMessage);
      shown.refused.push({ answer, message });
    }
  }

  hide(): void {
    this.e.hide.fire(undefined);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const emitter of Object.values(this.e)) emitter.dispose();
  }
}

/**
 * Replace createQuickPick/createInputBox on the API object the extension also uses (one per
 * extension; the suite runs inside the extension's folder). Returns the function that restores them.
 */
export function installFakeQuickInputs(answer: (shown: ShownInput) => ScriptedAnswer, record: (shown: ShownInput) => void): () => void {
  const w = vscode.window as unknown as Record<string, unknown>;
  const originals = { createQuickPick: w.createQuickPick, createInputBox: w.createInputBox };
  w.createQuickPick = () => new FakeInput('pick', answer, record);
  w.createInputBox = () => new FakeInput('input', answer, record);
  return () => Object.assign(w, originals);
}
