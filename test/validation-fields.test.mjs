// Every row of the spec's field table (../shared/spec/CAMPAIGN-SPEC.md) has a fixture in
// test/fixtures/ and its exact diagnostics here: range (1-based, as the CLI prints), severity, code, message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core, readFixture, summarise } from './helpers/fixtures.mjs';

const CASES = [
  ['name-missing', 'name: required', [['2:1-2:52', 'error', 'required', 'The campaign is missing the required field name.']]],
  ['name-empty', 'name: non-empty', [['3:7-3:9', 'error', 'empty', 'name must not be empty.']]],
  ['name-too-long', 'name: at most 48 characters', [['3:7-3:60', 'error', 'max-length', 'name must be at most 48 characters; it has 53.']]],
  [
    'description-missing',
    'description: required',
    [['2:1-2:52', 'error', 'required', 'The campaign is missing the required field description.']],
  ],
  [
    'description-too-long',
    'description: at most 256 characters',
    [['4:14-4:279', 'error', 'max-length', 'description must be at most 256 characters; it has 265.']],
  ],
  [
    'contact-lists-empty',
    'contactLists: at least one',
    [['5:15-5:17', 'error', 'min-items', 'contactLists must have at least 1 entry; it is empty.']],
  ],
  [
    'contact-lists-blank-entry',
    'contactLists: each a non-empty string',
    [['7:5-7:7', 'error', 'empty', 'contactLists[1] must not be empty.']],
  ],
  [
    'contact-lists-duplicate',
    'contactLists: duplicate entry (W)',
    [['8:5-8:28', 'warning', 'duplicate-contact-list', 'The contact list "Recent Buyers - Q2 2025" is already listed (contactLists[0]).']],
  ],
  [
    'priority-number',
    'priority: a bare number is the wrong type',
    [['7:11-7:12', 'error', 'type', 'priority must be a string "1".."5"; found the number 5.']],
  ],
  [
    'priority-out-of-range',
    'priority: one of "1".."5"',
    [['7:11-7:14', 'error', 'enum', 'priority must be one of "1".."5"; found the string "7".']],
  ],
  [
    'dialing-mode-case',
    'dialingMode: exact case',
    [
      [
        '8:14-8:21',
        'error',
        'enum',
        'dialingMode must be one of "Agentless", "Progressive" or "Preview"; found the string "preview". Did you mean "Preview"?',
      ],
    ],
  ],
  [
    'caller-id-missing',
    'callerId.phoneNumber: required',
    [['10:3-10:11', 'error', 'required', 'callerId is missing the required field phoneNumber.']],
  ],
  [
    'caller-id-not-e164',
    'callerId.phoneNumber: E.164',
    [
      [
        '11:18-11:37',
        'error',
        'caller-id-e164',
        'phoneNumber must be in E.164 format: + then 7 to 15 digits with no spaces, e.g. "+18123456789"; found "+1 (812) 345-6789". Did you mean "+18123456789"?',
      ],
    ],
  ],
  [
    'frequency-invalid',
    'callingHours.frequency: WEEKLY, DAILY or CUSTOM',
    [['13:16-13:23', 'error', 'enum', 'frequency must be one of "WEEKLY", "DAILY" or "CUSTOM"; found the string "MONTHLY".']],
  ],
  [
    'timezone-typo',
    'callingHours.timezone: misspelling gets a did-you-mean',
    [['14:15-14:28', 'error', 'timezone', '"Asia/Kolkatta" is not an IANA time zone. Did you mean "Asia/Kolkata"?']],
  ],
  ['timezone-legacy-alias', 'callingHours.timezone: legacy alias is valid', []],
  [
    'days-empty',
    'callingHours.days: at least one entry',
    [['15:11-15:13', 'error', 'min-items', 'days must have at least 1 entry; it is empty.']],
  ],
  [
    'day-invalid',
    'days[].day: MO..SU',
    [
      [
        '19:14-19:21',
        'error',
        'enum',
        'day must be one of "MO", "TU", "WE", "TH", "FR", "SA" or "SU"; found the string "Tuesday". Did you mean "TU"?',
      ],
    ],
  ],
  [
    'time-24-hour',
    'days[].end: 12-hour clock',
    [
      [
        '18:14-18:19',
        'error',
        'time-format',
        'end must be a 12-hour time such as "6:00 PM" (h:mm, one space, AM or PM); found "18:00". Did you mean "6:00 PM"?',
      ],
    ],
  ],
  [
    'time-lowercase-am',
    'days[].start: h:mm AM',
    [
      [
        '17:16-17:19',
        'error',
        'time-format',
        'start must be a 12-hour time such as "9:00 AM" (h:mm, one space, AM or PM); found "9am". Did you mean "9:00 AM"?',
      ],
    ],
  ],
  [
    'time-start-after-end',
    'days[]: start before end',
    [
      [
        '21:14-21:21',
        'error',
        'time-order',
        'The TU window ends (9:00 AM) before it starts (6:00 PM): start must be before end. A window cannot cross midnight; split it into two days.',
      ],
    ],
  ],
  [
    'windows-overlap',
    'two windows on the same day overlap (W)',
    [
      [
        '19:9-19:16',
        'warning',
        'window-overlap',
        'This MO window 5:00 PM-8:00 PM overlaps the MO window 9:00 AM-6:00 PM at line 16; calls follow the union of the two.',
      ],
    ],
  ],
  [
    'windows-repeated',
    'an identical repeated window (W)',
    [['19:9-19:16', 'warning', 'duplicate-window', 'This MO 9:00 AM-6:00 PM window repeats the one at line 16.']],
  ],
  [
    'dialing-order-invalid',
    'dialingOrder: FIFO or LIFO',
    [['22:17-22:23', 'error', 'enum', 'dialingOrder must be one of "FIFO" or "LIFO"; found the string "RANDOM".']],
  ],
  [
    'max-attempts-zero',
    'maxAttemptsPerRecord: 1 to 100',
    [['23:25-23:26', 'error', 'range', 'maxAttemptsPerRecord must be between 1 and 100; found 0.']],
  ],
  [
    'max-attempts-fraction',
    'maxAttemptsPerRecord: integer',
    [['23:25-23:28', 'error', 'type', 'maxAttemptsPerRecord must be a whole number from 1 to 100; found the number 2.5.']],
  ],
  [
    'retry-period-too-long',
    'defaultRetryPeriod: 1 to 1440',
    [['24:23-24:27', 'error', 'range', 'defaultRetryPeriod must be between 1 and 1440; found 1441.']],
  ],
  ['ring-time-too-short', 'maxRingTime: 5 to 120', [['25:16-25:17', 'error', 'range', 'maxRingTime must be between 5 and 120; found 4.']]],
  [
    'ring-time-quoted',
    'maxRingTime: a quoted number is the wrong type',
    [['25:16-25:20', 'error', 'type', 'maxRingTime must be a whole number from 5 to 120; found the string "30".']],
  ],
  [
    'ring-time-missing',
    'required at every level: missing dialingStrategy.maxRingTime',
    [['9:1-9:16', 'error', 'required', 'dialingStrategy is missing the required field maxRingTime.']],
  ],
  [
    'queue-name-missing',
    'queue_name: required',
    [['2:1-2:52', 'error', 'required', 'The campaign is missing the required field queue_name.']],
  ],
  ['queue-name-empty', 'queue_name: non-empty', [['28:1-28:11', 'error', 'type', 'queue_name must be a string; found no value.']]],
  [
    'machine-detect-string',
    'enableMachineDetect: the string "false" is the wrong type',
    [['29:22-29:29', 'error', 'type', 'enableMachineDetect must be true or false; found the string "false".']],
  ],
  [
    'machine-detect-yes',
    'enableMachineDetect: yes is a string in YAML 1.2',
    [
      [
        '29:22-29:25',
        'error',
        'type',
        'enableMachineDetect must be true or false; found the string "yes" (YAML 1.2 reads yes/no/on/off as strings).',
      ],
    ],
  ],
  ['max-skips-negative', 'maxSkips: 0 or more', [['30:11-30:13', 'error', 'range', 'maxSkips must be 0 or more; found -1.']]],
  [
    'max-skips-progressive',
    'maxSkips set in another mode (I)',
    [
      [
        '30:1-30:9',
        'hint',
        'max-skips-mode',
        'maxSkips only has effect in Preview mode; with dialingMode Progressive agents cannot skip contacts, so 1 is ignored.',
      ],
    ],
  ],
  [
    'campaign-type-sms',
    'campaignType: sms is an error that says why',
    [
      [
        '31:15-31:18',
        'error',
        'campaign-type',
        'campaignType "sms" cannot be sent here: this file targets the Update Voice Campaign API (?campaignType=voice), which only updates voice campaigns. Use "voice".',
      ],
    ],
  ],
  [
    'campaign-type-missing',
    'campaignType: required',
    [['2:1-2:52', 'error', 'required', 'The campaign is missing the required field campaignType.']],
  ],
  [
    'schedule-wrong-type',
    'schedule.isSchedulingEnabled: boolean',
    [
      [
        '27:24-27:28',
        'error',
        'type',
        'isSchedulingEnabled must be true or false; found the string "no" (YAML 1.2 reads yes/no/on/off as strings).',
      ],
    ],
  ],
  [
    'agentless-without-flow',
    'experienceFlowName missing in an Agentless file (I)',
    [
      [
        '8:14-8:23',
        'hint',
        'agentless-flow',
        'Agentless campaigns are handled by an experience flow: add experienceFlowName so the file says which one.',
      ],
    ],
  ],
  ['agentless-with-flow', 'experienceFlowName present in an Agentless file', []],
  [
    'unknown-key',
    'any other key: misspelt required key, with the closest known key',
    [
      [
        '28:1-28:11',
        'error',
        'unknown-key',
        'Unknown key "queue-name": the API does not know it. Did you mean "queue_name"? The required field queue_name is missing.',
      ],
    ],
  ],
  [
    'unknown-nested-key',
    'any other key (W), nested',
    [
      [
        '26:3-26:17',
        'warning',
        'unknown-key',
        'Unknown key "maxRingtimeout" in dialingStrategy: the API does not know it. Did you mean "maxRingTime"? (maxRingTime is already set in this mapping: this line may be a leftover.)',
      ],
    ],
  ],
  ['valid', 'the valid campaign', []],
  ['api-sample-request', "the API page's sample request body", []],
];

