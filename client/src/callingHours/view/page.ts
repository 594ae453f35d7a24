// The preview page around the grid: the clock switch and the week, the legend, the marked
// windows, what could not be drawn, the daylight-saving changes, the which-clock notes, and
// the same facts as the grid in a table (for screen readers, and for copying).
import type { HoursBlock } from '../../../../core/src/services/callingHoursModel';
import type { Range } from '../../../../core/src/types';
import type { ClockChoice, ModelMessage } from '../protocol';
import { DAY_NAMES, h } from './dom';
import { blockLabel, renderGrid } from './grid';

export interface PageActions {
  choose(choice: ClockChoice): void;
  week(week: number): void;
  reveal(range: Range): void;
}

/** The zone the grid is drawn on, in words. */
export function clockName(message: ModelMessage): string {
  return message.model.viewZone ?? 'campaign (as written)';
}

export function renderPage(message: ModelMessage, actions: PageActions): HTMLElement[] {
  const { model } = message;
  const clock = clockName(message);
  const reveal = (range: Range | undefined) => (range ? () => actions.reveal(range) : undefined);
  const revealBlock = (block: HoursBlock) => reveal(model.windows[block.window].range)?.();
  return [
    header(message, actions),
    renderGrid(model, clock, { reveal: revealBlock }),
    legend(message),
    ...findings(message, reveal),
    ...notDrawn(message, reveal),
    daylightSaving(message, actions),
    h('section', { class: 'notes' }, ...model.notes.map((note) => h('p', {}, note))),
    table(message, clock),
  ];
}

function header(message: ModelMessage, actions: PageActions): HTMLElement {
  const { model } = message;
  const zoned = model.campaignZone !== undefined;
  const option = (choice: ClockChoice, text: string, detail: string | undefined, enabled: boolean) =>
    h(
      'button',
      {
        class: 'choice',
        attrs: {
          type: 'button',
          role: 'radio',
          'aria-checked': String(message.choice === choice),
          ...(enabled ? {} : { disabled: '' }),
          'data-choice': choice,
        },
        on: { click: () => actions.choose(choice) },
      },
      text,
      detail ? h('span', { class: 'detail' }, detail) : undefined,
    );
  const thisWeek =
    model.week === 0
      ? 'this week'
      : `${Math.abs(model.week)} week${Math.abs(model.week) > 1 ? 's' : ''} ${model.week > 0 ? 'ahead' : 'ago'}`;
  const weekText = `${model.rows[0].label} – ${model.rows[6].label} ${model.weekStart.slice(0, 4)} (${thisWeek})`;
  return h(
    'header',
    {},
    h('h1', {}, 'Calling hours', model.campaignName ? h('span', { class: 'detail' }, model.campaignName) : undefined),
    h('p', { class: 'file' }, message.fileName),
    h(
      'div',
      { class: 'toolbar' },
      h(
        'div',
        { class: 'choices', attrs: { role: 'radiogroup', 'aria-label': 'Clock to draw the week on' } },
        option('campaign', "Campaign's zone", model.campaignZone ?? 'as written', true),
        option('viewer', 'Your zone', message.viewerZone, zoned && message.viewerZone !== undefined),
        option('utc', 'UTC', undefined, zoned),
      ),
      h(
        'div',
        { class: 'weeks', attrs: { role: 'group', 'aria-label': 'Week' } },
        h('button', { attrs: { type: 'button', 'aria-label': 'Previous week' }, on: { click: () => actions.week(model.week - 1) } }, '‹'),
        h('span', { class: 'week', attrs: { 'aria-live': 'polite' } }, weekText),
        h(
          'button',
          { attrs: { type: 'button', ...(model.week === 0 ? { disabled: '' } : {}) }, on: { click: () => actions.week(0) } },
          'This week',
        ),
        h('button', { attrs: { type: 'button', 'aria-label': 'Next week' }, on: { click: () => actions.week(model.week + 1) } }, '›'),
      ),
    ),
    h('p', { class: 'clock' }, clockSentence(message)),
  );
}

function clockSentence({ model }: ModelMessage): string {
  if (!model.viewZone) return 'Drawn as written: the campaign has no usable time zone (see below).';
  if (model.viewZone === model.campaignZone) return `On the ${model.viewZone} clock, the campaign's own.`;
  return `On the ${model.viewZone} clock; the windows are written in ${model.campaignZone}.`;
}

