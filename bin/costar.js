#!/usr/bin/env node
// Tiny shim: load the bundle built by `npm run build` and nothing else.
import('../dist/esm/main.mjs');
