// Fields the platform owns: a campaign read from the platform (GET, list) carries them, a
// write does not take them. A file pulled or pasted from a read keeps them harmlessly: the
// validator says they are read-only (not "unknown") and the push never sends them.
// One list for the validator, hover, push (platform/src/request.ts bodyFromCampaign) and pull.

export interface PlatformOwnedField {
  /** Where it sits in a campaign: `['schedule', 'isRecurrenceEnabled']`. */
  readonly path: readonly string[];
  /** What the platform keeps in it, for hover and the hint. */
  readonly about: string;
}

export const PLATFORM_OWNED_FIELDS: readonly PlatformOwnedField[] = [
  { path: ['_id'], about: "The campaign's id as a read returns it. The file names the campaign with `campaignId`." },
  { path: ['id'], about: "The campaign's id as the update answer returns it. The file names the campaign with `campaignId`." },
  { path: ['lname'], about: 'The name in lower case, kept by the platform for searching.' },
  {
    path: ['status'],
    about:
      'Where the campaign is in its life (Ready, Preparing, Scheduled, Rescheduled, Active, Paused, Stopped, Completed). An Active campaign cannot be edited.',
  },
  { path: ['createdAt'], about: 'When the campaign was created.' },
  { path: ['updatedAt'], about: 'When the campaign was last changed.' },
  { path: ['campaignInstanceId'], about: "The id of the campaign's current run." },
  { path: ['campaignInstanceUpdatedAt'], about: "When the campaign's current run last changed." },
  { path: ['campaignExecutionType'], about: 'How the platform runs the campaign.' },
  { path: ['format'], about: "The campaign's format, set by the platform." },
  { path: ['useSystemMappings'], about: "Whether the contact lists' columns use the platform's default mapping." },
  { path: ['isFiltersEnabled'], about: 'Whether contact filters are on for this campaign.' },
  {
    path: ['schedule', 'isRecurrenceEnabled'],
    about: 'Whether the schedule repeats; the platform sets it (a write takes only `isSchedulingEnabled`).',
  },
  { path: ['experienceFlow'], about: "The flow's id (`cf-...`). A write names the flow by name with `experienceFlowName`." },
];

/** The paths alone, as `bodyFromCampaign` takes them. */
export const PLATFORM_OWNED_PATHS: readonly (readonly string[])[] = PLATFORM_OWNED_FIELDS.map((field) => field.path);

const BY_PATH = new Map(PLATFORM_OWNED_FIELDS.map((field) => [field.path.join('.'), field]));

/** The platform-owned field at `path` (a key's full path), if it is one. */
export function platformOwnedField(path: readonly (string | number)[]): PlatformOwnedField | undefined {
  // Only paths of names: a list index never leads to one of these.
  for (const segment of path) if (typeof segment !== 'string') return undefined;
  return BY_PATH.get(path.join('.'));
}

export const READ_ONLY_MESSAGE = 'set by the platform; not sent';
