// The campaign schema's validator, generated at build time (ajv's standalone code) and bundled
// as the module `campaign-validator:standalone` (see core/src/schema.ts). Compiling the
// schema with ajv at run time took 35-50 ms of every server start and every CLI run, and
// bundled ajv's compiler; the generated code needs only ajv's small runtime helpers.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const VALIDATOR_MODULE = 'campaign-validator:standalone';

/** Keywords that only document (for editors): ajv must accept them in strict mode. */
const ANNOTATIONS = ['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'patternErrorMessage', 'defaultSnippets'];

export function campaignValidatorCode() {
  const Ajv = require('ajv').default;
  const standaloneCode = require('ajv/dist/standalone').default;
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'campaign.schema.json'), 'utf8'));
  // The options the validator was compiled with at run time before: every error, strict, no messages (ours are written from the errors).
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, messages: false, code: { source: true } });
  ajv.addVocabulary(ANNOTATIONS);
  return standaloneCode(ajv, ajv.compile(schema));
}

/** esbuild plugin: resolves `campaign-validator:standalone` to the generated code. */
export const campaignValidatorPlugin = {
  name: 'campaign-validator',
  setup(build) {
    build.onResolve({ filter: /^campaign-validator:standalone$/ }, () => ({ path: VALIDATOR_MODULE, namespace: 'campaign-validator' }));
    // resolveDir: the generated code requires ajv's runtime helpers from node_modules.
    build.onLoad({ filter: /.*/, namespace: 'campaign-validator' }, () => ({
      contents: campaignValidatorCode(),
      loader: 'js',
      resolveDir: ROOT,
      watchFiles: [path.join(ROOT, 'schemas', 'campaign.schema.json')],
    }));
  },
};
