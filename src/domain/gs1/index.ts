// Public API of GS1 and healthcare barcode interpretation (pure domain code).

export { DICTIONARY_RELEASE, DICTIONARY_SHA256 } from './ai-table.generated.ts';
export { AI_ENTRIES, getAiEntry } from './ai-table.ts';
export { gs1CheckDigit, gs1CheckDigitOk, gtinCheckDigitOk, isValidGtin, toGtin14 } from './check-digits.ts';
export { expandUpcE } from './ean-upc.ts';
export { toBracketed } from './element-string.ts';
export {
  fieldName,
  formatScanIssue,
  type Language,
  SCAN_ISSUE_CODES,
  SCAN_ISSUE_MESSAGES,
  type ScanIssueCode,
} from './messages.ts';
export { vnrFromGtin } from './normalise.ts';
export { parseScan } from './parse-scan.ts';
export { ntinFromPzn } from './ppn.ts';
export type {
  GS1Element,
  HibcData,
  NormalisedExpiry,
  ParsedScan,
  ParseScanOptions,
  ScanIssue,
  ScanScheme,
  SymbologyInfo,
} from './types.ts';
