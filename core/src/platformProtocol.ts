// The one message the extension sends the language server about the platform: the active
// connection's contact lists, or why they are not known. Types and a name only, so the
// extension imports it without pulling in the rest of the core.

export const PLATFORM_DATA_NOTIFICATION = 'koreCampaign/platformData';

/** Why the lists are not known: each turns the contact-list checks off rather than guess. */
export type UnknownReason = 'no-connection' | 'signed-out' | 'offline' | 'restricted' | 'fetch-failed' | 'fetching';

export interface PlatformContactList {
  name: string;
  totalRecordCount?: number;
  status?: string;
  campaignInUse?: string[];
}

export type PlatformDataParams =
  | {
      state: 'known';
      /** The connection the lists belong to, by display name (messages say "Staging has no contact list ..."). */
      connection: string;
      contactLists: PlatformContactList[];
      /** When they were fetched (ms since the epoch). */
      fetchedAt: number;
    }
  | { state: 'unknown'; connection?: string; reason: UnknownReason; detail?: string };
