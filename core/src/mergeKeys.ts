// Merge keys (`<<: *defaults`, `!!merge key: value`) are YAML 1.1; the API reads the file as
// JSON, where `<<` is an ordinary key. So a merge key is reported (yamlDiagnostics.ts) and,
// meanwhile, read as the ordinary key it is for the API: yaml would otherwise merge it, or
// throw "Merge sources must be maps or map aliases" from toJS() in every service that reads
// the value (outline, hover, validation).
import { isMap, isPair, isScalar, isSeq, type Document, type Scalar } from 'yaml';

const MERGE_TAG = 'tag:yaml.org,2002:merge';

/** Scalars whose merge tag was removed: an incremental parse reuses them, and they are still merge keys. */
const untagged = new WeakSet<Scalar>();

/** Every merge key's range ([start, end]); `!!merge` tags are removed so the key reads as its own text. */
export function neutraliseMergeKeys(document: Document.Parsed): [number, number][] {
  const found: [number, number][] = [];
  const stack: [unknown, boolean][] = [[document.contents, false]];
  while (stack.length) {
    const [node, isKey] = stack.pop()!;
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items) {
        if (isPair(item)) stack.push([item.key, true], [item.value, false]);
        else stack.push([item, false]);
      }
      continue;
    }
    if (!isScalar(node)) continue;
    const merged = node.tag === MERGE_TAG || untagged.has(node);
    if (node.tag === MERGE_TAG) plain(node);
    if ((merged || (isKey && node.value === '<<')) && node.range) found.push([node.range[0], node.range[1]]);
  }
  return found.sort((a, b) => a[0] - b[0]);
}

/** The scalar as an untagged string of its own text: what the API would receive. */
function plain(node: Scalar): void {
  untagged.add(node);
  node.tag = undefined;
  node.value = typeof node.source === 'string' ? node.source : '<<';
  // The merge tag's behaviour lives in an own property set when the node was composed.
  delete (node as { addToJSMap?: unknown }).addToJSMap;
}
