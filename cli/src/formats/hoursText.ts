// `kore-campaign hours` as text: the core's calling-hours week drawn in a terminal or a
// pull-request summary. Plain ASCII, one row per day and one character per half hour, then the
// windows with their lines, what could not be drawn, daylight saving and the notes. Colour
// (ANSI) only when asked for: the command asks only on a terminal without NO_COLOR.
import type { CallingHoursWeek, HoursBlock, HoursWindow } from '../../../core/src';
import { formatApiTime } from '../../../core/src';

/** Half-hour cells: 48 across, so Asia/Kolkata's :30 offsets fall on a cell's edge. */
const CELLS = 48;
const CELL_MINUTES = 1440 / CELLS;
/** The most windows listed one per line; the grid shows every one. */
const MAX_LISTED = 200;
/** Where sentences wrap: a terminal's width, and readable in a pull request's code block. */
const WIDTH = 100;

export const HOURS_LEGEND = {
  window: '#',
  outside: '!',
  overlap: 'x',
  band: ':',
  empty: '.',
} as const;

type Cell = keyof typeof HOURS_LEGEND;

const COLOURS: Partial<Record<Cell, string>> = { window: '32', outside: '33', overlap: '31', band: '2' };

export interface HoursTextOptions {
  colour?: boolean;
}

export function formatHoursText(model: CallingHoursWeek, { colour = false }: HoursTextOptions = {}): string {
  const paint = (text: string, code: string | undefined) => (colour && code ? `\u001b[${code}m${text}\u001b[0m` : text);
  const out: string[] = [];
  const name = model.campaignName ? `"${model.campaignName}"` : 'the campaign';
  const weekLabel = `${model.rows[0].label} - ${model.rows[6].label} ${model.weekStart.slice(0, 4)}`;
  out.push(paint(`Calling hours of ${name}, week of ${weekLabel}`, '1'));
  out.push(clockLine(model));
  out.push('');
  const label = (row: number) => model.rows[row].label.padEnd(11);
  out.push(`${' '.repeat(13)}${axis()}`);
  for (let row = 0; row < 7; row++) {
    const cells = rowCells(model, row);
    const drawn = cells.map((cell) => paint(HOURS_LEGEND[cell], COLOURS[cell])).join('');
    out.push(`  ${label(row)}${drawn}`);
  }
  for (const line of legend(model)) out.push(`  ${' '.repeat(11)}${line}`);
  out.push('', ...windowList(model));
  if (model.notDrawn.length) {
    out.push('', paint('Not drawn:', '1'));
    for (const item of model.notDrawn) out.push(...wrap(`${lineTag(item.range?.start.line)}${item.message}`, '  ', 12));
  }
  out.push('', paint('Daylight saving (12 weeks from this week):', '1'));
  if (model.dst.length) for (const change of model.dst) out.push(...wrap(change.text, '  ', 4));
  else out.push(`  no changes${model.campaignZone ? '' : ' (the campaign has no usable time zone)'}`);
  out.push('');
  for (const note of model.notes) out.push(...wrap(note, '', 2));
  return `${out.map((line) => line.trimEnd()).join('\n')}\n`;
}

function clockLine(model: CallingHoursWeek): string {
  if (!model.viewZone) return 'Drawn as written: the campaign has no usable time zone (see "Not drawn").';
  if (model.viewZone === model.campaignZone) return `On the ${model.viewZone} clock, the campaign's own.`;
  return `On the ${model.viewZone} clock; the windows are written in ${model.campaignZone}.`;
}

/** `0     3     6 ...    24`, one mark per three hours over the cells. */
function axis(): string {
  const line = Array.from({ length: CELLS + 2 }, () => ' ');
  for (let hour = 0; hour <= 24; hour += 3) {
    const text = String(hour);
    for (let i = 0; i < text.length; i++) line[hour * 2 + i] = text[i];
  }
  return line.join('').trimEnd();
}

