// A campaign read from the platform, turned into what a campaign file holds: only what a write
// takes, in the file format's key order (the schema's property order), `campaignId` first.
// Platform-owned fields are dropped; fields the write does not know are dropped and named; a
// read that lacks required fields still gives a file, plus the list of what to fill in.
import { Document, isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import { CALLING_DAYS, formatPath, type FieldPath } from './fieldPaths';
import { platformOwnedField } from './platformFields';
import { campaignSchema, type FieldSchema } from './schema';

export interface CampaignFileForm {
  /** The file's mapping: `campaignId` first, then the write's fields in the schema's order. */
  campaign: Record<string, unknown>;
  /** `_id` (or `id`) of the read; undefined when the read carried neither. */
  campaignId?: string;
  /** Required fields (dotted paths) the platform did not return: the author must fill them in. */
  missing: string[];
  /** Fields the platform returned that a write does not take and the platform does not own: not kept. */
  dropped: string[];
  /** The experience flow's id (`experienceFlow`): a write names the flow, so the author must. */
  experienceFlowId?: string;
}

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** The file form of a campaign read (`data` of a get-one answer, or a list summary). */
export function campaignFileForm(remote: Json): CampaignFileForm {
  const id = typeof remote._id === 'string' ? remote._id : typeof remote.id === 'string' ? remote.id : undefined;
  const missing: string[] = [];
  const dropped: string[] = [];
  const source: Json = { ...remote };
  delete source.campaignId;
  if (id !== undefined) source.campaignId = id;
  const campaign = project(source, campaignSchema, [], missing, dropped) as Json;
  const flow = remote.experienceFlow;
  return { campaign, campaignId: id, missing, dropped, experienceFlowId: typeof flow === 'string' && flow ? flow : undefined };
}

function project(value: unknown, schema: FieldSchema | undefined, path: FieldPath, missing: string[], dropped: string[]): unknown {
  if (schema?.type === 'array' && Array.isArray(value))
    return value.map((item, i) => project(item, schema.items, [...path, i], missing, dropped));
  if (!schema?.properties || !isRecord(value)) return value;
  const out: Json = {};
  for (const key of Object.keys(schema.properties)) {
    if (key in value && value[key] !== undefined) out[key] = project(value[key], schema.properties[key], [...path, key], missing, dropped);
  }
  for (const key of Object.keys(value)) {
    const where = formatPath([...path, key]);
    if (!(key in schema.properties) && !platformOwnedField([...path, key]) && !(path.length === 0 && key === 'campaignId'))
      dropped.push(where);
  }
  for (const key of schema.required ?? []) if (!(key in out)) missing.push(formatPath([...path, key]));
  return out;
}

/** What to tell the author about a pulled campaign: one sentence per thing to do, none when the file is complete. */
export function fileFormNotes(form: CampaignFileForm): string[] {
  const notes: string[] = [];
  if (form.missing.length)
    notes.push(
      `The platform did not return ${form.missing.join(', ')}; fill ${form.missing.length === 1 ? 'it' : 'them'} in before pushing.`,
    );
  if (form.experienceFlowId)
    notes.push(`The platform returned the experience flow's id (${form.experienceFlowId}), not its name: set experienceFlowName yourself.`);
  if (form.dropped.length)
    notes.push(`Not kept (a write does not take ${form.dropped.length === 1 ? 'it' : 'them'}): ${form.dropped.join(', ')}.`);
  if (!form.campaignId) notes.push('The platform did not return the campaign id (_id); add campaignId before pushing.');
  return notes;
}

/** `9:00 AM`: quoted in the examples, so a time never reads as anything but a string. */
const TIME_TEXT = /^\d{1,2}:\d{2}\s*[AaPp][Mm]$/;

/**
 * The examples' style: calling windows one per line (`- { day: MO, start: "9:00 AM", ... }`),
 * times in double quotes.
 */
export function styleForFile(node: unknown, path: FieldPath = []): void {
  if (isSeq(node)) {
    const windows = formatPath(path) === formatPath(CALLING_DAYS);
    node.items.forEach((item, i) => {
      if (windows && isMap(item)) item.flow = true;
      styleForFile(item, [...path, i]);
    });
  } else if (isMap(node)) {
    for (const pair of node.items) styleForFile(pair.value, [...path, String((pair.key as { value?: unknown })?.value)]);
  } else if (isScalar(node) && typeof node.value === 'string' && TIME_TEXT.test(node.value)) {
    node.type = Scalar.QUOTE_DOUBLE;
  }
}

/** YAML text of a value, styled as campaign files are (no folding of long lines). */
export function yamlText(value: unknown, path: FieldPath = []): string {
  const doc = new Document(value);
  styleForFile(doc.contents as Node, path);
  return doc.toString({ lineWidth: 0 });
}

export interface RenderOptions {
  /** Comment lines (without `#`) that open the file, e.g. where it was pulled from. */
  header?: string[];
}

/** A new campaign file for a pulled campaign, with comments for what the author must finish. */
export function renderCampaignFile(form: CampaignFileForm, options: RenderOptions = {}): string {
  const doc = new Document(form.campaign);
  styleForFile(doc.contents as Node);
  const top = [...(options.header ?? [])];
  if (form.missing.length) top.push(`Not returned by the platform, fill in before pushing: ${form.missing.join(', ')}`);
  if (top.length) doc.commentBefore = top.map((line) => ` ${line}`).join('\n');
  if (form.experienceFlowId) {
    doc.comment = [
      ` experienceFlowName: the platform returned only the experience flow's id (experienceFlow: ${form.experienceFlowId}),`,
      " and a write names the flow. Add the flow's name here, e.g. experienceFlowName: My Flow",
    ].join('\n');
  }
  return doc.toString({ lineWidth: 0 });
}
