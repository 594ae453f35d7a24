// The calling-hours grid model (core/src/services/callingHoursWeek.ts), against cases worked
// out by hand: a week of windows in the campaign's zone, read on another clock (UTC, a viewer's
// zone), windows crossing midnight on that clock, daylight-saving weeks, a half-hour offset, a
// zone without daylight saving, overlaps and repeats (the diagnostics' own findings), the policy
// band, and what a file with errors in callingHours still draws.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { core, readFixture } from './helpers/fixtures.mjs';

const fixture = (name) => core.parseCampaign(readFixture(`hours/${name}.campaign.yaml`));
const week = (name, options) => core.callingHoursWeek(fixture(name), options);

/**
 * Each block as `row start-end` with its marks: `<` begun the day before, `>` goes on past
 * midnight, `-1`/`+1` another week's, `!spans` outside the band.
 */
function drawn(model) {
  return model.blocks.map((b) => {
    const window = model.windows[b.window];
    const marks = [
      b.fromPreviousDay ? '<' : '',
      b.toNextDay ? '>' : '',
      b.otherWeek ? (b.otherWeek < 0 ? ' -1' : ' +1') : '',
      b.outside.length ? ` !${b.outside.map((s) => `${s.start}-${s.end}`).join(',')}` : '',
    ].join('');
    return `${model.rows[b.row].day} ${b.startText}-${b.endText} [days[${window.index}]]${marks}`;
  });
}

// Wed 12 Mar 2025, 06:00 UTC: 11:30 AM in Kolkata; the week drawn is Mon 10 - Sun 16 Mar.
const MID_MARCH = new Date('2025-03-12T06:00:00Z');

test('Asia/Kolkata on its own clock: the windows as written, the 8 AM-9 PM band, the parts outside it', () => {
  const model = week('kolkata-week', { now: MID_MARCH });
  assert.equal(model.campaignZone, 'Asia/Kolkata');
  assert.equal(model.viewZone, 'Asia/Kolkata');
  assert.equal(model.weekStart, '2025-03-10');
  assert.deepEqual(
    model.rows.map((r) => r.label),
    ['Mon 10 Mar', 'Tue 11 Mar', 'Wed 12 Mar', 'Thu 13 Mar', 'Fri 14 Mar', 'Sat 15 Mar', 'Sun 16 Mar'],
  );
  assert.deepEqual(drawn(model), [
    'MO 1:00 AM-2:00 AM [days[7]] !60-120',
    'MO 9:00 AM-6:00 PM [days[0]]',
    'MO 5:00 PM-8:00 PM [days[1]]',
    'TU 9:00 AM-1:00 PM [days[2]]',
    'TU 9:00 AM-1:00 PM [days[3]]',
    'WE 4:00 AM-10:00 AM [days[4]] !240-480',
    'SA 7:30 PM-11:30 PM [days[5]] !1260-1410',
    'SU 1:00 AM-3:00 AM [days[6]] !60-180',
  ]);
  for (const row of model.rows) assert.deepEqual(row.band, [{ start: 480, end: 1260 }]);
  assert.deepEqual(model.curfew, { start: 480, end: 1260, text: '8:00 AM-9:00 PM' });
  // Asia/Kolkata has no daylight saving, and no other clock was asked for.
  assert.deepEqual(model.dst, []);
  assert.deepEqual(model.notDrawn, []);
});

