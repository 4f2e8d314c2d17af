// `npm run --silent parse-scan [-- --today YYYY-MM-DD]`: reads one raw scan per line on standard input and
// prints one JSON ParsedScan per line, for IT staff checking scanner set-ups.
//
// Control characters that a terminal cannot type may be written out: the GS separator as `\x1d` or
// `<GS>` (or sent as the real 0x1D character), RS as `\x1e` or `<RS>`, EOT as `\x04` or `<EOT>`.
import { createInterface } from 'node:readline';
import { parseScan } from '../domain/gs1/index.ts';
import { unescapeScanLine } from './scan-line.ts';

function todayFromArgs(args: readonly string[]): Date | undefined {
  const i = args.indexOf('--today');
  const value = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith('--today='))?.slice('--today='.length);
  if (value === undefined) return undefined;
  const date = new Date(`${value}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) {
    process.stderr.write(`parse-scan: --today needs a date as YYYY-MM-DD, got "${value}"\n`);
    process.exit(2);
  }
  return date;
}

async function main(): Promise<void> {
  const today = todayFromArgs(process.argv.slice(2));
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const result = parseScan(unescapeScanLine(line), today ? { today } : {});
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
}

await main();
