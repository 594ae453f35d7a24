import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseCampaign, type ParsedCampaign } from './core';

/**
 * The last parse of each open document, keyed by version: validation parses once per
 * change and every later request (completion, hover, code actions) reuses it.
 */
export class CampaignDocuments {
  private readonly cache = new Map<string, { version: number; parsed: ParsedCampaign }>();

  get(document: TextDocument): ParsedCampaign {
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version) return cached.parsed;
    const parsed = parseCampaign(document.getText());
    this.cache.set(document.uri, { version: document.version, parsed });
    return parsed;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
