// How deeply the syntax tree nests collections, measured without recursion. yaml's composer
// recurses once per level, so a tree nested thousands deep (brackets, indentation, or
// compact sequences that each nest in the item before them) would exhaust the stack, or
// come close enough that the result depends on how much stack is left. A text scan cannot
// see every such shape; the tree can.
import type { CST } from 'yaml';

/** The offset of the first collection nested deeper than `limit` (counting from `baseDepth`), if any. */
export function tooDeeplyNested(tokens: readonly CST.Token[], limit: number, baseDepth = 0): number | undefined {
  const stack: [CST.Token | undefined, number][] = tokens.map((t) => [t, baseDepth]);
  while (stack.length) {
    const [token, depth] = stack.pop()!;
    if (!token) continue;
    switch (token.type) {
      case 'document':
        stack.push([token.value, depth]);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        if (depth + 1 > limit) return token.offset;
        for (const item of token.items) stack.push([item.key ?? undefined, depth + 1], [item.value, depth + 1]);
        break;
    }
  }
  return undefined;
}
