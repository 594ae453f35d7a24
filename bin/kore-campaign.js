#!/usr/bin/env node
// The command line: `kore-campaign validate|push|sandbox`. The code is bundled in dist/cli.js.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('kore-campaign is not built yet: run `npm run build` (or `npm ci`, which builds) first.\n');
  process.exit(2);
}
require(bundle);
