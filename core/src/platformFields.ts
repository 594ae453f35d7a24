// Fields the platform owns: a read returns them, a write does not take them. Listed once here,
// for the file form (dropped on pull), the plan (ignored when comparing) and validation (a
// file that carries one gets a "read-only" hint, not an unknown-key warning).

/** Dotted paths as the platform names them; `schedule.isRecurrenceEnabled` is nested. */
export const PLATFORM_OWNED_FIELDS: readonly string[] = [
  '_id',
  'id',
  'lname',
  'status',
  'createdAt',
  'updatedAt',
  'campaignInstanceId',
  'campaignInstanceUpdatedAt',
  'campaignExecutionType',
  'format',
  'useSystemMappings',
  'isFiltersEnabled',
  'schedule.isRecurrenceEnabled',
  // The flow's id; a write names the flow by experienceFlowName instead.
  'experienceFlow',
];

const OWNED = new Set(PLATFORM_OWNED_FIELDS);

/** True for a platform-owned field, given its dotted path (`schedule.isRecurrenceEnabled`). */
export function isPlatformOwnedField(path: string): boolean {
  return OWNED.has(path);
}
