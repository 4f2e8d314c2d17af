// Public result types of barcode interpretation.
import type { ScanIssueCode } from './messages.ts';

export type ScanScheme = 'gs1' | 'gs1-digital-link' | 'ean-upc' | 'hibc' | 'ppn' | 'unknown';

/** A problem found in a scan; `message` is English text fit to show the person holding the pack. */
export interface ScanIssue {
  /** Stable code; the UI translates by code (see SCAN_ISSUE_MESSAGES). */
  readonly code: ScanIssueCode;
  readonly message: string;
  /** Index in the raw scan (UTF-16 code units) where the problem starts, when it has a place. */
  readonly position?: number;
  /** Length of the offending span, when known. */
  readonly length?: number;
  /** The GS1 Application Identifier concerned, if any. */
  readonly ai?: string;
  /** The values filled into the message, for translation. */
  readonly params?: Readonly<Record<string, string>>;
  /** The GS1 syntax test (linter) result behind the issue, e.g. `ILLEGAL_MONTH`. */
  readonly lintCode?: string;
}

/** One GS1 element, as found in an element string or a Digital Link URI. */
export interface GS1Element {
  readonly ai: string;
  readonly value: string;
  /** The dictionary title, e.g. "BATCH/LOT". */
  readonly title: string;
}

/**
 * A normalised expiry date. `date` is always a real calendar date: when the code gave no day (GS1 day
 * "00", HIBC month-only formats) it is the last day of that month, leap years included.
 */
export interface NormalisedExpiry {
  /** YYYY-MM-DD. */
  readonly date: string;
  /** The day was written as 00 ("end of month"), which healthcare labels must no longer print. */
  readonly dayWasZero: boolean;
  /** The code carried only month and year (HIBC MMYY); `date` is the month's last day. */
  readonly monthOnly?: boolean;
  /** The date exactly as written in the code. */
  readonly raw: string;
}

export interface SymbologyInfo {
  /** The AIM symbology identifier as sent, e.g. `]d2`. */
  readonly identifier: string;
  /** Human-readable name, e.g. "GS1 DataMatrix". */
  readonly name: string;
}

export interface HibcData {
  readonly labelerId?: string;
  readonly productNumber?: string;
  readonly unitOfMeasure?: number;
  /** Which HIBC structure was scanned. */
  readonly structure: 'primary' | 'secondary' | 'concatenated';
  /** For a standalone secondary: the link character, equal to the primary's check character. */
  readonly linkCharacter?: string;
}

export interface ParsedScan {
  /** True when the scan was understood and has no errors (warnings allowed). */
  readonly ok: boolean;
  readonly scheme: ScanScheme;
  /** Present when the scan began with an AIM symbology identifier. */
  readonly symbology?: SymbologyInfo;
  /** GS1 elements in scan order (GS1 element strings, Digital Link, EAN/UPC composite parts). */
  readonly elements: readonly GS1Element[];
  /** GTIN-14 (padded with zeros) from AI (01), or (02)/(03) when (01) is absent, or EAN/UPC, or the NTIN of a PZN. */
  readonly gtin?: string;
  /** Which AI `gtin` came from, for GS1 and Digital Link scans. (02) is the GTIN of the contents of a case. */
  readonly gtinAi?: '01' | '02' | '03';
  readonly sscc?: string;
  readonly batch?: string;
  readonly serial?: string;
  readonly expiry?: NormalisedExpiry;
  /** Count from AI (30) or (37), or the HIBC quantity. */
  readonly quantity?: number;
  /** NATO stock number from AI (7001), 13 digits. */
  readonly nsn?: string;
  /** National healthcare reimbursement number, AI (710)–(717); an IFA PZN is reported as (710). */
  readonly nationalCode?: { readonly ai: string; readonly value: string };
  /** Nordic article number (Vnr, 6 digits) when the GTIN is an NTIN 0704626VVVVVVC. */
  readonly vnr?: string;
  /** IFA Pharmacy Product Number (9N). */
  readonly ppn?: string;
  readonly hibc?: HibcData;
  readonly errors: readonly ScanIssue[];
  readonly warnings: readonly ScanIssue[];
}

export interface ParseScanOptions {
  /** Drives the GS1 century rule for two-digit years. Default: the current date. */
  readonly today?: Date;
}