for (const [fixture, rule, expected] of CASES) {
  test(`${rule} (${fixture}.campaign.yaml)`, () => {
    const diagnostics = core.validateText(readFixture(`${fixture}.campaign.yaml`));
    assert.deepEqual(summarise(diagnostics), expected);
    for (const d of diagnostics) assert.equal(d.source, 'kore-campaign');
  });
}

test('a wrong type is one diagnostic, not also an enum complaint', () => {
  const diagnostics = core.validateText(readFixture('priority-number.campaign.yaml'));
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].code, 'type');
});

test('messages never carry ajv wording', () => {
  for (const [fixture] of CASES) {
    for (const d of core.validateText(readFixture(`${fixture}.campaign.yaml`))) {
      assert.doesNotMatch(
        d.message,
        /must NOT have|must match pattern|must be equal to one of the allowed values|instancePath|#\/properties/,
        `${fixture}: ${d.message}`,
      );
    }
  }
});

test('diagnostics name the field path, for the push to map platform errors onto', () => {
  const [diagnostic] = core.validateText(readFixture('time-24-hour.campaign.yaml'));
  assert.equal(diagnostic.path, 'dialingStrategy.callingHours.days[0].end');
});

test('three windows of one day, the second overlapping the first and the third both: every overlap is reported', () => {
  // The third window starts first: a sweep that pairs each window only with the widest so far misses the second.
  const text = readFixture('valid.campaign.yaml').replace(
    '        start: 9:00 AM\n        end: 6:00 PM\n      - day: TU\n        start: 9:00 AM\n        end: 6:00 PM\n',
    '        start: 10:00 AM\n        end: 11:00 AM\n      - day: MO\n        start: 10:30 AM\n        end: 12:00 PM\n      - day: MO\n        start: 9:00 AM\n        end: 6:00 PM\n',
  );
  assert.deepEqual(summarise(core.validateText(text)), [
    [
      '19:9-19:16',
      'warning',
      'window-overlap',
      'This MO window 10:30 AM-12:00 PM overlaps the MO window 10:00 AM-11:00 AM at line 16; calls follow the union of the two.',
    ],
    [
      '22:9-22:16',
      'warning',
      'window-overlap',
      'This MO window 9:00 AM-6:00 PM overlaps the MO window 10:00 AM-11:00 AM at line 16; calls follow the union of the two.',
    ],
  ]);
});