test('Asia/Kolkata (UTC+05:30) on the UTC clock: half-hour times, midnight crossings, the week wrapping', () => {
  const model = week('kolkata-week', { now: MID_MARCH, viewZone: 'UTC' });
  assert.equal(model.viewZone, 'UTC');
  assert.deepEqual(drawn(model), [
    // MO 9:00 AM-6:00 PM IST is 3:30 AM-12:30 PM UTC; MO 5-8 PM is 11:30 AM-2:30 PM.
    'MO 3:30 AM-12:30 PM [days[0]]',
    'MO 11:30 AM-2:30 PM [days[1]]',
    'TU 3:30 AM-7:30 AM [days[2]]',
    'TU 3:30 AM-7:30 AM [days[3]]',
    // WE 4:00 AM IST is Tuesday 10:30 PM UTC: two blocks; before 8:00 AM IST (2:30 AM UTC) is outside the band.
    'TU 10:30 PM-12:00 AM [days[4]]> !1350-1440',
    'WE 12:00 AM-4:30 AM [days[4]]< !0-150',
    // SA 7:30-11:30 PM IST is 2:00-6:00 PM UTC; after 9:00 PM IST (3:30 PM UTC) is outside.
    'SA 2:00 PM-6:00 PM [days[5]] !930-1080',
    // SU 1:00-3:00 AM IST is Saturday 7:30-9:30 PM UTC, the same week.
    'SA 7:30 PM-9:30 PM [days[6]] !1170-1290',
    // MO 1:00-2:00 AM IST is Sunday 7:30-8:30 PM UTC of the week before: drawn on Sunday, the timetable being weekly.
    'SU 7:30 PM-8:30 PM [days[7]] -1 !1170-1230',
  ]);
  // 8:00 AM-9:00 PM IST is 2:30 AM-3:30 PM UTC, every day.
  for (const row of model.rows) assert.deepEqual(row.band, [{ start: 150, end: 930 }]);
  assert.match(model.notes.join('\n'), /Drawn on the UTC clock/);
});

test("overlaps and repeats are the diagnostics' findings, on both windows of each pair", () => {
  const text = readFixture('hours/kolkata-week.campaign.yaml');
  const model = core.callingHoursWeek(core.parseCampaign(text), { now: MID_MARCH });
  const findings = model.windows.flatMap((w) => w.findings.map((f) => [w.index, f.code, f.role, f.other, f.message]));
  assert.deepEqual(findings, [
    [0, 'window-overlap', 'earlier', 1, 'overlapped by MO 5:00 PM-8:00 PM at line 17'],
    [1, 'window-overlap', 'later', 0, 'overlaps MO 9:00 AM-6:00 PM at line 16'],
    [2, 'duplicate-window', 'earlier', 3, 'repeated at line 19'],
    [3, 'duplicate-window', 'later', 2, 'repeats the window at line 18'],
  ]);
  // Each diagnostic of the rule sits on a window the grid marks "later", with the same code.
  const diagnostics = core.validateText(text).filter((d) => d.code === 'window-overlap' || d.code === 'duplicate-window');
  assert.deepEqual(
    diagnostics.map((d) => [d.path, d.code]),
    findings.filter((f) => f[2] === 'later').map(([index, code]) => [`dialingStrategy.callingHours.days[${index}]`, code]),
  );
  // The curfew marks are the curfew rule's windows.
  const curfew = core.validateText(text).filter((d) => d.code === 'calling-hours-curfew');
  assert.deepEqual(
    curfew.map((d) => d.path),
    model.windows.filter((w) => w.curfew).map((w) => `dialingStrategy.callingHours.days[${w.index}]`),
  );
});

test('the settings the diagnostics use: policy off hides the band, an overlap code off hides its marks', () => {
  const validation = core.validationOptions({ validate: { policy: 'off', rules: { 'duplicate-window': 'off' } } });
  const model = week('kolkata-week', { now: MID_MARCH, validation });
  assert.equal(model.curfew, undefined);
  assert.ok(model.rows.every((r) => r.band.length === 0));
  assert.ok(model.blocks.every((b) => b.outside.length === 0));
  assert.ok(model.windows.every((w) => w.curfew === undefined));
  assert.deepEqual(
    model.windows.flatMap((w) => w.findings.map((f) => f.code)),
    ['window-overlap', 'window-overlap'],
  );
  const off = week('kolkata-week', { now: MID_MARCH, validation: core.validationOptions({ validate: { enable: false } }) });
  assert.ok(off.windows.every((w) => w.findings.length === 0) && off.curfew === undefined);
});

