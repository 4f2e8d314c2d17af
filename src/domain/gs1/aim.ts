// AIM symbology identifiers (ISO/IEC 15424): "]" + symbology letter + modifier, sent by decoders in front
// of the data. The modifier tells, among other things, whether the symbol is in GS1 mode (FNC1 first).

/** How the data after the identifier is to be read. */
export type DataMode =
  | 'gs1' // GS1 element string (FNC1 in first position)
  | 'plain' // plain data: Digital Link, HIBC, IFA/ISO 15434, or other text
  | 'ean13' // 13 digits (EAN-13, or UPC-A/UPC-E sent as EAN-13), optional composite
  | 'ean8' // 8 digits, optional composite
  | 'auto'; // mode not told by the identifier: decide from the data

export interface SymbologyIdentifier {
  readonly identifier: string;
  readonly name: string;
  readonly mode: DataMode;
  /** Known to the GS1 syntax engine's scan-data processor (the conformance vectors). */
  readonly engine: boolean;
  /** False for an identifier not in the table below: its data is read by content. */
  readonly recognised: boolean;
}

const KNOWN: Readonly<Record<string, Omit<SymbologyIdentifier, 'identifier' | 'recognised'>>> = {
  ']C0': { name: 'Code 128', mode: 'plain', engine: false },
  ']C1': { name: 'GS1-128', mode: 'gs1', engine: true },
  ']C2': { name: 'Code 128 (AIM)', mode: 'plain', engine: false },
  ']C4': { name: 'Code 128', mode: 'plain', engine: false },
  ']e0': { name: 'GS1 DataBar', mode: 'gs1', engine: true },
  ']E0': { name: 'EAN-13 / UPC', mode: 'ean13', engine: true },
  ']E4': { name: 'EAN-8', mode: 'ean8', engine: true },
  ']d1': { name: 'Data Matrix', mode: 'plain', engine: true },
  ']d2': { name: 'GS1 DataMatrix', mode: 'gs1', engine: true },
  ']d4': { name: 'Data Matrix (ECI)', mode: 'plain', engine: false },
  ']d5': { name: 'GS1 DataMatrix (ECI)', mode: 'gs1', engine: false },
  // zxing-wasm reports rectangular GS1 DataMatrix (DMRE) as ]d8: trust the content, not the modifier.
  ']d8': { name: 'Data Matrix (rectangular)', mode: 'auto', engine: false },
  ']Q0': { name: 'QR Code (model 1)', mode: 'plain', engine: false },
  ']Q1': { name: 'QR Code', mode: 'plain', engine: true },
  ']Q2': { name: 'QR Code (ECI)', mode: 'plain', engine: false },
  ']Q3': { name: 'GS1 QR Code', mode: 'gs1', engine: true },
  ']Q4': { name: 'GS1 QR Code (ECI)', mode: 'gs1', engine: false },
  ']J0': { name: 'DotCode', mode: 'plain', engine: true },
  ']J1': { name: 'GS1 DotCode', mode: 'gs1', engine: true },
  ']z0': { name: 'Aztec Code', mode: 'plain', engine: false },
  ']z1': { name: 'GS1 Aztec Code', mode: 'gs1', engine: false },
  ']A0': { name: 'Code 39', mode: 'plain', engine: false },
  ']I0': { name: 'ITF', mode: 'plain', engine: false },
  ']I1': { name: 'ITF', mode: 'plain', engine: false },
};

const KNOWN_IDENTIFIERS = new Map<string, SymbologyIdentifier>(
  Object.entries(KNOWN).map(([identifier, info]) => [identifier, { identifier, ...info, recognised: true }]),
);

/**
 * The identifier at the start of `s`, if there is one: ']' + a letter + a digit or letter. An
 * unrecognised identifier is returned with mode 'auto'.
 */
export function readSymbologyIdentifier(s: string): SymbologyIdentifier | undefined {
  if (s.length < 3 || s.charCodeAt(0) !== 93 /* ] */) return undefined;
  const letter = s.charCodeAt(1);
  const modifier = s.charCodeAt(2);
  const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (!isLetter(letter) || !(isLetter(modifier) || (modifier >= 48 && modifier <= 57))) return undefined;
  const identifier = s.slice(0, 3);
  return (
    KNOWN_IDENTIFIERS.get(identifier) ?? {
      identifier,
      name: `unknown symbology ${identifier}`,
      mode: 'auto',
      engine: false,
      recognised: false,
    }
  );
}
