#!/usr/bin/env node
// Tiny shim: load the bundle built by `npm run build` and run it.
require('../dist/cli/main.cjs').cli();