test('America/New_York in the March week: Sunday is after the switch, so it sits an hour earlier in UTC', () => {
  // Wed 5 Mar 2025: the week of Mon 3 - Sun 9 Mar; clocks go forward at 2:00 AM on Sun 9 Mar.
  const model = week('new-york', { now: new Date('2025-03-05T12:00:00Z'), viewZone: 'UTC' });
  assert.deepEqual(drawn(model), [
    'MO 2:00 PM-10:00 PM [days[0]]', // EST, UTC-05:00
    // 1:00 AM EST is 6:00 UTC; 4:00 AM comes after the skipped hour, EDT: 8:00 UTC (two hours of calls).
    'SU 6:00 AM-8:00 AM [days[2]] !360-480',
    'SU 1:00 PM-9:00 PM [days[1]]', // EDT, UTC-04:00
  ]);
  assert.deepEqual(
    model.dst.map((c) => [c.zone, c.role, c.at, c.date, c.week, c.fromOffset, c.toOffset, c.shifts]),
    [['America/New_York', 'campaign', '2025-03-09T07:00:00.000Z', '2025-03-09', 0, -300, -240, [{ zone: 'UTC', minutes: -60 }]]],
  );
  assert.equal(
    model.dst[0].text,
    'Sun 9 Mar 2025: at 2:00 AM America/New_York clocks go forward 1 hour to 3:00 AM (UTC-05:00 to UTC-04:00). ' +
      'The windows keep their America/New_York times, so they come 1 hour earlier in UTC.',
  );
  // On the campaign's own clock nothing moves; the band follows the switch: Sunday's 8:00 AM EDT is 12:00 PM UTC.
  assert.deepEqual(
    week('new-york', { now: new Date('2025-03-05T12:00:00Z') }).blocks.map((b) => `${b.startText}-${b.endText}`),
    ['9:00 AM-5:00 PM', '1:00 AM-4:00 AM', '9:00 AM-5:00 PM'],
  );
  assert.deepEqual(model.rows[6].band, [
    { start: 0, end: 120 },
    { start: 720, end: 1440 },
  ]);
});

test('America/New_York in the November week: Sunday is after the switch back, an hour later in UTC', () => {
  // Wed 29 Oct 2025: the week of Mon 27 Oct - Sun 2 Nov; clocks go back at 2:00 AM on Sun 2 Nov.
  const model = week('new-york', { now: new Date('2025-10-29T12:00:00Z'), viewZone: 'UTC' });
  assert.deepEqual(drawn(model), [
    'MO 1:00 PM-9:00 PM [days[0]]', // EDT
    // 1:00 AM happens twice: the first (EDT, 5:00 UTC); 4:00 AM EST is 9:00 UTC (four hours of calls).
    'SU 5:00 AM-9:00 AM [days[2]] !300-540',
    'SU 2:00 PM-10:00 PM [days[1]]', // EST
  ]);
  assert.equal(model.dst.length, 1);
  assert.equal(
    model.dst[0].text,
    'Sun 2 Nov 2025: at 2:00 AM America/New_York clocks go back 1 hour to 1:00 AM (UTC-04:00 to UTC-05:00). ' +
      'The windows keep their America/New_York times, so they come 1 hour later in UTC.',
  );
});

