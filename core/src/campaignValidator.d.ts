// The schema's validator, generated at build time by scripts/lib/campaign-validator.mjs (an esbuild plugin).
declare module 'campaign-validator:standalone' {
  import type { ValidateFunction } from 'ajv';
  const validate: ValidateFunction;
  export default validate;
}
