// Bundled in place of the `string-width` package (tools/bundle.mjs). yargs' help and usage
// renderer (cliui) is its only user, and polyemu never renders yargs help (`help(false)`: the
// help text is src/cli/help.ts), so the terminal width of a string is its length without
// ANSI escapes. The package's own module builds Intl.Segmenter and Unicode-property regular
// expressions when it loads, about 25 ms of every start.
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

export default function stringWidth(text) {
  return typeof text === 'string' ? text.replace(ANSI, '').length : 0;
}
