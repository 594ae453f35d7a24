// `kore-campaign hours <file> [--tz ZONE]`: the calling-hours week as a text grid, from the same
// core model as the editor's preview; markdown for pull-request summaries and JSON; the exit
// codes of the other commands (2 for bad usage and unreadable files, 1 when part of callingHours
// could not be drawn); the settings of .vscode/settings.json, as the editor reads them.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCliWith } from './helpers/cli.mjs';
import { core, readFixture, tempDir } from './helpers/fixtures.mjs';

const KOLKATA = 'test/fixtures/hours/kolkata-week.campaign.yaml';
const BROKEN = 'test/fixtures/hours/broken-hours.campaign.yaml';
const CHICAGO = 'test/fixtures/hours/chicago.campaign.yaml';

/** The grid's day rows of the output. */
const gridRows = (stdout) => stdout.split('\n').filter((l) => /^ {2}(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d/.test(l));

test('a Kolkata week on the UTC clock: the grid by half hours, each window with its line, marks and UTC times', async () => {
  const r = await runCliWith(['hours', KOLKATA, '--tz', 'UTC', '--week', '2025-03-12']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  const lines = r.stdout.split('\n');
  assert.equal(lines[0], 'Calling hours of "Kolkata week", week of Mon 10 Mar - Sun 16 Mar 2025');
  assert.equal(lines[1], 'On the UTC clock; the windows are written in Asia/Kolkata.');
  assert.equal(lines[3], '             0     3     6     9     12    15    18    21    24');
  // One mark per half hour: # calls, ! calls outside the 8 AM-9 PM band (2:30 AM-3:30 PM UTC), x overlap, : the band.
  assert.deepEqual(gridRows(r.stdout), [
    '  Mon 10 Mar .....::################xx####::.................',
    '  Tue 11 Mar .....::xxxxxxxx::::::::::::::::..............!!!',
    '  Wed 12 Mar !!!!!####::::::::::::::::::::::.................',
    '  Thu 13 Mar .....::::::::::::::::::::::::::.................',
    '  Fri 14 Mar .....::::::::::::::::::::::::::.................',
    '  Sat 15 Mar .....:::::::::::::::::::::::###!!!!!...!!!!.....',
    '  Sun 16 Mar .....::::::::::::::::::::::::::........!!.......',
  ]);
  const windows = lines.slice(
    lines.indexOf('Windows (Asia/Kolkata; on the UTC clock):') + 1,
    lines.indexOf('Windows (Asia/Kolkata; on the UTC clock):') + 9,
  );
  assert.deepEqual(windows, [
    '  line 16   MO 9:00 AM-6:00 PM    = Mon 3:30 AM-12:30 PM          overlapped by MO 5:00 PM-8:00 PM at line 17 [window-overlap]',
    '  line 17   MO 5:00 PM-8:00 PM    = Mon 11:30 AM-2:30 PM          overlaps MO 9:00 AM-6:00 PM at line 16 [window-overlap]',
    '  line 18   TU 9:00 AM-1:00 PM    = Tue 3:30 AM-7:30 AM           repeated at line 19 [duplicate-window]',
    '  line 19   TU 9:00 AM-1:00 PM    = Tue 3:30 AM-7:30 AM           repeats the window at line 18 [duplicate-window]',
    '  line 20   WE 4:00 AM-10:00 AM   = Tue 10:30 PM-Wed 4:30 AM      calls before 8:00 AM [calling-hours-curfew]',
    '  line 21   SA 7:30 PM-11:30 PM   = Sat 2:00 PM-6:00 PM           calls after 9:00 PM [calling-hours-curfew]',
    '  line 22   SU 1:00 AM-3:00 AM    = Sat 7:30 PM-9:30 PM           calls before 8:00 AM [calling-hours-curfew]',
    '  line 23   MO 1:00 AM-2:00 AM    = Sun 7:30 PM-8:30 PM (from the week before)  calls before 8:00 AM [calling-hours-curfew]',
  ]);
  assert.match(r.stdout, /\nDaylight saving \(12 weeks from this week\):\n {2}no changes\n/);
  assert.match(
    r.stdout.replace(/\n {2}/g, ' '),
    /\nWhich clock: the platform calls at these hours in Asia\/Kolkata, except contacts whose list carries/,
  );
  // Piped, not a terminal: no colour.
  assert.doesNotMatch(r.stdout, /\u001b\[/);
  assert.ok(r.stdout.split('\n').every((l) => l.length <= 140 && l === l.trimEnd()));
});

test("without --tz the campaign's own clock; a DST week says what moves where", async () => {
  const own = await runCliWith(['hours', CHICAGO, '--week', '2025-03-03']);
  assert.equal(own.code, 0);
  assert.match(own.stdout, /^On the America\/Chicago clock, the campaign's own\.$/m);
  assert.equal(gridRows(own.stdout)[0], '  Mon 3 Mar  ................::################::::::::......');
  const berlin = await runCliWith(['hours', CHICAGO, '--tz', 'Europe/Berlin', '--week', '2025-03-17']);
  assert.equal(berlin.code, 0);
  // Chicago has switched (UTC-05:00), Berlin not yet (UTC+01:00): 9 AM-5 PM is 3-11 PM there; Sunday's band reaches 3 AM Monday.
  assert.equal(gridRows(berlin.stdout)[0], '  Mon 17 Mar ::::::......................::################::');
  assert.match(berlin.stdout, /MO 9:00 AM-5:00 PM {4}= Mon 3:00 PM-11:00 PM/);
  const dst = berlin.stdout.slice(berlin.stdout.indexOf('Daylight saving'));
  assert.match(dst, /Sun 30 Mar 2025: at 2:00 AM Europe\/Berlin clocks go forward 1 hour to 3:00 AM/);
  assert.match(dst.replace(/\n\s+/g, ' '), /The campaign's windows come 1 hour later on the Europe\/Berlin clock from then\./);
  // The Chicago change of 9 Mar was before this week: not listed.
  assert.doesNotMatch(dst, /9 Mar/);
});

test('errors in callingHours: what can be drawn is, the rest under "Not drawn", exit 1', async () => {
  const r = await runCliWith(['hours', BROKEN, '--week', '2025-03-12']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^Drawn as written: the campaign has no usable time zone \(see "Not drawn"\)\.$/m);
  assert.equal(gridRows(r.stdout)[0], '  Mon 10 Mar ................::################::::::::......');
  const notDrawn = r.stdout.slice(r.stdout.indexOf('Not drawn:'), r.stdout.indexOf('Daylight saving'));
  for (const expected of [
    /line 14 {3}timezone "Asia\/Kolkatta" is not an IANA time zone \(did you mean "Asia\/Kolkata"\?\)/,
    /line 17 {3}days\[1\]: day "MON" is not one of MO, TU, WE, TH, FR, SA, SU \(did you mean MO\?\)\./,
    /line 18 {3}days\[2\]: start "9am" is not a 12-hour time/,
    /line 19 {3}days\[3\]: it ends \(9:00 AM\) before it starts \(6:00 PM\)/,
    /line 20 {3}days\[4\]: it is not a \{ day, start, end \} entry\./,
    /line 21 {3}days\[5\]: it has no end\./,
  ])
    assert.match(notDrawn, expected);
  // A file that is not a campaign at all draws nothing and says so.
  const dir = tempDir('kc-hours-');
  writeFileSync(path.join(dir, 'list.campaign.yaml'), '- just\n- a list\n');
  const list = await runCliWith(['hours', 'list.campaign.yaml'], { cwd: dir });
  assert.equal(list.code, 1);
  assert.match(list.stdout, /The file holds no campaign \(a mapping of fields\)\. No calling hours could be read\./);
});

test('bad usage and unreadable files: exit 2 with a sentence naming the command', async () => {
  const cases = [
    [['hours'], /name one campaign file \(or - for stdin\)\./],
    [['hours', KOLKATA, CHICAGO], /name one campaign file/],
    [['hours', KOLKATA, '--tz', 'Asia/Kolkatta'], /--tz "Asia\/Kolkatta" is not an IANA time zone \(did you mean "Asia\/Kolkata"\?\)\./],
    [['hours', KOLKATA, '--tz', 'utc'], /--tz "utc" is not an IANA time zone \(did you mean "UTC"\?\)\./],
    [['hours', KOLKATA, '--week', '2025-02-30'], /--week takes a date as YYYY-MM-DD, not "2025-02-30"\./],
    [['hours', KOLKATA, '--format', 'sarif'], /--format takes text, markdown, json; not "sarif"\./],
    [['hours', 'missing.campaign.yaml'], /^kore-campaign hours: missing\.campaign\.yaml does not exist \(no such file or folder\)\.$/m],
    [['hours', 'test/fixtures'], /is a folder, not a file/],
  ];
  for (const [args, message] of cases) {
    const r = await runCliWith(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, message);
  }
});

test('--format json is the core model; markdown fences the text for a pull-request summary; "-" reads stdin', async () => {
  const json = await runCliWith(['hours', KOLKATA, '--tz', 'UTC', '--week', '2025-03-12', '--format', 'json']);
  assert.equal(json.code, 0);
  const model = JSON.parse(json.stdout);
  const expected = core.callingHoursWeek(core.parseCampaign(readFixture('hours/kolkata-week.campaign.yaml')), {
    now: new Date(),
    viewZone: 'UTC',
    viewerZone: 'UTC',
    weekOf: '2025-03-12',
  });
  assert.deepEqual({ ...model, week: 0 }, { ...expected, week: 0 });
  const markdown = await runCliWith(['hours', '--format', 'markdown', '--week', '2025-03-12', KOLKATA]);
  const text = await runCliWith(['hours', '--week', '2025-03-12', KOLKATA]);
  assert.equal(markdown.stdout, `\`\`\`text\n${text.stdout}\`\`\`\n`);
  const piped = await runCliWith(['hours', '--week', '2025-03-12', '-'], { input: readFixture('hours/kolkata-week.campaign.yaml') });
  assert.equal(piped.code, 0);
  assert.equal(piped.stdout, text.stdout);
});

test('koreCampaign.validate.policy off in .vscode/settings.json: no band and no curfew marks (unless --no-settings)', async () => {
  const dir = tempDir('kc-hours-settings-');
  mkdirSync(path.join(dir, '.git'));
  mkdirSync(path.join(dir, '.vscode'));
  writeFileSync(path.join(dir, '.vscode', 'settings.json'), '{ "koreCampaign.validate.policy": "off" }\n');
  writeFileSync(path.join(dir, 'k.campaign.yaml'), readFixture('hours/kolkata-week.campaign.yaml'));
  const off = await runCliWith(['hours', 'k.campaign.yaml', '--week', '2025-03-12'], { cwd: dir });
  assert.equal(off.code, 0);
  assert.match(off.stderr, /koreCampaign\.validate settings from \.vscode\/settings\.json \(--no-settings ignores them\)/);
  assert.ok(
    gridRows(off.stdout).every((row) => !/[!:]/.test(row.slice(13))),
    off.stdout,
  );
  assert.doesNotMatch(off.stdout, /calling-hours-curfew/);
  const on = await runCliWith(['hours', 'k.campaign.yaml', '--week', '2025-03-12', '--no-settings'], { cwd: dir });
  assert.match(on.stdout, /calling-hours-curfew/);
});
