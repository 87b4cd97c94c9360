#!/usr/bin/env node
// Runs the CLI, bundled into one script (dist/mcheck.cjs), through V8's code cache: a cold start
// otherwise spends much of its time compiling functions that every run compiles the same way.
// The cache sits next to the bundle, headed by the bundle's size and modification time: V8 itself
// only checks the length of the source, and would run stale bytecode after a rebuild that kept
// the length. A missing, stale or rejected cache is replaced at exit.
// It is CommonJS (bin/package.json says so): Node starts a CommonJS script faster than a module.
'use strict';
const { readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { Script } = require('node:vm');

const dist = join(__dirname, '..', 'dist');
const bundle = join(dist, 'mcheck.cjs');
const cacheFile = `${bundle}.cache`;
const read = (path) => {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
};

const stat = statSync(bundle);
const header = Buffer.from(`mcheck-code-cache ${stat.size} ${stat.mtimeMs}\n`, 'latin1');
const stored = read(cacheFile);
const cachedData =
  stored !== undefined && stored.subarray(0, header.length).equals(header) ? stored.subarray(header.length) : undefined;
const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`;
const script = new Script(source, { filename: bundle, cachedData });
if (cachedData === undefined || script.cachedDataRejected === true) {
  process.once('exit', () => {
    // Best effort, and atomic: a read-only install or a concurrent run only costs the speed-up.
    // A copy of src/util/write-whole.ts: this script runs before the bundle is loaded, so it cannot import it.
    const temp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    try {
      writeFileSync(temp, Buffer.concat([header, script.createCachedData()]));
      renameSync(temp, cacheFile);
    } catch {
      // Nothing to do: the next run compiles from source again.
    }
  });
}
const bundleModule = { exports: {} };
script.runInThisContext()(bundleModule.exports, createRequire(bundle), bundleModule, bundle, dist);
