#!/usr/bin/env node
// `npm run build` step 2: bundles the compiled CLI (dist/src/cli/main.js and everything it
// imports, yargs and elfy included) into one CommonJS file, dist/polyemu.cjs, which
// bin/polyemu loads through V8's code cache (bin/launch.cjs). One file instead of ~270 ES
// modules is what makes start-up cheap: no module resolution, one read, one compile.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: [join(root, 'dist/src/cli/main.js')],
  outfile: join(root, 'dist/polyemu.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // the sources find package.json from their own location (import.meta.url): in the bundle
  // that is dist/polyemu.cjs, whose parent directory holds package.json
  banner: { js: "const __polyemuUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__polyemuUrl' },
  legalComments: 'none',
  plugins: [{
    // see tools/shims/string-width.mjs
    name: 'string-width-shim',
    setup(b) {
      b.onResolve({ filter: /^string-width$/ }, () => ({ path: join(root, 'tools/shims/string-width.mjs') }));
    },
  }],
  logLevel: 'warning',
});
