// The week as a grid: a row per day, 24 hours across, the policy band shaded, each window a
// focusable block with its times; overlapping blocks of a row are stacked in lanes so each
// stays visible. Every block carries its facts in its accessible name (and tooltip).
import type { CallingHoursWeek, HoursBlock } from '../../../../core/src/services/callingHoursModel';
import { DAY_NAMES, h, spanStyle } from './dom';

const HOUR_LABELS = ['12 AM', '3 AM', '6 AM', '9 AM', '12 PM', '3 PM', '6 PM', '9 PM', '12 AM'];

export interface GridActions {
  reveal(block: HoursBlock): void;
}

export function renderGrid(model: CallingHoursWeek, clock: string, actions: GridActions): HTMLElement {
  const axis = h(
    'div',
    { class: 'axis', attrs: { 'aria-hidden': 'true' } },
    h('span', { class: 'row-label' }),
    h('div', { class: 'axis-track' }, ...HOUR_LABELS.map((text, i) => h('span', { style: { left: `${(i / 8) * 100}%` } }, text))),
  );
  const rows = model.rows.map((row, index) => {
    const blocks = model.blocks.filter((b) => b.row === index);
    const lanes = laneOf(blocks);
    const laneCount = Math.max(1, ...lanes.map((l) => l + 1));
    const track = h(
      'div',
      { class: 'track', style: { height: `calc(${laneCount} * var(--lane) + 6px)` } },
      ...row.band.map((band) => h('div', { class: 'band', attrs: { 'aria-hidden': 'true' }, style: spanStyle(band.start, band.end) })),
      ...blocks.map((block, i) => blockButton(model, block, lanes[i], clock, actions)),
    );
    const label = `${DAY_NAMES[row.day]} ${row.label.slice(4)}`;
    return h(
      'div',
      {
        class: 'row',
        attrs: {
          role: 'group',
          'aria-label': `${label}: ${blocks.length ? `${blocks.length} window${blocks.length > 1 ? 's' : ''}` : 'no calls'}`,
        },
      },
      h('span', { class: 'row-label', attrs: { 'aria-hidden': 'true' } }, row.label),
      track,
    );
  });
  return h(
    'section',
    {
      class: 'grid',
      attrs: { 'aria-label': `The week on the ${clock} clock. Arrow keys move between windows; Enter goes to one in the file.` },
    },
    axis,
    ...rows,
  );
}

function blockButton(model: CallingHoursWeek, block: HoursBlock, lane: number, clock: string, actions: GridActions): HTMLElement {
  const window = model.windows[block.window];
  const marks = blockMarks(model, block);
  const text = `${marks.includes('finding') ? '⚠ ' : ''}${block.startText}–${block.endText}`;
  const label = blockLabel(model, block, clock);
  const span = block.end - block.start || 1;
  return h(
    'button',
    {
      class: ['block', ...marks].join(' '),
      attrs: {
        type: 'button',
        tabindex: '-1',
        title: label,
        'aria-label': label,
        'data-window': String(window.index),
        'data-row': String(block.row),
        'data-start': String(block.start),
      },
      style: { ...spanStyle(block.start, block.end), top: `calc(${lane} * var(--lane) + 3px)` },
      on: { click: () => actions.reveal(block) },
    },
    ...block.outside.map((o) =>
      h('span', { class: 'outside', attrs: { 'aria-hidden': 'true' }, style: spanStyle(o.start - block.start, o.end - block.start, span) }),
    ),
    h('span', { class: 'text' }, text),
  );
}

/** The classes that mark a block: findings, parts outside the band, crossing midnight, another week's. */
export function blockMarks(model: CallingHoursWeek, block: HoursBlock): string[] {
  const window = model.windows[block.window];
  return [
    window.findings.length ? 'finding' : '',
    window.findings.some((f) => f.code === 'duplicate-window') ? 'duplicate' : '',
    block.outside.length ? 'curfew' : '',
    block.fromPreviousDay ? 'from-previous' : '',
    block.toNextDay ? 'to-next' : '',
    block.otherWeek ? 'other-week' : '',
  ].filter(Boolean);
}

/** Everything a block means, in words: for the accessible name, the tooltip and the table. */
export function blockLabel(model: CallingHoursWeek, block: HoursBlock, clock: string): string {
  const window = model.windows[block.window];
  const row = model.rows[block.row];
  const parts = [`${DAY_NAMES[row.day]} ${row.label.slice(4)}, ${block.startText} to ${block.endText} on the ${clock} clock`];
  const line = window.range ? `, line ${window.range.start.line + 1}` : '';
  parts.push(`written ${window.text}${model.campaignZone ? ` ${model.campaignZone}` : ''}${line}`);
  if (block.fromPreviousDay) parts.push('begun the day before');
  if (block.toNextDay) parts.push('goes on past midnight');
  if (block.otherWeek)
    parts.push(block.otherWeek < 0 ? "the week before's window (the week repeats)" : "the week after's window (the week repeats)");
  for (const finding of window.findings) parts.push(`${finding.message} (${finding.code})`);
  if (block.outside.length && model.curfew) parts.push(`partly or wholly outside the ${model.curfew.text} policy band`);
  return `${parts.join('; ')}.`;
}

/** The lowest free lane for each block of a row (blocks sorted by start, as the model gives them). */
function laneOf(blocks: HoursBlock[]): number[] {
  const laneEnds: number[] = [];
  return blocks.map((block) => {
    let lane = laneEnds.findIndex((end) => end <= block.start);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = block.end;
    return lane;
  });
}
