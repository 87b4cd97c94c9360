#!/usr/bin/env node
// The CLI as one bundled file: it loads in a fraction of the time its hundreds of modules take.
import '../dist/mcheck.mjs';
