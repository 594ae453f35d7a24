// yaml's Node build reads `process.env.LOG_TOKENS` once per lexical token (and `LOG_STREAM` once
// per document) to decide whether to print debug output. Each read is a call into the C++
// environment, a large share of a big file's parse, on every keystroke. The bundles never print
// yaml's debug output, so the reads become `false`. The browser build of yaml has no such reads.
// If a yaml release changes these lines, the build fails rather than silently losing the saving:
// look again at yaml's parser, then update or drop this step.
const READS = /\bnode_process\.env\.LOG_(TOKENS|STREAM)\b/g;

export function withoutDebugEnvReads(source, fileName) {
  const contents = source.replace(READS, 'false');
  if (contents === source)
    throw new Error(`yaml-debug-env: no process.env.LOG_* read left in ${fileName}; see scripts/lib/yaml-debug-env.mjs`);
  return contents;
}
