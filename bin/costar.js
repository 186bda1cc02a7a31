#!/usr/bin/env node
// Tiny shim: load the bundle built by `npm run build` and nothing else.
require('../dist/cli/main.cjs');
