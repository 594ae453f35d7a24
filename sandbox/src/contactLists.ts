// The sandbox's contact lists (`POST /campaign/contactList/getAllListDetails?type=call`).
// The seeds cover what the editor must handle: lists with contacts, an empty one, names with
// spaces and characters YAML needs quoted, and lists other campaigns already use, named as
// the v1 page names them (campaign ids) and as the v2 page does (`{ id, name }` objects).
import type { SandboxAnswer, SandboxRoute } from './http';

/** A list as the platform's answer describes it (see PLATFORM-API.md, "contact lists"). */
export interface SandboxContactList {
  _id: string;
  name: string;
  description?: string;
  totalRecordCount: number;
  status: string;
  /** The campaigns using it: ids (get-all-contact-lists) or `{ id, name }` (get-all-contact-lists-v2). */
  campaignInUse: (string | { id: string; name: string })[];
}

export const SANDBOX_CONTACT_LISTS: readonly SandboxContactList[] = [
  {
    _id: 'cl-00000000-0000-4000-8000-000000000001',
    name: 'Recent Buyers - Q2 2025',
    description: 'Customers who bought in Q2 2025.',
    totalRecordCount: 1250,
    status: 'Ready',
    campaignInUse: ['cd-ed19e3c7-3682-5e72-a839-af9e07110001', 'cd-00000000-0000-4000-8000-000000000002'],
  },
  { _id: 'cl-00000000-0000-4000-8000-000000000002', name: 'Overdue Accounts', totalRecordCount: 342, status: 'Ready', campaignInUse: [] },
  {
    _id: 'cl-00000000-0000-4000-8000-000000000003',
    name: 'Renewals: March',
    description: 'A colon and a space: YAML reads an unquoted one as a mapping.',
    totalRecordCount: 87,
    status: 'Ready',
    campaignInUse: [{ id: 'cd-00000000-0000-4000-8000-000000000003', name: 'Billing Reminder Voice Campaign' }],
  },
  {
    _id: 'cl-00000000-0000-4000-8000-000000000004',
    name: '#VIP callers',
    description: 'Starts with # (a comment when unquoted).',
    totalRecordCount: 12,
    status: 'Ready',
    campaignInUse: [
      { name: 'Spring Sale Live Calls', id: 'cd-5a4d0000-0000-4000-8000-0000000000a1' },
      'cd-5eed0000-0000-4000-8000-000000000003',
    ],
  },
  { _id: 'cl-00000000-0000-4000-8000-000000000005', name: 'Win-back 2024', totalRecordCount: 0, status: 'Ready', campaignInUse: [] },
  { _id: 'cl-00000000-0000-4000-8000-000000000006', name: 'Webinar Leads', totalRecordCount: 530, status: 'Preparing', campaignInUse: [] },
];

/** The documented answer: every list of this account, with the fields the editor reads. */
export function contactListsAnswer(query: URLSearchParams, lists: readonly SandboxContactList[]): SandboxAnswer {
  if (query.get('type') !== 'call') {
    return { status: 400, body: { errors: [{ msg: 'The type query parameter must be "call" for voice contact lists.' }] } };
  }
  return {
    status: 200,
    body: {
      status: 'success',
      message: '',
      data: lists.map((list) => ({
        ...list,
        description: list.description ?? '',
        mapping: { firstName: 'First Name', lastName: 'Last Name', phoneNumber: 'Phone', timeZone: 'Time Zone', uniqueId: 'Customer Id' },
        isListInUse: list.campaignInUse.length > 0,
        listType: 'call',
        source: 'csv',
        updatedAt: '2026-11-01T09:00:00.000Z',
      })),
    },
  };
}

/** A campaign's lists must exist before it is written (PLATFORM-API.md, "Contact lists"): one error per missing name. */
export function missingContactLists(body: Record<string, unknown>, lists: readonly SandboxContactList[]): { msg: string; field: string }[] {
  if (!Array.isArray(body.contactLists)) return [];
  const names = new Set(lists.map((list) => list.name));
  return body.contactLists.flatMap((name, index) =>
    typeof name === 'string' && !names.has(name)
      ? [{ msg: `Contact list "${name}" does not exist in this account.`, field: `contactLists[${index}]` }]
      : [],
  );
}

/** What the contact-list route reads; edited in place by tests (Sandbox.contactLists). */
export interface ContactListState {
  contactLists: SandboxContactList[];
}

export function contactListRoutes(state: ContactListState): SandboxRoute[] {
  return [
    {
      method: 'POST',
      path: /^\/campaign\/contactList\/getAllListDetails$/,
      handle: (req) => contactListsAnswer(req.url.searchParams, state.contactLists),
    },
  ];
}
