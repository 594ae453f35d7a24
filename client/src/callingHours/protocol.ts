// The messages between the calling-hours preview's host (panel.ts, in the extension host) and its
// webview (view/), both ways. Types only: the webview bundle imports nothing of the host's.
import type { CallingHoursWeek } from '../../../core/src/services/callingHoursModel';
import type { Range } from '../../../core/src/types';

/** Which clock the grid is drawn on: the campaign's zone, the viewer's (the webview's own), or UTC. */
export type ClockChoice = 'campaign' | 'viewer' | 'utc';

export interface ModelMessage {
  type: 'model';
  /** Counts every model posted: the webview echoes it in `rendered`. */
  revision: number;
  fileName: string;
  choice: ClockChoice;
  /** The viewer's zone as the webview reported it. */
  viewerZone?: string;
  model: CallingHoursWeek;
}

export type HostMessage = ModelMessage;

/** What the webview drew, read back from its DOM after each model (the in-editor tests read it). */
export interface RenderedReport {
  revision: number;
  /** The clock the grid is drawn on, as its header says. */
  clock: string;
  rows: string[];
  /** Each block: its row, its text and its accessible label, in DOM order. */
  blocks: { row: string; text: string; label: string; marks: string[] }[];
  tableRows: number;
  notDrawn: string[];
  dst: string[];
}

export type ViewMessage =
  | { type: 'ready'; viewerZone: string }
  | { type: 'choose'; choice: ClockChoice }
  | { type: 'week'; week: number }
  | { type: 'reveal'; range: Range }
  | ({ type: 'rendered' } & RenderedReport);

/** What Preview Calling Hours answers (for the in-editor tests and other extensions): the panel's state. */
export interface PreviewSnapshot {
  uri: string;
  choice: ClockChoice;
  week: number;
  /** The last model posted to the webview, and what the webview last reported drawing. */
  posted?: ModelMessage;
  rendered?: RenderedReport;
}
