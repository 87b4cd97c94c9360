// Stands in for node:child_process in the bundle. commander requires it when it loads, for
// subcommands that are separate executables, which mcheck has none of; loading it pulls in a
// dozen of Node's modules (net, dgram, streams) on every start. The real module is loaded on
// first use instead.
'use strict';
let real = null;
module.exports = new Proxy(
  {},
  {
    get(_target, key) {
      real ??= require('child_process');
      return real[key];
    },
  },
);
