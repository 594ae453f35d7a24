// Hover over LSP against the built server: a key's docs from the schema, a time zone's offset
// and current time, a calling window in its zone and in UTC.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedServer } from './helpers/lsp-client.mjs';
import { after, at, authoringFixture, docUri, edit, schema } from './helpers/authoring.mjs';

const client = sharedServer();

async function hover(text, position) {
  const uri = docUri('hover');
  await client.open(uri, text);
  const result = await client.request('textDocument/hover', { textDocument: { uri }, position });
  client.notify('textDocument/didClose', { textDocument: { uri } });
  return result;
}

const complete = authoringFixture('complete.campaign.yaml');
const flow = authoringFixture('flow-days.campaign.yaml');
const inside = (position) => ({ line: position.line, character: position.character + 1 });

test('a key: its description, type, range and whether it is required, all from the schema', async () => {
  const result = await hover(complete, inside(at(complete, 'maxRingTime')));
  assert.equal(result.contents.kind, 'markdown');
  const text = result.contents.value;
  assert.ok(text.startsWith('**maxRingTime**: whole number 5 to 120, **required**'), text);
  assert.ok(text.includes(schema.properties.dialingStrategy.properties.maxRingTime.markdownDescription));
  assert.ok(text.includes('`dialingStrategy.maxRingTime`'));
  assert.deepEqual(result.range, { start: at(complete, 'maxRingTime'), end: after(complete, 'maxRingTime') });
});

test('keys: allowed values with their descriptions, limits, optional fields', async () => {
  const mode = (await hover(complete, inside(at(complete, 'dialingMode')))).contents.value;
  assert.ok(mode.includes('Allowed values:\n- `"Agentless"`: Calls are handled by a voice bot'), mode);
  const name = (await hover(complete, inside(at(complete, 'name:')))).contents.value;
  assert.ok(name.startsWith('**name**: string, at most 48 characters, **required**'));
  const schedule = (await hover(complete, inside(at(complete, 'schedule:')))).contents.value;
  assert.ok(schedule.startsWith('**schedule**: mapping, optional'), schedule);
  assert.ok(schedule.includes('Fields: `isSchedulingEnabled` (optional)'));
  const priority = (await hover(complete, inside(at(complete, 'priority')))).contents.value;
  assert.ok(priority.includes('The API takes a **string**'));
  assert.ok(priority.includes('- `"5"`: highest'));
});

test('an enum value: what that value means, then the field', async () => {
  const result = await hover(complete, inside(at(complete, 'Preview')));
  assert.ok(result.contents.value.startsWith('`Preview`: Agents preview each contact before the call is placed; see maxSkips.'));
});

test('the timezone value: its current UTC offset and the current time there', async () => {
  const result = await hover(complete, inside(at(complete, 'Asia/Kolkata')));
  const text = result.contents.value;
  const match = /^\*\*Asia\/Kolkata\*\*: UTC\+05:30 now; the time there is (\d\d):(\d\d) \((\w+)\)\./.exec(text);
  assert.ok(match, text);
  const now = new Date(Date.now() + 330 * 60_000);
  const shown = Number(match[1]) * 60 + Number(match[2]);
  const expected = now.getUTCHours() * 60 + now.getUTCMinutes();
  assert.ok(Math.abs(shown - expected) <= 1 || Math.abs(shown - expected) >= 1439, `${match[1]}:${match[2]} vs now in Kolkata`);
  assert.ok(text.includes('India: Mumbai, Delhi'));
  assert.deepEqual(result.range, { start: at(complete, 'Asia/Kolkata'), end: after(complete, 'Asia/Kolkata') });
  // A legacy alias is valid and says what it stands for.
  const alias = edit(complete, 'Asia/Kolkata', 'Asia/Calcutta');
  assert.ok((await hover(alias, inside(at(alias, 'Asia/Calcutta')))).contents.value.includes('A legacy name of `Asia/Kolkata`'));
});

test("a days entry: the window in the campaign's zone and in UTC", async () => {
  const onValue = await hover(complete, inside(at(complete, '9:00 AM')));
  assert.ok(
    onValue.contents.value.startsWith('**Calling window** `MO 9:00 AM-6:00 PM Asia/Kolkata = 03:30-12:30 UTC`'),
    onValue.contents.value,
  );
  assert.ok(onValue.contents.value.includes('(Asia/Kolkata is UTC+05:30 on the next Monday.)'));
  const onDash = await hover(complete, at(complete, '- day: TU'));
  assert.ok(
    onDash.contents.value.startsWith('**Calling window** `TU 10:00 AM-1:00 PM Asia/Kolkata = 04:30-07:30 UTC`'),
    onDash.contents.value,
  );
  const onKey = (await hover(complete, inside(at(complete, 'end: 6:00 PM')))).contents.value;
  assert.ok(onKey.startsWith('**Calling window** `MO 9:00 AM-6:00 PM'), 'on a key of the window: the window, then the key');
  assert.ok(onKey.includes('**end**: string, **required**'));
});

test('on `days:` every window is listed in UTC', async () => {
  const text = (await hover(complete, inside(at(complete, 'days:')))).contents.value;
  assert.ok(
    text.startsWith(
      '**Calling windows**\n- `MO 9:00 AM-6:00 PM Asia/Kolkata = 03:30-12:30 UTC`\n- `TU 10:00 AM-1:00 PM Asia/Kolkata = 04:30-07:30 UTC`\n',
    ),
    text,
  );
});

test('a window that crosses midnight in UTC names both days (Asia/Tokyo, flow style)', async () => {
  const result = await hover(flow, inside(at(flow, 'day: MO')));
  assert.ok(
    result.contents.value.startsWith('**Calling window** `MO 6:00 AM-6:00 PM Asia/Tokyo = SU 21:00-MO 09:00 UTC`'),
    result.contents.value,
  );
});

test('a window whose zone is not valid says so instead of guessing', async () => {
  const text = edit(complete, 'Asia/Kolkata', 'Asia/Kolkatta');
  const result = await hover(text, inside(at(text, '9:00 AM')));
  assert.ok(result.contents.value.startsWith('**Calling window** `MO 9:00 AM-6:00 PM`: set a valid `timezone` to see it in UTC.'));
});

test('no hover on comments or unknown keys; a key still has docs when the YAML is broken', async () => {
  assert.equal(await hover(complete, inside(at(complete, '# India'))), null);
  const unknown = edit(complete, 'queue_name:', 'queue-name:');
  assert.equal(await hover(unknown, inside(at(unknown, 'queue-name'))), null);
  const broken = edit(complete, 'name: Renewal Reminder', 'name: "Renewal Reminder');
  const result = await hover(broken, inside(at(broken, 'maxSkips')));
  assert.ok(result?.contents.value.startsWith('**maxSkips**: whole number, 0 or more, **required**'), JSON.stringify(result));
});