test('America/Chicago seen from Europe/Berlin: 7 hours apart, 6 in the weeks only Chicago has switched', () => {
  const from = (weekOf) => week('chicago', { now: new Date('2025-03-01T12:00:00Z'), viewZone: 'Europe/Berlin', weekOf });
  // February: CST (UTC-06:00) and CET (UTC+01:00). The window ends at Berlin's midnight: one block, ending the row.
  assert.deepEqual(drawn(from('2025-02-24')), ['MO 4:00 PM-12:00 AM [days[0]]', 'FR 4:00 PM-12:00 AM [days[1]]']);
  assert.ok(from('2025-02-24').blocks.every((b) => b.end === 1440 && !b.toNextDay));
  // 17 Mar: Chicago on CDT (UTC-05:00) since 9 Mar, Berlin still on CET until 30 Mar.
  const between = from('2025-03-17');
  assert.equal(between.weekStart, '2025-03-17');
  assert.equal(between.week, 3);
  assert.deepEqual(drawn(between), ['MO 3:00 PM-11:00 PM [days[0]]', 'FR 3:00 PM-11:00 PM [days[1]]']);
  // April: CDT and CEST (UTC+02:00), 7 hours again.
  assert.deepEqual(drawn(from('2025-04-07')), ['MO 4:00 PM-12:00 AM [days[0]]', 'FR 4:00 PM-12:00 AM [days[1]]']);
  // Both changes within 12 weeks of 1 Mar, each with what it moves on the other clocks.
  const model = core.callingHoursWeek(fixture('chicago'), {
    now: new Date('2025-03-01T12:00:00Z'),
    viewerZone: 'Europe/Berlin',
  });
  assert.deepEqual(
    model.dst.map((c) => [c.zone, c.role, c.date, c.week, c.shifts]),
    [
      [
        'America/Chicago',
        'campaign',
        '2025-03-09',
        1,
        [
          { zone: 'Europe/Berlin', minutes: -60 },
          { zone: 'UTC', minutes: -60 },
        ],
      ],
      ['Europe/Berlin', 'viewer', '2025-03-30', 4, [{ zone: 'Europe/Berlin', minutes: 60 }]],
    ],
  );
  assert.match(model.dst[0].text, /so they come 1 hour earlier in Europe\/Berlin and UTC\.$/);
  assert.equal(
    model.dst[1].text,
    'Sun 30 Mar 2025: at 2:00 AM Europe/Berlin clocks go forward 1 hour to 3:00 AM (UTC+01:00 to UTC+02:00). ' +
      "The campaign's windows come 1 hour later on the Europe/Berlin clock from then.",
  );
});

test('two zones that switch at the same moment: nothing moves on the other clock', () => {
  const text = readFixture('hours/chicago.campaign.yaml').replace('America/Chicago', 'Europe/Berlin');
  const model = core.callingHoursWeek(core.parseCampaign(text), { now: new Date('2025-03-20T12:00:00Z'), viewerZone: 'Europe/Paris' });
  assert.deepEqual(
    model.dst.map((c) => [c.zone, c.shifts]),
    [
      ['Europe/Berlin', [{ zone: 'UTC', minutes: -60 }]],
      ['Europe/Paris', []],
    ],
  );
  assert.match(model.dst[0].text, /1 hour earlier in UTC; Europe\/Paris changes at the same moment, so nothing moves there\.$/);
  assert.match(
    model.dst[1].text,
    /The campaign's zone changes at the same moment: its windows stay where they are on the Europe\/Paris clock\.$/,
  );
});

test('a zone without daylight saving has no changes; a viewer in one that has them gets its own', () => {
  for (const zone of ['Asia/Kolkata', 'Asia/Tokyo', 'UTC']) {
    const text = readFixture('hours/chicago.campaign.yaml').replace('America/Chicago', zone);
    const model = core.callingHoursWeek(core.parseCampaign(text), { now: new Date('2025-03-01T12:00:00Z') });
    assert.deepEqual(model.dst, [], zone);
  }
  const model = week('kolkata-week', { now: new Date('2025-10-01T00:00:00Z'), viewerZone: 'America/New_York' });
  assert.deepEqual(
    model.dst.map((c) => [c.zone, c.date, c.shifts]),
    [['America/New_York', '2025-11-02', [{ zone: 'America/New_York', minutes: -60 }]]],
  );
});

test('the viewer zone and the campaign zone the same (under another name): one clock, nothing listed twice', () => {
  const model = week('kolkata-week', { now: MID_MARCH, viewZone: 'Asia/Calcutta', viewerZone: 'Asia/Calcutta' });
  assert.deepEqual(model.dst, []);
  assert.equal(model.notes.length, 1);
  assert.deepEqual(drawn(model), drawn(week('kolkata-week', { now: MID_MARCH })));
});

