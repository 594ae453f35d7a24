// `koreCampaign` settings per workspace folder: every setting is resource-scoped, so in a
// multi-root workspace each folder may switch rules off or re-grade them. The server pulls the
// section with the document as `scopeUri`, keeps one answer per folder, and forgets them all
// when the client says the configuration changed. The conversion to validation options is the
// core's, shared with the editor's push and the CLI.
import { validationOptions, type CampaignSettings, type ValidationOptions } from '../../core/src';

/** Pulls the `koreCampaign` section as it applies to `scopeUri`. */
export type PullSettings = (scopeUri: string) => Promise<CampaignSettings | undefined>;

export class FolderSettings {
  /** Workspace folder URIs, each ending in `/`, longest first so the innermost folder wins. */
  private folders: string[] = [];
  private readonly pending = new Map<string, Promise<ValidationOptions>>();
  private readonly resolved = new Map<string, ValidationOptions>();
  /** For clients that push settings instead of answering `workspace/configuration`. */
  private pushed: ValidationOptions = {};
  /** Bumped on every change, so an answer to an older pull is not cached as current. */
  private generation = 0;

  constructor(
    private readonly pull: PullSettings | undefined,
    private readonly log: { info(message: string): void; error(message: string): void },
  ) {}

  setFolders(uris: readonly string[]): void {
    this.folders = uris.map(asFolder).sort((a, b) => b.length - a.length);
    this.changed();
  }

  changeFolders(added: readonly string[], removed: readonly string[]): void {
    const gone = new Set(removed.map(asFolder));
    this.setFolders([...this.folders.filter((folder) => !gone.has(folder)), ...added]);
  }

  /** The workspace folder holding `documentUri`, or '' when it is in none. */
  folderOf(documentUri: string): string {
    return this.folders.find((folder) => documentUri.startsWith(folder)) ?? '';
  }

  /** The options for a document, pulled once per folder. */
  optionsFor(documentUri: string): Promise<ValidationOptions> {
    if (!this.pull) return Promise.resolve(this.pushed);
    const folder = this.folderOf(documentUri);
    let options = this.pending.get(folder);
    if (!options) {
      const generation = this.generation;
      options = this.pullOptions(documentUri, folder).then((value) => {
        if (generation === this.generation) this.resolved.set(folder, value);
        return value;
      });
      this.pending.set(folder, options);
    }
    return options;
  }

  /** The options last loaded for a document's folder (for handlers that answer at once). */
  current(documentUri: string): ValidationOptions {
    return this.pull ? (this.resolved.get(this.folderOf(documentUri)) ?? {}) : this.pushed;
  }

  /** The configuration changed: forget every folder's answer (`pushed` from clients that send it). */
  changed(pushed?: CampaignSettings): void {
    this.generation++;
    this.pending.clear();
    this.resolved.clear();
    if (pushed !== undefined || !this.pull) this.pushed = validationOptions(pushed);
  }

  /** Changes so far: work started under an older count used options that are gone. */
  get generationCount(): number {
    return this.generation;
  }

  private async pullOptions(documentUri: string, folder: string): Promise<ValidationOptions> {
    let settings: CampaignSettings | undefined;
    try {
      settings = await this.pull!(documentUri);
    } catch (error) {
      this.log.error(
        `Settings for ${folder || 'files outside the workspace folders'} could not be read (${(error as Error).name}); every rule keeps its own severity.`,
      );
      return {};
    }
    const options = validationOptions(settings);
    this.log.info(`Settings for ${folder || 'files outside the workspace folders'}: ${describeOptions(options)}`);
    return options;
  }
}

function asFolder(uri: string): string {
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** One line for the log: what the settings change, by code. */
export function describeOptions(options: ValidationOptions): string {
  if (options.enable === false) return 'validation off';
  const changed = Object.entries(options.severities ?? {});
  if (!changed.length) return 'every rule at its own severity';
  return changed.map(([code, level]) => `${code} ${level}`).join(', ');
}
