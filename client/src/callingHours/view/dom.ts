// Building the page's elements. Text is always set as text (a campaign's name and values are
// the author's), and positions through the element's style object: the page's content security
// policy refuses style attributes written in markup, not CSSOM.

type Child = Node | string | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { class?: string; attrs?: Record<string, string>; style?: Record<string, string>; on?: Record<string, (e: Event) => void> } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  for (const [name, value] of Object.entries(props.style ?? {})) element.style.setProperty(name, value);
  for (const [event, handler] of Object.entries(props.on ?? {})) element.addEventListener(event, handler);
  for (const child of children) if (child !== undefined && child !== false) element.append(child);
  return element;
}

/** `left` and `width` of minutes [start, end) on a 24-hour track, in percent. */
export function spanStyle(start: number, end: number, of = 1440): Record<string, string> {
  return { left: `${(start / of) * 100}%`, width: `${(Math.max(end - start, 1) / of) * 100}%` };
}

export const DAY_NAMES: Record<string, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
