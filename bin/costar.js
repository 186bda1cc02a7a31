#!/usr/bin/env node
// Tiny shim: load the bundle built by `npm run build` (dist/costar.cjs) and nothing else.
require('../dist/costar.cjs');
