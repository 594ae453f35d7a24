// esbuild plugin for the browser bundles (dist/web/): a Node built-in (`node:fs`, `path`,
// `crypto`...) imported by anything they bundle fails the build, naming the importer, instead
// of shipping a bundle that breaks in vscode.dev. Node-only code must stay behind the desktop
// entries (client/src/extension.ts, server/src/server.ts).
import { builtinModules } from 'node:module';

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, name.split('/')[0]]));

export const noNodeBuiltinsPlugin = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /^[a-z_:][\w:/.-]*$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (!args.path.startsWith('node:') && !BUILTINS.has(name) && !BUILTINS.has(name.split('/')[0])) return undefined;
      return {
        errors: [
          { text: `Node built-in '${args.path}' imported by ${args.importer} in a browser bundle (${build.initialOptions.outfile})` },
        ],
      };
    });
  },
};