function rowCells(model: CallingHoursWeek, row: number): Cell[] {
  const cells: Cell[] = [];
  const blocks = model.blocks.filter((b) => b.row === row);
  const band = model.rows[row].band;
  for (let i = 0; i < CELLS; i++) {
    const [from, to] = [i * CELL_MINUTES, (i + 1) * CELL_MINUTES];
    const covers = (s: { start: number; end: number }) => s.start < to && s.end > from;
    const here = blocks.filter(covers);
    if (here.length > 1) cells.push('overlap');
    else if (here.length === 1) cells.push(here[0].outside.some(covers) ? 'outside' : 'window');
    else cells.push(band.some(covers) ? 'band' : 'empty');
  }
  return cells;
}

function legend(model: CallingHoursWeek): string[] {
  const parts = [`${HOURS_LEGEND.window} calls`, `${HOURS_LEGEND.overlap} overlapping windows`];
  if (model.curfew) parts.push(`${HOURS_LEGEND.outside} calls outside the policy band`, `${HOURS_LEGEND.band} the band, no calls`);
  parts.push(`${HOURS_LEGEND.empty} no calls`);
  const band = model.curfew ? `; the band is ${model.curfew.text}${model.campaignZone ? ` ${model.campaignZone} time` : ''}` : '';
  return [parts.join('   '), `(a mark per half hour${band})`];
}

/** `text` cut at spaces to lines of at most WIDTH, each after `indent`, the following ones `hang` further in. */
function wrap(text: string, indent: string, hang: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const lead = lines.length ? indent + ' '.repeat(hang) : indent;
    if (line && lead.length + line.length + 1 + word.length > WIDTH) {
      lines.push(lead + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push((lines.length ? indent + ' '.repeat(hang) : indent) + line);
  return lines;
}

function windowList(model: CallingHoursWeek): string[] {
  if (!model.windows.length) return ['No window to draw.'];
  const converted = model.viewZone !== undefined && model.viewZone !== model.campaignZone;
  const head = converted ? `Windows (${model.campaignZone}; on the ${model.viewZone} clock):` : 'Windows:';
  const lines = [head];
  const byWindow = new Map<number, HoursBlock[]>();
  for (const block of model.blocks) byWindow.set(block.window, [...(byWindow.get(block.window) ?? []), block]);
  model.windows.slice(0, MAX_LISTED).forEach((window, position) => {
    const drawn = converted ? `  = ${drawnText(model, byWindow.get(position) ?? []).padEnd(28)}` : '';
    const marks = windowMarks(model, window);
    lines.push(`  ${lineTag(window.range?.start.line)}${window.text.padEnd(20)}${drawn}${marks ? `  ${marks}` : ''}`);
  });
  if (model.windows.length > MAX_LISTED) lines.push(`  ... and ${model.windows.length - MAX_LISTED} more (the grid shows them all)`);
  return lines;
}

/** `Tue 10:30 PM-Wed 4:30 AM` on the clock drawn, with `(week before)` when the week wraps. */
function drawnText(model: CallingHoursWeek, blocks: HoursBlock[]): string {
  if (!blocks.length) return '';
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  const day = (b: HoursBlock) => model.rows[b.row].label.slice(0, 3);
  const span =
    first === last ? `${day(first)} ${first.startText}-${first.endText}` : `${day(first)} ${first.startText}-${day(last)} ${last.endText}`;
  const week = first.otherWeek === -1 ? ' (from the week before)' : first.otherWeek === 1 ? ' (into the week after)' : '';
  return `${span}${week}`;
}

function windowMarks(model: CallingHoursWeek, window: HoursWindow): string {
  const marks = window.findings.map((f) => `${f.message} [${f.code}]`);
  if (window.curfew && model.curfew) {
    const { early, late } = window.curfew;
    const part = [
      early ? `before ${formatApiTime(model.curfew.start)}` : '',
      late ? `after ${formatApiTime(model.curfew.end)}` : '',
    ].filter(Boolean);
    marks.push(`calls ${part.join(' and ')} [calling-hours-curfew]`);
  }
  return marks.join('; ');
}

function lineTag(line: number | undefined): string {
  return line === undefined ? '' : `line ${String(line + 1).padEnd(5)}`;
}