function legend({ model }: ModelMessage): HTMLElement {
  const item = (swatch: string, text: string) =>
    h('li', {}, h('span', { class: `swatch ${swatch}`, attrs: { 'aria-hidden': 'true' } }), text);
  return h(
    'ul',
    { class: 'legend', attrs: { 'aria-label': 'Legend' } },
    item('block', 'Calling window (click or Enter: go to it in the file)'),
    item('block finding', 'Overlaps or repeats another window'),
    model.curfew
      ? item('block curfew', `Outside the ${model.curfew.text} policy band (${model.campaignZone ?? 'campaign'} time)`)
      : undefined,
    model.curfew ? item('band', 'The policy band') : undefined,
  );
}

type Reveal = (range: Range | undefined) => (() => void) | undefined;

function lineButton(range: Range | undefined, reveal: Reveal): HTMLElement | string {
  const go = reveal(range);
  return range && go ? h('button', { class: 'link', attrs: { type: 'button' }, on: { click: go } }, `line ${range.start.line + 1}`) : '';
}

function findings({ model }: ModelMessage, reveal: Reveal): HTMLElement[] {
  const items: HTMLElement[] = [];
  for (const window of model.windows) {
    for (const finding of window.findings.filter((f) => f.role === 'later'))
      items.push(h('li', {}, lineButton(window.range, reveal), ` ${window.text} ${finding.message} (${finding.code})`));
    if (window.curfew && model.curfew) {
      const when = [window.curfew.early ? 'starts before' : '', window.curfew.late ? 'ends after' : ''].filter(Boolean).join(' and ');
      items.push(
        h('li', {}, lineButton(window.range, reveal), ` ${window.text} ${when} the ${model.curfew.text} band (calling-hours-curfew)`),
      );
    }
  }
  return items.length ? [h('section', { class: 'findings' }, h('h2', {}, 'Marked windows'), h('ul', {}, ...items))] : [];
}

function notDrawn({ model }: ModelMessage, reveal: Reveal): HTMLElement[] {
  if (!model.notDrawn.length) return [];
  const items = model.notDrawn.map((item) => h('li', {}, lineButton(item.range, reveal), ` ${item.message}`));
  return [h('section', { class: 'not-drawn' }, h('h2', {}, 'Not drawn'), h('ul', {}, ...items))];
}

function daylightSaving({ model }: ModelMessage, actions: PageActions): HTMLElement {
  const items = model.dst.map((change) =>
    h(
      'li',
      {},
      change.text,
      change.week !== model.week
        ? h('button', { class: 'link', attrs: { type: 'button' }, on: { click: () => actions.week(change.week) } }, ' Show that week')
        : h('span', { class: 'detail' }, ' (this week)'),
    ),
  );
  const none = model.campaignZone ? 'No daylight-saving change in these 12 weeks.' : 'Unknown: the campaign has no usable time zone.';
  return h(
    'section',
    { class: 'dst' },
    h('h2', {}, 'Daylight saving, 12 weeks from this week'),
    items.length ? h('ul', {}, ...items) : h('p', {}, none),
  );
}

function table(message: ModelMessage, clock: string): HTMLElement {
  const { model } = message;
  const head = ['Day', 'From', 'To', `As written${model.campaignZone ? ` (${model.campaignZone})` : ''}`, 'Line', 'Notes'];
  const rows = model.blocks.map((block) => {
    const window = model.windows[block.window];
    const row = model.rows[block.row];
    const notes = blockLabel(model, block, clock).split('; ').slice(2).join('; ');
    return h(
      'tr',
      {},
      h('th', { attrs: { scope: 'row' } }, `${DAY_NAMES[row.day]} ${row.label.slice(4)}`),
      h('td', {}, block.startText),
      h('td', {}, block.endText),
      h('td', {}, window.text),
      h('td', {}, window.range ? String(window.range.start.line + 1) : ''),
      h('td', {}, notes.replace(/\.$/, '')),
    );
  });
  return h(
    'details',
    { class: 'table' },
    h('summary', {}, `The week as a table (${rows.length} row${rows.length === 1 ? '' : 's'})`),
    h(
      'table',
      {},
      h('caption', {}, `Calling windows on the ${clock} clock, ${model.rows[0].label} – ${model.rows[6].label}`),
      h('thead', {}, h('tr', {}, ...head.map((text) => h('th', { attrs: { scope: 'col' } }, text)))),
      h('tbody', {}, ...rows),
    ),
  );
}
