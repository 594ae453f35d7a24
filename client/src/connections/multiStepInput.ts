// One quick input that walks through several steps, like VS Code's own "Add ..." flows: a
// step counter ("2/7"), a Back button from the second step on, and each answer kept when the
// user goes back. Built on createQuickPick/createInputBox (showInputBox has neither a step
// counter nor Back). A flow is a list of steps computed from the answers so far, so choosing
// the local sandbox or a pasted JWT changes what comes next and the counter follows.
import * as vscode from 'vscode';

export const BACK = Symbol('back');
export type StepAnswer<T> = T | typeof BACK | undefined;

export interface StepPosition {
  step: number;
  totalSteps: number;
}

/** One step: ask, store the answer in the state, say where to go (undefined cancels). */
export type FlowStep<S> = (state: S, at: StepPosition) => Promise<'next' | typeof BACK | undefined>;

/**
 * Run the steps `plan(state)` returns (asked again after every answer). True when the last
 * step was answered; false when the user cancelled (Escape, or focus moved away).
 */
export async function runFlow<S>(state: S, plan: (state: S) => FlowStep<S>[]): Promise<boolean> {
  let index = 0;
  for (;;) {
    const steps = plan(state);
    if (index >= steps.length) return true;
    const result = await steps[index](state, { step: index + 1, totalSteps: steps.length });
    if (result === undefined) return false;
    index = result === BACK ? Math.max(0, index - 1) : index + 1;
  }
}

type Validation = string | vscode.InputBoxValidationMessage | undefined;

export interface InputStepOptions {
  title: string;
  prompt: string;
  value?: string;
  placeholder?: string;
  password?: boolean;
  validate: (value: string) => Validation;
}

function blocks(problem: Validation): boolean {
  return typeof problem === 'string' ? problem.length > 0 : problem?.severity === vscode.InputBoxValidationSeverity.Error;
}

/** A text step. Resolves with the trimmed value (secrets untrimmed), BACK, or undefined. */
export function inputStep(at: StepPosition, options: InputStepOptions): Promise<StepAnswer<string>> {
  const box = vscode.window.createInputBox();
  Object.assign(box, {
    title: options.title,
    step: at.step,
    totalSteps: at.totalSteps,
    prompt: options.prompt,
    value: options.value ?? '',
    placeholder: options.placeholder,
    password: options.password ?? false,
    ignoreFocusOut: true,
    buttons: at.step > 1 ? [vscode.QuickInputButtons.Back] : [],
  });
  return settle(box, (done) => [
    box.onDidChangeValue((value) => (box.validationMessage = options.validate(value))),
    box.onDidAccept(() => {
      const problem = options.validate(box.value);
      box.validationMessage = problem;
      if (!blocks(problem)) done(options.password ? box.value : box.value.trim());
    }),
  ]);
}

export interface PickStepOptions<T extends vscode.QuickPickItem> {
  title: string;
  placeholder: string;
  items: T[];
  /** The item chosen last time, selected again when the user comes back to this step. */
  active?: T;
  /**
   * When set, typing a value that no item matches offers it as an item of its own; the
   * function says why it cannot be used (the item shows that and accepting it does nothing).
   */
  typed?: { item: (value: string) => T; problem: (value: string) => string | undefined };
}

/** A choice step; with `typed`, a free-text answer is accepted as well. */
export function pickStep<T extends vscode.QuickPickItem>(at: StepPosition, options: PickStepOptions<T>): Promise<StepAnswer<T>> {
  const pick = vscode.window.createQuickPick<T>();
  Object.assign(pick, {
    title: options.title,
    step: at.step,
    totalSteps: at.totalSteps,
    placeholder: options.placeholder,
    items: options.items,
    ignoreFocusOut: true,
    sortByLabel: false,
    buttons: at.step > 1 ? [vscode.QuickInputButtons.Back] : [],
  });
  if (options.active) pick.activeItems = [options.active];
  const typedItem = (value: string): T | undefined => {
    if (!options.typed || !value.trim() || options.items.some((i) => i.label === value.trim())) return undefined;
    const item = options.typed.item(value.trim());
    const problem = options.typed.problem(value.trim());
    return { ...item, detail: problem ? `$(error) ${problem}` : item.detail, alwaysShow: true };
  };
  return settle(pick, (done) => [
    pick.onDidChangeValue((value) => {
      // Last, so a partly typed known host ("platform") still picks the known one on Enter.
      const typed = typedItem(value);
      pick.items = typed ? [...options.items, typed] : options.items;
    }),
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0] ?? pick.activeItems[0] ?? typedItem(pick.value);
      if (!chosen) return;
      if (options.typed && !options.items.includes(chosen) && options.typed.problem(chosen.label)) return;
      done(chosen);
    }),
  ]);
}

/** Show `input`, resolve once (answer, BACK or cancel), then dispose it and its listeners. */
function settle<T>(
  input: vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox,
  listen: (done: (answer: StepAnswer<T>) => void) => vscode.Disposable[],
): Promise<StepAnswer<T>> {
  return new Promise((resolve) => {
    let settled = false;
    const disposables: vscode.Disposable[] = [];
    const done = (answer: StepAnswer<T>) => {
      if (settled) return;
      settled = true;
      resolve(answer);
      for (const d of disposables) d.dispose();
      input.dispose();
    };
    disposables.push(
      ...listen(done),
      input.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && done(BACK)),
      input.onDidHide(() => done(undefined)),
    );
    input.show();
  });
}
