// How a scan is written on one line of the parse-scan CLI's input.

const ESCAPES: Readonly<Record<string, string>> = {
  '\\x1d': '\x1d',
  '\\x1D': '\x1d',
  '<GS>': '\x1d',
  '\\x1e': '\x1e',
  '\\x1E': '\x1e',
  '<RS>': '\x1e',
  '\\x04': '\x04',
  '<EOT>': '\x04',
};

/**
 * Turns the written-out control characters a terminal cannot type into the real ones: GS as `\x1d` or
 * `<GS>`, RS as `\x1e` or `<RS>`, EOT as `\x04` or `<EOT>`. A real 0x1D passes through unchanged.
 */
export function unescapeScanLine(line: string): string {
  return line.replace(/\\x1[dDeE]|\\x04|<GS>|<RS>|<EOT>/g, (m) => ESCAPES[m] ?? m);
}
