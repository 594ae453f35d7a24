// esbuild plugin for the Node bundles: yaml's Node build reads `process.env.LOG_TOKENS` once per
// lexical token (and `LOG_STREAM` once per document) to decide whether to print debug output.
// Each read is a call into the C++ environment, a large share of a big file's parse, on every
// keystroke. The bundles never print yaml's debug output, so the reads become `false`. The
// browser build of yaml has no such reads. If a yaml release changes these lines, the build
// fails here rather than silently losing the saving: look again at yaml's parser, then update or
// drop this plugin.
import { readFile } from 'node:fs/promises';

const READS = /\bnode_process\.env\.LOG_(TOKENS|STREAM)\b/g;

export const yamlDebugEnvPlugin = {
  name: 'yaml-debug-env',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const contents = source.replace(READS, 'false');
      if (contents === source) return { errors: [{ text: `yaml-debug-env: no process.env.LOG_* read left in ${args.path}; see scripts/lib/yaml-debug-env.mjs` }] };
      return { contents, loader: 'js' };
    });
  },
};
