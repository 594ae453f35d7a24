// esbuild plugin: yaml's parser as the bundles load it, made cheaper per token without changing
// what it produces. Node and browser builds both lose the parser's generators
// (yaml-generators.mjs); the Node build also loses the debug switches read per token
// (yaml-debug-env.mjs). A yaml release that changes the code these rely on fails the build.
import { readFile } from 'node:fs/promises';
import { withoutDebugEnvReads } from './yaml-debug-env.mjs';
import { withoutGenerators } from './yaml-generators.mjs';

/** The files rewritten: the lexer and parser everywhere, and for Node the composer too (it reads a debug switch per document). */
const NODE_FILES = /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/](lexer|parser)|compose[\\/]composer)\.js$/;
const BROWSER_FILES = /[\\/]node_modules[\\/]yaml[\\/]browser[\\/]dist[\\/]parse[\\/](lexer|parser)\.js$/;

/** Every bundle loads the same files: each is rewritten once per build. */
const rewritten = new Map();

async function rewrite(path, node) {
  let code = await readFile(path, 'utf8');
  if (!/composer\.js$/.test(path)) code = withoutGenerators(code, path);
  if (node && /(parser|composer)\.js$/.test(path)) code = withoutDebugEnvReads(code, path);
  return code;
}

export function yamlPlugin({ node }) {
  return {
    name: 'yaml-parser',
    setup(build) {
      build.onLoad({ filter: node ? NODE_FILES : BROWSER_FILES }, async (args) => {
        const key = `${node}:${args.path}`;
        if (!rewritten.has(key)) rewritten.set(key, rewrite(args.path, node));
        try {
          return { contents: await rewritten.get(key), loader: 'js' };
        } catch (error) {
          return { errors: [{ text: error.message }] };
        }
      });
    },
  };
}
