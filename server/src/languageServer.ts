// The language server's wiring: documents, settings per workspace folder, diagnostics and
// the authoring features, over whatever connection the entry point made (server.ts: Node over
// stdio or IPC; browserMain.ts: a web worker). It imports the platform-neutral
// `vscode-languageserver` and no Node module.
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { AUTHORING_CAPABILITIES, registerAuthoring } from './authoring';
import { previewCommandOf, registerCallingHoursLens } from './callingHoursLens';
import { CampaignDocuments } from './campaignDocuments';
import { toLspDiagnostic } from './convert';
import { SETTINGS_SECTION, validateCampaignLimited, type CampaignSettings } from '../../core/src';
import { fileNameOf, guardedBy, runtimeDescription, SLOW_VALIDATION_MS } from './log';
import { DEFAULT_MAX_PROBLEMS, omittedProblemsNote } from './problemLimit';
import { PlatformData } from './platformData';
import { PLATFORM_DATA_NOTIFICATION } from '../../core/src/platformProtocol';
import { FolderSettings } from './settings';

// The package's version, put in by the build (scripts/build.mjs `define`), as the CLI's --version.
declare const KORE_CAMPAIGN_VERSION: string;
const SERVER_VERSION: string = KORE_CAMPAIGN_VERSION;

export function startLanguageServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const campaigns = new CampaignDocuments();
  // Each handler logs its exceptions with the file's name and answers nothing (./log.ts).
  const guarded = guardedBy(connection.console);
  let settings = new FolderSettings(undefined, connection.console);
  let canPullConfiguration = false;
  let multiRoot = false;
  // The active connection's contact lists, as the extension last said (koreCampaign/platformData).
  const platformData = new PlatformData();
  // Completion, hover, code actions, outline, folding and selection ranges (./authoring.ts).
  const authoring = registerAuthoring({
    connection,
    documents,
    campaigns,
    validationOptions: (uri) => ({ ...settings.current(uri), contactLists: platformData.contactLists }),
    contactLists: () => platformData.contactLists,
  });

  // The "Preview calling hours" lens, for a client that names its preview command (./callingHoursLens.ts).
  let previewCommand: string | undefined;
  registerCallingHoursLens(connection, documents, campaigns, () => previewCommand);

  connection.onInitialize((params): InitializeResult => {
    previewCommand = previewCommandOf(params.initializationOptions);
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    multiRoot = params.capabilities.workspace?.workspaceFolders === true;
    if (canPullConfiguration) {
      const pull = async (scopeUri: string) =>
        (await connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION })) as CampaignSettings | undefined;
      settings = new FolderSettings(pull, connection.console);
    }
    settings.setFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    authoring.initialize(params);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        ...AUTHORING_CAPABILITIES,
        ...(previewCommand ? { codeLensProvider: { resolveProvider: false } } : {}),
        ...(multiRoot ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
      },
      serverInfo: { name: 'kore-campaign-language-server', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    connection.console.info(`Kore.ai campaign language server ${SERVER_VERSION} started (${runtimeDescription()}).`);
    if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    if (multiRoot) {
      connection.workspace.onDidChangeWorkspaceFolders(
        guarded('workspace/didChangeWorkspaceFolders', (event) => {
          settings.changeFolders(
            event.added.map((f) => f.uri),
            event.removed.map((f) => f.uri),
          );
          documents.all().forEach((document) => void publishDiagnostics(document));
        }),
      );
    }
  });

  connection.onDidChangeConfiguration(
    guarded('workspace/didChangeConfiguration', (change) => {
      settings.changed((change.settings as { koreCampaign?: CampaignSettings } | undefined)?.koreCampaign);
      documents.all().forEach((document) => void publishDiagnostics(document));
    }),
  );

  /**
   * Validate under the settings of the document's folder. The first diagnostics wait for those
   * settings rather than flicker; a result made stale meanwhile (a newer edit, a settings change)
   * is dropped, since whatever made it stale publishes again.
   */
  const publishDiagnostics = guarded('Validation', async (document: TextDocument): Promise<void> => {
    const generation = settings.generationCount;
    const options = await settings.optionsFor(document.uri);
    const current = documents.get(document.uri);
    if (!current || current.version !== document.version || generation !== settings.generationCount) return;
    const started = performance.now();
    const max = options.maxProblems ?? DEFAULT_MAX_PROBLEMS;
    const { diagnostics, omitted } = validateCampaignLimited(
      campaigns.get(current),
      { ...options, contactLists: platformData.contactLists },
      max,
    );
    if (omitted > 0) diagnostics.push(omittedProblemsNote(omitted, max));
    const elapsed = performance.now() - started;
    if (elapsed >= SLOW_VALIDATION_MS)
      connection.console.warn(`Validating ${fileNameOf(current.uri)} (${current.lineCount} lines) took ${Math.round(elapsed)} ms.`);
    void connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics: diagnostics.map(toLspDiagnostic) });
  });

  // The extension says which contact lists the active connection has (or why it does not know): open documents are checked again.
  connection.onNotification(
    PLATFORM_DATA_NOTIFICATION,
    guarded(PLATFORM_DATA_NOTIFICATION, (params: unknown) => {
      if (platformData.update(params)) documents.all().forEach((document) => void publishDiagnostics(document));
    }),
  );

  // Validation runs on every change with no debounce: it is fast enough, and latency counts from the keystroke.
  documents.onDidChangeContent((event) => void publishDiagnostics(event.document));

  documents.onDidClose(
    guarded('textDocument/didClose', (event) => {
      campaigns.forget(event.document.uri);
      void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    }),
  );

  documents.listen(connection);
  connection.listen();
}