test('errors in callingHours: what can be drawn is, the rest is listed with the reason and its place', () => {
  const model = week('broken-hours', { now: MID_MARCH, viewZone: 'UTC' });
  // An unknown zone: drawn as written, on no clock, and not converted to UTC.
  assert.equal(model.campaignZone, undefined);
  assert.equal(model.viewZone, undefined);
  assert.deepEqual(drawn(model), ['MO 9:00 AM-5:00 PM [days[0]]']);
  assert.deepEqual(
    model.notDrawn.map((n) => [n.path, n.range?.start.line, n.message]),
    [
      [
        'dialingStrategy.callingHours.timezone',
        13,
        'timezone "Asia/Kolkatta" is not an IANA time zone (did you mean "Asia/Kolkata"?): the windows are drawn as written, ' +
          'on no particular clock, and cannot be shown in another zone.',
      ],
      ['dialingStrategy.callingHours.days[1]', 16, 'days[1]: day "MON" is not one of MO, TU, WE, TH, FR, SA, SU (did you mean MO?).'],
      [
        'dialingStrategy.callingHours.days[2]',
        17,
        'days[2]: start "9am" is not a 12-hour time such as "9:00 AM" (did you mean "9:00 AM"?).',
      ],
      [
        'dialingStrategy.callingHours.days[3]',
        18,
        'days[3]: it ends (9:00 AM) before it starts (6:00 PM); a window cannot cross midnight.',
      ],
      ['dialingStrategy.callingHours.days[4]', 19, 'days[4]: it is not a { day, start, end } entry.'],
      ['dialingStrategy.callingHours.days[5]', 20, 'days[5]: it has no end.'],
    ],
  );
});

test('a file with broken YAML still draws the windows its document holds', () => {
  const text = `${readFixture('hours/chicago.campaign.yaml')}description: "never closed\n`;
  const model = core.callingHoursWeek(core.parseCampaign(text), { now: MID_MARCH });
  assert.deepEqual(drawn(model), ['MO 9:00 AM-5:00 PM [days[0]]', 'FR 9:00 AM-5:00 PM [days[1]]']);
  assert.match(model.notDrawn[0].message, /YAML errors: what could still be read is drawn/);
  for (const hostile of ['', '- a list\n', 'a: *nothing\n', '['.repeat(300)]) {
    const empty = core.callingHoursWeek(core.parseCampaign(hostile), { now: MID_MARCH });
    assert.deepEqual(empty.blocks, []);
    assert.equal(empty.notDrawn.length, 1, JSON.stringify(hostile.slice(0, 20)));
    assert.match(empty.notDrawn[0].message, /No calling hours could be read\.$/);
  }
});

test('the week to draw: by offset from now, or by a date in the campaign zone; a bad zone to draw on is the campaign zone', () => {
  assert.equal(week('kolkata-week', { now: MID_MARCH, week: -1 }).weekStart, '2025-03-03');
  assert.equal(week('kolkata-week', { now: MID_MARCH, week: 2 }).weekStart, '2025-03-24');
  const sunday = week('kolkata-week', { now: MID_MARCH, weekOf: '2025-03-30' });
  assert.deepEqual([sunday.weekStart, sunday.week], ['2025-03-24', 2]);
  // Late Sunday in UTC is already Monday in Kolkata: the week is the campaign zone's.
  assert.equal(week('kolkata-week', { now: new Date('2025-03-16T20:00:00Z') }).weekStart, '2025-03-17');
  assert.equal(week('kolkata-week', { now: MID_MARCH, viewZone: 'Mars/Olympus' }).viewZone, 'Asia/Kolkata');
});

test('the CodeLens on callingHours: where, and titled with the count of windows and the zone', () => {
  const lens = core.callingHoursLens(fixture('kolkata-week'));
  assert.deepEqual(lens, {
    range: { start: { line: 11, character: 2 }, end: { line: 11, character: 14 } },
    title: 'Preview calling hours (8 windows, Asia/Kolkata)',
  });
  assert.equal(core.callingHoursLens(core.parseCampaign('name: no hours\n')), undefined);
});
