// What the server knows of the platform, as the extension last told it. The contact lists
// are indexed once here, when they arrive, never per validation.
import { KnownContactLists, type ContactListFacts } from '../../core/src';
import type { PlatformDataParams } from '../../core/src/platformProtocol';

export class PlatformData {
  private known: KnownContactLists | undefined;

  /** The lists to check names against; undefined while they are not known (no contact-list diagnostics then). */
  get contactLists(): KnownContactLists | undefined {
    return this.known;
  }

  /** Takes a notification's params, each field checked (it comes over the wire); false when they change nothing. */
  update(params: unknown): boolean {
    const data = params as Partial<PlatformDataParams> | undefined;
    const previous = this.known;
    if (data?.state === 'known' && Array.isArray(data.contactLists)) {
      const lists: ContactListFacts[] = [];
      for (const list of data.contactLists as unknown[]) {
        if (!list || typeof list !== 'object') continue;
        const { name, totalRecordCount, status, campaignInUse } = list as Record<string, unknown>;
        if (typeof name !== 'string') continue;
        lists.push({
          name,
          ...(typeof totalRecordCount === 'number' && Number.isFinite(totalRecordCount) ? { totalRecordCount } : {}),
          ...(typeof status === 'string' ? { status } : {}),
          campaignInUse: Array.isArray(campaignInUse) ? campaignInUse.filter((id): id is string => typeof id === 'string') : [],
        });
      }
      this.known = new KnownContactLists(lists, typeof data.connection === 'string' && data.connection ? data.connection : 'Kore.ai');
    } else this.known = undefined;
    return previous !== undefined || this.known !== undefined;
  }
}
