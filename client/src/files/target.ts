// The campaign file a command works on: the one it was given (explorer, editor title), else
// the active editor's; its text as the user sees it, parsed.
import * as vscode from 'vscode';
import { parseCampaign } from '../../../core/src';
import { LANGUAGE_ID } from '../language';
import { currentText } from './campaignFiles';

const CAMPAIGN_FILE = /\.campaign\.ya?ml$/i;

export interface CampaignTarget {
  uri: vscode.Uri;
  fileName: string;
  text: string;
  campaign: Record<string, unknown>;
  /** The file's campaignId, trimmed, when it has one. */
  campaignId?: string;
}

export async function campaignTarget(arg: unknown, action: string): Promise<CampaignTarget | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage(`Open a *.campaign.yaml file to ${action}.`);
    return undefined;
  }
  const fileName = uri.path.split('/').pop() ?? uri.path;
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!CAMPAIGN_FILE.test(uri.path) && open?.languageId !== LANGUAGE_ID) {
    void vscode.window.showErrorMessage(`${fileName} is not a campaign file (*.campaign.yaml).`);
    return undefined;
  }
  const text = await currentText(uri);
  if (text === undefined) {
    void vscode.window.showErrorMessage(`Cannot read ${fileName}.`);
    return undefined;
  }
  const value = parseCampaign(text).value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    void vscode.window.showErrorMessage(`${fileName} does not hold a campaign mapping, so there is nothing to ${action}.`);
    return undefined;
  }
  const campaign = value as Record<string, unknown>;
  const id = campaign.campaignId;
  const campaignId = typeof id === 'string' && id.trim() ? id.trim() : undefined;
  return { uri, fileName, text, campaign, campaignId };
}
