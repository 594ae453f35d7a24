// Aliases resolved as yaml resolves them (to the last node before the alias, in document order,
// that has its anchor), all of a document's at once, once per parse. yaml's own
// `Alias.resolve(doc)` walks the whole document with its visitor on every call: on a large file,
// each alias a rule reached or the check for missing anchors looked at cost a walk of every node.
import { isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Document, type Node } from 'yaml';

/** Per parse (an incremental parse changes a Document in place), per document: each alias's node. */
const aliasTargets = new WeakMap<object, WeakMap<Document, Map<Alias, Node | undefined>>>();

/** The node `alias` refers to in `document`, or undefined; `parse` is the parse the document belongs to. */
export function resolveAlias(parse: object, document: Document, alias: Alias): Node | undefined {
  return targetsOf(parse, document).get(alias);
}

/** The aliases of `document` whose anchor is not defined before them, in document order. */
export function unresolvedAliases(parse: object, document: Document): Alias[] {
  const found: Alias[] = [];
  for (const [alias, target] of targetsOf(parse, document)) if (!target) found.push(alias);
  return found.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
}

function targetsOf(parse: object, document: Document): Map<Alias, Node | undefined> {
  let perParse = aliasTargets.get(parse);
  if (!perParse) aliasTargets.set(parse, (perParse = new WeakMap()));
  let targets = perParse.get(document);
  if (!targets) perParse.set(document, (targets = findTargets(document)));
  return targets;
}

/** One walk in yaml's visiting order (each node before what it holds, a key before its value), without recursion. */
function findTargets(document: Document): Map<Alias, Node | undefined> {
  const targets = new Map<Alias, Node | undefined>();
  const lastWithAnchor = new Map<string, Node>();
  const stack: unknown[] = [document.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isAlias(node)) targets.set(node, lastWithAnchor.get(node.source));
    else if (isScalar(node) || isMap(node) || isSeq(node)) {
      if (node.anchor) lastWithAnchor.set(node.anchor, node);
      if (isScalar(node)) continue;
      const items = node.items as unknown[];
      for (let i = items.length - 1; i >= 0; i--) {
        const item = items[i];
        if (isPair(item)) stack.push(item.value, item.key);
        else stack.push(item);
      }
    }
  }
  return targets;
}
