// Loads the bundled CLI (dist/polyemu.cjs, tools/bundle.mjs) through V8's code cache: the
// first run of a given bundle compiles it and, at exit, keeps V8's cached data for it (with
// every function the run compiled) in $XDG_CACHE_HOME/polyemu (~/.cache/polyemu); later runs
// skip parsing and compiling that code. POLYEMU_CACHE=0 turns the cache off. The cache file
// is named by the bundle's size and mtime and by the Node and V8 versions, written to a
// temporary name and renamed (concurrent runs are safe); V8 rejects data that does not fit,
// and then it is written again.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const { createRequire, wrap } = require('node:module');

function cacheFile(st) {
  const off = process.env.POLYEMU_CACHE;
  if (off === '0' || off === 'off') return undefined;
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  const key = `${st.size.toString(36)}-${Math.floor(st.mtimeMs).toString(36)}-${process.version}-${process.versions.v8}`;
  return path.join(base, 'polyemu', `cli-${key}.v8`);
}

function readCache(file) {
  try {
    return file ? fs.readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(file, script) {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, script.createCachedData());
    fs.renameSync(tmp, file);
  } catch {
    // a read-only or full cache directory only costs the next start its compile time
  }
}

/** The CLI's exports ({ main }) from the bundle at `bundle`; throws when it is missing or broken. */
function load(bundle) {
  const st = fs.statSync(bundle);
  const file = cacheFile(st);
  const cachedData = readCache(file);
  const script = new vm.Script(wrap(fs.readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, createRequire(bundle), mod, bundle, path.dirname(bundle));
  if (file && (!cachedData || script.cachedDataRejected)) process.once('exit', () => writeCache(file, script));
  return mod.exports;
}

module.exports = { load };
