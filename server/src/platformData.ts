// What the server knows of the platform, as the extension last told it. The contact lists
// are indexed once here, when they arrive, never per validation.
import { KnownContactLists } from '../../core/src';
import type { PlatformDataParams } from './platformProtocol';

export class PlatformData {
  private known: KnownContactLists | undefined;

  /** The lists to check names against; undefined while they are not known (no contact-list diagnostics then). */
  get contactLists(): KnownContactLists | undefined {
    return this.known;
  }

  /** Takes a notification's params (checked: it comes over the wire); false when they change nothing. */
  update(params: unknown): boolean {
    const data = params as Partial<PlatformDataParams> | undefined;
    const previous = this.known;
    if (data?.state === 'known' && Array.isArray(data.contactLists)) {
      const lists = data.contactLists.filter((list) => list && typeof list.name === 'string');
      this.known = new KnownContactLists(lists, typeof data.connection === 'string' && data.connection ? data.connection : 'the platform');
    } else this.known = undefined;
    return previous !== undefined || this.known !== undefined;
  }
}
