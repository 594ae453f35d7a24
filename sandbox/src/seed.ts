// The campaigns a fresh sandbox holds: the documented ids (the example and the API page's id),
// then varied campaigns, one of each mode and status, one of them Active, and more than one
// page of them, so pull --all and pickers page for real.
import { SANDBOX_CAMPAIGN_IDS, SANDBOX_SEED_CAMPAIGN } from './defaults';
import { putCampaign, type CampaignStore } from './store';

/** The seeded Active campaign: a push to it is refused unless forced. */
export const SANDBOX_ACTIVE_CAMPAIGN_ID = 'cd-5a4d0000-0000-4000-8000-0000000000a1';

const MODES = ['Progressive', 'Preview', 'Agentless'] as const;
const STATUSES = ['Ready', 'Paused', 'Completed', 'Scheduled', 'Stopped', 'Ready'] as const;
const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Tokyo', 'America/Los_Angeles'];
/** Names the account's contact lists have (some need quoting in YAML: `Renewals: March`, `#VIP callers`). */
const LISTS = ['Recent Buyers - Q2 2025', 'Overdue Accounts', 'Renewals: March', '#VIP callers', 'Win-back 2024'];
const THEMES = ['Renewals', 'Collections', 'Appointment Reminder', 'Survey', 'Win-back', 'Onboarding', 'Delivery Update', 'Payment Plan'];

function variedCampaign(index: number): Record<string, unknown> {
  const mode = MODES[index % MODES.length];
  const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA'].slice(0, 3 + (index % 4));
  const campaign: Record<string, unknown> = {
    name: `${THEMES[index % THEMES.length]} Wave ${Math.floor(index / THEMES.length) + 1}`,
    description: `Seeded ${mode} campaign number ${index + 1}.`,
    contactLists: [LISTS[index % LISTS.length]],
    priority: String((index % 5) + 1),
    dialingMode: mode,
    dialingStrategy: {
      callerId: { phoneNumber: `+1812345${String(6000 + index).padStart(4, '0')}` },
      callingHours: {
        frequency: 'WEEKLY',
        timezone: ZONES[index % ZONES.length],
        days: days.map((day) => ({ day, start: '9:00 AM', end: index % 2 ? '5:30 PM' : '8:00 PM' })),
      },
      dialingOrder: index % 2 ? 'LIFO' : 'FIFO',
      maxAttemptsPerRecord: 1 + (index % 5),
      defaultRetryPeriod: 10 + index,
      maxRingTime: 20 + (index % 4) * 5,
    },
    schedule: { isSchedulingEnabled: index % 3 === 0 },
    queue_name: mode === 'Agentless' ? 'Bot Queue' : 'Default Queue',
    enableMachineDetect: index % 2 === 0,
    campaignType: 'voice',
  };
  campaign.maxSkips = mode === 'Preview' ? 1 + (index % 3) : 0;
  if (mode === 'Agentless') campaign.experienceFlowName = `Flow ${index + 1}`;
  return campaign;
}

/** How many varied campaigns a sandbox starts with (with the documented ids: more than one page). */
export const SANDBOX_VARIED_CAMPAIGNS = 25;

export function seedCampaigns(store: CampaignStore, now: string, ids?: readonly string[]): void {
  for (const id of ids ?? SANDBOX_CAMPAIGN_IDS)
    putCampaign(store, id, structuredClone(SANDBOX_SEED_CAMPAIGN) as Record<string, unknown>, 'Ready', now);
  if (ids) return;
  putCampaign(store, SANDBOX_ACTIVE_CAMPAIGN_ID, { ...variedCampaign(0), name: 'Spring Sale Live Calls' }, 'Active', now);
  for (let i = 1; i < SANDBOX_VARIED_CAMPAIGNS; i++) {
    const id = `cd-5eed0000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    putCampaign(store, id, variedCampaign(i), STATUSES[i % STATUSES.length], now);
  }
}
