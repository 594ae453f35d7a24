// The questions a push may ask of the file before it sends: push anyway despite warnings, which
// campaign to update when the file names none, and whether to write that id into the file.
// (Which connection and which credentials: connections/session.ts, shared with every command.)
import * as vscode from 'vscode';
import type { CampaignDiagnostic, ParsedCampaign } from '../../../core/src';
import { checkCampaignId } from '../../../platform/src';
import { writeCampaignId } from '../files/campaignId';

export async function confirmWarnings(fileName: string, warnings: CampaignDiagnostic[]): Promise<boolean> {
  const shown = warnings.slice(0, 3).map((w) => `line ${w.range.start.line + 1}: ${w.message}`);
  if (warnings.length > 3) shown.push(`... and ${warnings.length - 3} more (see Problems)`);
  const choice = await vscode.window.showWarningMessage(
    `${fileName} has ${warnings.length} warning${warnings.length === 1 ? '' : 's'}. Push anyway?`,
    { modal: true, detail: shown.join('\n') },
    'Push Anyway',
  );
  return choice === 'Push Anyway';
}

/** Ask for the campaign id when the file has none. */
export async function promptCampaignId(fileName: string): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    ignoreFocusOut: true,
    title: `Campaign to update with ${fileName}`,
    prompt:
      'The campaignId of the existing campaign (from the campaign URL or the list API), e.g. cd-ed19e3c7-3682-5e72-a839-af9e0711xxxx.',
    placeHolder: 'cd-...',
    validateInput: (value) => (value.trim() ? checkCampaignId(value.trim()) : 'Enter a campaign id.'),
  });
  return value?.trim();
}

/** `parsed`: the text the push read, so the edit needs no second parse and a later change is noticed. */
export async function offerToWriteCampaignId(uri: vscode.Uri, parsed: ParsedCampaign, campaignId: string, fileName: string): Promise<void> {
  const choice = await vscode.window.showInformationMessage(
    `Write "campaignId: ${campaignId}" into ${fileName}, so the next push needs no question? (It is never sent in the body.)`,
    'Write to File',
    'Not Now',
  );
  if (choice !== 'Write to File') return;
  const written = await writeCampaignId(uri, parsed, campaignId);
  if (written === 'no-place')
    void vscode.window.showWarningMessage(`Could not add campaignId to ${fileName} (its top level is not a mapping); add it by hand.`);
  else if (written === 'changed')
    void vscode.window.showWarningMessage(
      `${fileName} changed meanwhile; campaignId was not written. Add "campaignId: ${campaignId}" by hand.`,
    );
  else if (written === 'refused') void vscode.window.showWarningMessage(`campaignId could not be written into ${fileName}.`);
}
