// How deeply the syntax tree nests collections, measured without recursion. yaml's composer
// recurses once per level, so a tree nested thousands deep (brackets, indentation, or
// compact sequences that each nest in the item before them) would exhaust the stack, or
// come close enough that the result depends on how much stack is left. A text scan cannot
// see every such shape; the tree can.
import type { CST } from 'yaml';

/** The offset of the first collection nested deeper than `limit` (counting from `baseDepth`), if any. */
export function tooDeeplyNested(tokens: readonly CST.Token[], limit: number, baseDepth = 0): number | undefined {
  // Two parallel stacks rather than a pair per entry: a large file has hundreds of thousands of items.
  const pending: (CST.Token | undefined)[] = [...tokens];
  const depths: number[] = tokens.map(() => baseDepth);
  while (pending.length) {
    const token = pending.pop();
    const depth = depths.pop()!;
    if (!token) continue;
    switch (token.type) {
      case 'document':
        pending.push(token.value);
        depths.push(depth);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        if (depth + 1 > limit) return token.offset;
        for (const item of token.items) {
          // Only collections nest: scalars and empty places are not worth a stack entry.
          if (item.key && isCollection(item.key)) (pending.push(item.key), depths.push(depth + 1));
          if (item.value && isCollection(item.value)) (pending.push(item.value), depths.push(depth + 1));
        }
        break;
    }
  }
  return undefined;
}

function isCollection(token: CST.Token): boolean {
  return token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';
}
