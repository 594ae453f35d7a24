// LSP wiring for the authoring features (completion, hover, code actions, outline, folding,
// selection ranges): each handler takes the cached parse, calls one core service and renames
// its result into LSP shapes. No analysis here.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  CompletionItemKind,
  CompletionTriggerKind,
  InsertTextFormat,
  InsertTextMode,
  SymbolKind,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Connection,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type SelectionRange,
  type TextDocuments,
} from 'vscode-languageserver';
import type { CampaignDocuments } from './campaignDocuments';
import type { DiagnosticData } from './convert';
import { guardedBy } from './log';
import {
  completeAt,
  documentSymbols,
  fixAll,
  FIX_ALL_KIND,
  FIX_ALL_TITLE,
  foldingRanges,
  hoverAt,
  isValidTimeZone,
  quickFixes,
  selectionRange,
  validateCampaign,
  type ValidationOptions,
  type CampaignCodeAction,
  type CampaignSelectionRange,
  type CampaignSymbol,
  type CompletionEntry,
  type FixableDiagnostic,
  type KnownContactLists,
  type SymbolKindName,
  type WorkspaceTimeZonesParams,
  WORKSPACE_TIME_ZONES,
} from '../../core/src';

export const AUTHORING_CAPABILITIES = {
  // A space after `key:` or `- ` opens the list (`timezone: ` shows the zones); so does an opening quote.
  completionProvider: { triggerCharacters: [' ', ':', '"'], resolveProvider: false },
  hoverProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
  documentSymbolProvider: { label: 'Kore.ai campaign' },
  foldingRangeProvider: true,
  selectionRangeProvider: true,
};

const COMPLETION_KIND: Record<CompletionEntry['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  snippet: CompletionItemKind.Snippet,
  constant: CompletionItemKind.Constant,
  timezone: CompletionItemKind.Value,
};

const SYMBOL_KIND: Record<SymbolKindName, SymbolKind> = {
  module: SymbolKind.Module,
  object: SymbolKind.Object,
  array: SymbolKind.Array,
  string: SymbolKind.String,
  number: SymbolKind.Number,
  boolean: SymbolKind.Boolean,
  event: SymbolKind.Event,
  enumMember: SymbolKind.EnumMember,
  null: SymbolKind.Null,
};

export interface AuthoringHost {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  campaigns: CampaignDocuments;
  /** The options the document's diagnostics were published with (its folder's settings). */
  validationOptions(uri: string): ValidationOptions;
  /** The active connection's contact lists, when known. */
  contactLists(): KnownContactLists | undefined;
}

