// Duplicate mapping keys, found in one pass with a set per mapping. yaml's own check
// (`uniqueKeys: true`) compares each key with every key before it in its mapping: quadratic,
// seconds per keystroke for a mapping of tens of thousands of keys. The errors are yaml's
// (`DUPLICATE_KEY` at the key's start), so everything downstream reads them as before.
import { isMap, isPair, isScalar, isSeq, YAMLParseError, type Document } from 'yaml';
import { PARSE_LIMITS } from './limits';
import { addOmittedYamlErrors } from './yamlCompose';

/** Adds a `DUPLICATE_KEY` error for each scalar key equal to an earlier one of its mapping (as yaml's check would). */
export function reportDuplicateKeys(document: Document.Parsed): void {
  const found: number[] = [];
  const stack: unknown[] = [document.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const items = node.items;
      // Most mappings have a handful of keys: comparing with the earlier ones costs less than a set.
      const seen = items.length > 8 ? new Set<unknown>() : undefined;
      for (let i = 0; i < items.length; i++) {
        const key = items[i].key;
        // yaml compares with ===: NaN never equals itself, so `.nan` twice is not a duplicate.
        if (isScalar(key) && !Number.isNaN(key.value)) {
          if (seen ? seen.has(key.value) : repeatsEarlierKey(items, i, key.value)) found.push(key.range?.[0] ?? 0);
          else seen?.add(key.value);
        }
        stack.push(key, items[i].value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(isPair(item) ? item.value : item);
    }
  }
  if (found.length === 0) return;
  found.sort((a, b) => a - b);
  const room = Math.max(0, PARSE_LIMITS.maxYamlErrors - document.errors.length);
  for (const offset of found.slice(0, room))
    document.errors.push(new YAMLParseError([offset, offset + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
  if (found.length > room) addOmittedYamlErrors(document, found.length - room);
}

/** Whether a scalar key before `index` has `value` (for small mappings). */
function repeatsEarlierKey(items: readonly { key: unknown }[], index: number, value: unknown): boolean {
  for (let j = 0; j < index; j++) {
    const key = items[j].key;
    if (isScalar(key) && key.value === value) return true;
  }
  return false;
}
