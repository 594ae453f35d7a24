// Pull into an existing file: change only the values that differ and add the keys that are new,
// as text edits on the parsed Document's node ranges. Everything else (comments, key order,
// blank lines, quoting, flow or block style) stays byte for byte as the author wrote it.
// Keys the platform did not return are left alone: a partial read is not a deletion.
import { Document, isAlias, isCollection, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { FieldPath } from '../fieldPaths';
import { styleForFile, yamlText, type CampaignFileForm } from '../fileForm';
import { parseCampaign, type ParsedCampaign } from '../parse';
import type { TextEdit } from '../types';
import { applyTextEdits } from './setCampaignId';
import { stringScalarText } from './yamlEdits';

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const isScalarValue = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

export interface FileUpdate {
  /** The new text (the old text when nothing changed). */
  text: string;
  changed: boolean;
}

/**
 * The file `text` updated to hold `form`'s values, or undefined when it cannot be edited in
 * place (YAML errors, or a top level that is not a mapping).
 */
export function updateCampaignFile(text: string, form: CampaignFileForm): FileUpdate | undefined {
  const parsed = parseCampaign(text);
  const contents = parsed.document?.contents;
  if (!parsed.document || parsed.document.errors.length || parsed.documents.length > 1 || !isMap(contents)) return undefined;
  const edits: TextEdit[] = [];
  const updater = new Updater(parsed, edits);
  updater.map(contents, form.campaign, []);
  updater.flush();
  if (!edits.length) return { text, changed: false };
  const updated = applyTextEdits(parsed, edits);
  return { text: updated, changed: updated !== text };
}

class Updater {
  private readonly eol: string;
  /** Insertions by offset: two new keys after the same existing key must keep their order. */
  private readonly inserts = new Map<number, string>();

  constructor(
    private readonly parsed: ParsedCampaign,
    private readonly edits: TextEdit[],
  ) {
    this.eol = parsed.text.includes('\r\n') ? '\r\n' : '\n';
  }

  private insertAt(at: number, text: string): void {
    this.inserts.set(at, (this.inserts.get(at) ?? '') + text);
  }

  flush(): void {
    for (const [at, text] of this.inserts) this.replace(at, at, text);
  }

  /** A node's end without the line break that block nodes include, so the next key keeps its line. */
  private endOf(node: Node): number {
    let end = node.range![1];
    while (end > node.range![0] && /[\r\n]/.test(this.parsed.text[end - 1])) end--;
    return end;
  }

  private replace(start: number, end: number, newText: string): void {
    this.edits.push({ range: this.parsed.lines.range(start, end), newText });
  }

  private column(offset: number): number {
    return this.parsed.lines.positionAt(offset).character;
  }

  map(node: YAMLMap, value: Json, path: FieldPath): void {
    const keyOf = (pair: Pair) => (isScalar(pair.key) ? String(pair.key.value) : undefined);
    const order = Object.keys(value);
    const indent = ' '.repeat(
      node.items[0]?.key && (node.items[0].key as Node).range ? this.column((node.items[0].key as Node).range![0]) : 0,
    );
    for (const key of order) {
      const pair = node.items.find((p) => keyOf(p) === key);
      const child = pair?.value as Node | null | undefined;
      if (pair && child && !isAlias(child)) this.value(child, value[key], [...path, key], pair);
      // `{ day: MO, ... }` missing a key: the whole inline mapping is rewritten, still inline.
      else if (!pair && node.flow) return this.replaceWhole(node, { ...(node.toJSON() as Json), ...value });
      else if (!pair) this.insert(node, key, value[key], order, indent, path);
    }
  }

  private value(node: Node, value: unknown, path: FieldPath, pair: Pair): void {
    if (isMap(node) && isRecord(value)) return this.map(node, value, path);
    if (isSeq(node) && Array.isArray(value) && node.items.length === value.length && !node.flow) {
      node.items.forEach((item, i) => {
        const child = item as Node;
        if (isAlias(child)) return;
        if (isMap(child) && isRecord(value[i])) this.map(child, value[i] as Json, [...path, i]);
        else if (isScalar(child) && isScalarValue(value[i])) this.scalar(child, value[i]);
        else this.replaceWhole(child, value[i]);
      });
      return;
    }
    if (isScalar(node) && isScalarValue(value) && node.range && node.range[1] > node.range[0]) return this.scalar(node, value);
    if (JSON.stringify(node.toJSON()) === JSON.stringify(value)) return;
    if (isScalarValue(value) || (node as { flow?: boolean }).flow) return this.replaceWhole(node, value);
    // A block collection (or an empty value) becomes a block under its key.
    const key = pair.key as Node;
    const keyColumn = key.range ? this.column(key.range[0]) : 0;
    const colon = key.range ? this.parsed.text.indexOf(':', key.range[1]) : -1;
    if (colon === -1) return;
    const end = node.range && node.range[1] > node.range[0] ? this.endOf(node) : colon + 1;
    this.replace(colon + 1, end, `${this.eol}${this.block(value, path, keyColumn + 2).replace(/\r?\n$/, '')}`);
  }

  private scalar(node: Node & { value?: unknown }, value: unknown): void {
    if (node.value === value) return;
    const text = typeof value === 'string' ? stringScalarText(value, node) : String(value);
    this.replace(node.range![0], this.endOf(node), text);
  }

  /** Replace a node's source with the value in flow style (it was inline, so it stays inline). */
  private replaceWhole(node: Node, value: unknown): void {
    if (!node.range || JSON.stringify(node.toJSON()) === JSON.stringify(value)) return;
    const doc = new Document(value);
    styleForFile(doc.contents);
    if (isCollection(doc.contents)) doc.contents.flow = true;
    this.replace(node.range[0], this.endOf(node), doc.toString({ lineWidth: 0 }).trim());
  }

  private block(value: unknown, path: FieldPath, column: number): string {
    const pad = ' '.repeat(column);
    return yamlText(value, path)
      .replace(/\n$/, '')
      .split('\n')
      .map((line) => `${pad}${line}${this.eol}`)
      .join('');
  }

  /** Add `key` after the nearest earlier key (in the form's order) that the file has. */
  private insert(node: YAMLMap, key: string, value: unknown, order: string[], indent: string, path: FieldPath): void {
    const text = this.block({ [key]: value }, path, indent.length);
    const present = (k: string) => node.items.find((p) => isScalar(p.key) && p.key.value === k);
    let after: Pair | undefined;
    for (const earlier of order.slice(0, order.indexOf(key)).reverse()) if ((after = present(earlier))) break;
    const lines = this.parsed.lines;
    if (after) {
      const end = ((after.value as Node | null)?.range ?? (after.key as Node).range)!;
      const endOffset = Math.max(end[0], end[1] - 1);
      const nextLine = lines.positionAt(endOffset).line + 1;
      const at = nextLine < lines.lineCount ? lines.lineStart(nextLine) : lines.text.length;
      const needsBreak = at === lines.text.length && !lines.text.endsWith('\n');
      this.insertAt(at, `${needsBreak ? this.eol : ''}${text}`);
      return;
    }
    const first = node.items[0]?.key as Node | undefined;
    const at = first?.range ? lines.lineStart(lines.positionAt(first.range[0]).line) : lines.text.length;
    this.insertAt(at, text);
  }
}