export function registerAuthoring(host: AuthoringHost): { initialize(params: { capabilities: ClientCaps }): void } {
  const { connection, documents, campaigns } = host;
  // Each handler logs its exceptions with the file's name and answers nothing (./log.ts).
  const guarded = guardedBy(connection.console);
  let snippets = true;
  /** Campaign file URI -> its time zone, for the workspace's files that are not open (from the client's scan). */
  let workspaceZones = new Map<string, string>();

  // The client reads the workspace (vscode.workspace.fs: local disk, github.dev's virtual one alike) and sends what it found.
  connection.onNotification(
    WORKSPACE_TIME_ZONES,
    guarded(WORKSPACE_TIME_ZONES, (params: WorkspaceTimeZonesParams) => {
      workspaceZones = new Map(
        (Array.isArray(params?.files) ? params.files : [])
          .filter((f) => typeof f?.uri === 'string' && typeof f.timeZone === 'string')
          .map((f) => [f.uri, f.timeZone]),
      );
    }),
  );

  connection.onCompletion(
    guarded('textDocument/completion', (params): CompletionList | null => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const trigger = params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter ? params.context.triggerCharacter : undefined;
      const result = completeAt(campaigns.get(document), params.position, {
        workspaceZones: otherZones(document.uri),
        contactLists: host.contactLists(),
        ...(trigger ? { triggerCharacter: trigger } : {}),
      });
      return { isIncomplete: result.isIncomplete, items: result.items.map((entry) => toCompletionItem(entry, snippets)) };
    }),
  );

  connection.onHover(
    guarded('textDocument/hover', (params): Hover | null => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const hover = hoverAt(campaigns.get(document), params.position, { contactLists: host.contactLists() });
      return hover ? { contents: { kind: 'markdown', value: hover.contents }, range: hover.range } : null;
    }),
  );

  connection.onCodeAction(
    guarded('textDocument/codeAction', (params): CodeAction[] | null => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const only = params.context.only;
      const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
      const actions: CodeAction[] = [];
      if (wants(CodeActionKind.QuickFix)) {
        // The fixes travel with the diagnostics (`data`), computed when the file was validated.
        const lspDiagnostics = params.context.diagnostics.filter((d) => d.source === 'kore-campaign');
        const fixable: FixableDiagnostic[] = lspDiagnostics.map((d) => ({
          range: d.range,
          fixes: (d.data as DiagnosticData | undefined)?.fixes,
        }));
        for (const action of quickFixes(fixable, params.range)) actions.push(toCodeAction(action, document.uri, lspDiagnostics));
      }
      // Source actions only when asked for by kind (Source Action menu, fix on save); the light bulb gets a quick fix.
      const wantsFixAll = only !== undefined && wants(FIX_ALL_KIND);
      const offerInQuickFixMenu = wants(CodeActionKind.QuickFix) && actions.length > 0;
      if (wantsFixAll || offerInQuickFixMenu) {
        const all = currentDiagnostics(document);
        const action = fixAll(all);
        if (action && wantsFixAll) actions.push(toCodeAction(action, document.uri, []));
        // As linters do: when more than one problem can be fixed, offer fixing them all from the light bulb too.
        else if (action && action.diagnostics.length > 1)
          actions.push(toCodeAction({ ...action, kind: 'quickfix', title: FIX_ALL_TITLE }, document.uri, []));
      }
      return actions;
    }),
  );

  connection.onDocumentSymbol(
    guarded('textDocument/documentSymbol', (params): DocumentSymbol[] | null => {
      const document = documents.get(params.textDocument.uri);
      return document ? documentSymbols(campaigns.get(document)).map(toDocumentSymbol) : null;
    }),
  );

  connection.onFoldingRanges(
    guarded('textDocument/foldingRange', (params): FoldingRange[] | null => {
      const document = documents.get(params.textDocument.uri);
      return document
        ? foldingRanges(campaigns.get(document)).map((r) => ({
            startLine: r.startLine,
            endLine: r.endLine,
            ...(r.kind ? { kind: r.kind } : {}),
          }))
        : null;
    }),
  );

  connection.onSelectionRanges(
    guarded('textDocument/selectionRange', (params): SelectionRange[] | null => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const parsed = campaigns.get(document);
      return params.positions.map((position) => toSelectionRange(selectionRange(parsed, position)));
    }),
  );

  function currentDiagnostics(document: TextDocument): FixableDiagnostic[] {
    return validateCampaign(campaigns.get(document), host.validationOptions(document.uri));
  }

  /** Zones named by the other open campaigns and the workspace's campaign files. */
  function otherZones(uri: string): string[] {
    const zones = new Set<string>();
    for (const other of documents.all()) {
      if (other.uri === uri) continue;
      // The summary, not the parse: evicted documents are not parsed again for a sort order.
      const zone = campaigns.summary(other).timeZone;
      if (zone && isValidTimeZone(zone)) zones.add(zone);
    }
    for (const [fileUri, zone] of workspaceZones) if (fileUri !== uri && !documents.get(fileUri) && isValidTimeZone(zone)) zones.add(zone);
    return [...zones];
  }

  return {
    initialize(params) {
      snippets = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport !== false;
    },
  };
}

type ClientCaps = { textDocument?: { completion?: { completionItem?: { snippetSupport?: boolean } } } };

function toCompletionItem(entry: CompletionEntry, snippets: boolean): CompletionItem {
  const snippet = entry.snippet && snippets;
  const newText = entry.snippet && !snippets ? stripSnippet(entry.insertText) : entry.insertText;
  return {
    label: entry.label,
    kind: COMPLETION_KIND[entry.kind],
    ...(entry.detail ? { detail: entry.detail } : {}),
    ...(entry.documentation ? { documentation: { kind: 'markdown', value: entry.documentation } } : {}),
    textEdit: { range: entry.range, newText },
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    // The core writes the final indentation; the editor must not add the line's indentation again.
    insertTextMode: InsertTextMode.asIs,
    ...(entry.filterText ? { filterText: entry.filterText } : {}),
    ...(entry.sortText ? { sortText: entry.sortText } : {}),
    ...(entry.preselect ? { preselect: true } : {}),
  };
}

/** A snippet as plain text, for clients without snippet support: placeholders keep their default. */
function stripSnippet(text: string): string {
  return text
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([\\$}])/g, '$1');
}

function toCodeAction(action: CampaignCodeAction, uri: string, diagnostics: Diagnostic[]): CodeAction {
  return {
    title: action.title,
    kind: action.kind,
    ...(diagnostics.length ? { diagnostics: action.diagnostics.map((i) => diagnostics[i]).filter(Boolean) } : {}),
    ...(action.preferred ? { isPreferred: true } : {}),
    edit: { changes: { [uri]: action.edits } },
  };
}

function toDocumentSymbol(symbol: CampaignSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    ...(symbol.detail ? { detail: symbol.detail } : {}),
    kind: SYMBOL_KIND[symbol.kind],
    range: symbol.range,
    selectionRange: symbol.selectionRange,
    children: symbol.children.map(toDocumentSymbol),
  };
}

function toSelectionRange(range: CampaignSelectionRange): SelectionRange {
  return { range: range.range, ...(range.parent ? { parent: toSelectionRange(range.parent) } : {}) };
}
