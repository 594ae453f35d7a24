// The sandbox's fixed identity. These values are public on purpose: they let a new user push
// the example with no Kore.ai account, and they only ever work against a server bound to
// this machine (the sandbox refuses to listen anywhere else). Never reuse them on a real app.

export const SANDBOX_DEFAULT_PORT = 4777;

export const SANDBOX_CREDENTIALS = {
  clientId: 'cs-local-sandbox-0000-4000-8000-000000000000',
  clientSecret: 'local-sandbox-secret-NOT-FOR-REAL-USE-0123456789abcdef',
  iid: 'st-local-sandbox-0000-4000-8000-000000000000',
  accountId: '000000000000000000000001',
} as const;

/**
 * Campaigns that exist when the sandbox starts. PUT updates an existing campaign (the API
 * has no upsert), so the sandbox answers 404 for any other id, as the platform would.
 * The first is the id of examples/billing-reminder.campaign.yaml; the second the id the
 * API docs use, so a file copied from the docs pushes as it is.
 */
export const SANDBOX_CAMPAIGN_IDS: readonly string[] = [
  'cd-ed19e3c7-3682-5e72-a839-af9e07110001',
  'cd-ed19e3c7-3682-5e72-a839-af9e0711xxxx',
  'cd-00000000-0000-4000-8000-000000000001',
  'cd-00000000-0000-4000-8000-000000000002',
  'cd-00000000-0000-4000-8000-000000000003',
];

/** What a seeded campaign holds before the first push: the API page's sample request. */
export const SANDBOX_SEED_CAMPAIGN = {
  name: 'Billing Reminder Voice Campaign',
  description: 'Progressive dialing campaign to notify customers about pending bill payments.',
  contactLists: ['Recent Buyers - Q2 2025'],
  priority: '5',
  dialingMode: 'Preview',
  dialingStrategy: {
    callerId: { phoneNumber: '+18123456789' },
    callingHours: {
      frequency: 'WEEKLY',
      timezone: 'Asia/Kolkata',
      days: ['MO', 'TU', 'WE', 'TH', 'FR'].map((day) => ({ day, start: '9:00 AM', end: '6:00 PM' })),
    },
    dialingOrder: 'FIFO',
    maxAttemptsPerRecord: 3,
    defaultRetryPeriod: 10,
    maxRingTime: 30,
  },
  schedule: { isSchedulingEnabled: false },
  queue_name: 'Default Queue',
  enableMachineDetect: false,
  maxSkips: 1,
  campaignType: 'voice',
} as const;
