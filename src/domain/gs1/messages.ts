// Every issue code that barcode interpretation can report, with its English and Swedish message. The
// codes are stable: the UI translates by code. Placeholders in braces are filled from ScanIssue.params;
// {field}, {otherField}, {keyField} and {nextField} are the names of the AIs in {ai}, {otherAi}, {keyAi}
// and {nextAi}, in the message's language.
import { getAiEntry } from './ai-table.ts';

export type Language = 'en' | 'sv';

interface MessageText {
  readonly en: string;
  readonly sv: string;
}

export const SCAN_ISSUE_MESSAGES = {
  EMPTY_SCAN: { en: 'The scan is empty.', sv: 'Skanningen är tom.' },
  UNRECOGNISED_FORMAT: {
    en: 'This code is not in a format Lagerkoll can read (GS1, GS1 Digital Link, EAN/UPC, HIBC or IFA PPN).',
    sv: 'Koden har ett format som Lagerkoll inte kan läsa (GS1, GS1 Digital Link, EAN/UPC, HIBC eller IFA PPN).',
  },
  NO_DATA_AFTER_IDENTIFIER: {
    en: 'The scanner sent only the symbology identifier {identifier}, without any data.',
    sv: 'Skannern skickade bara symbologi-identifieraren {identifier}, utan data.',
  },
  UNKNOWN_SYMBOLOGY_IDENTIFIER: {
    en: 'The scanner sent the unknown symbology identifier {identifier}; the data was read without it.',
    sv: 'Skannern skickade den okända symbologi-identifieraren {identifier}; datat lästes utan den.',
  },
  GS1_NOT_MARKED_AS_GS1: {
    en: 'The barcode is not marked as GS1 (no FNC1), but its data reads as GS1 element strings. Ask the supplier to correct the print.',
    sv: 'Streckkoden är inte märkt som GS1 (ingen FNC1), men datat kan läsas som GS1-element. Be leverantören rätta tryckningen.',
  },
  GS1_UNKNOWN_AI: {
    en: 'Unknown AI at character {character}: no GS1 Application Identifier starts with "{text}".',
    sv: 'Okänd AI vid tecken {character}: ingen GS1-applikationsidentifierare börjar med "{text}".',
  },
  GS1_TRUNCATED_AI: {
    en: 'The data ends in the middle of an Application Identifier at character {character}.',
    sv: 'Datat tar slut mitt i en applikationsidentifierare vid tecken {character}.',
  },
  GS1_NO_DATA: { en: 'The GS1 code holds no data.', sv: 'GS1-koden innehåller inga data.' },
  GS1_VALUE_MISSING: { en: '{field} ({ai}) has no value.', sv: '{field} ({ai}) saknar värde.' },
  GS1_VALUE_TOO_SHORT: {
    en: '{field} ({ai}) is too short: {length} characters where at least {min} are needed.',
    sv: '{field} ({ai}) är för kort: {length} tecken där minst {min} krävs.',
  },
  GS1_VALUE_TOO_LONG: {
    en: '{field} ({ai}) is longer than the {max} characters allowed, or the separator (GS) after it is missing.',
    sv: '{field} ({ai}) är längre än tillåtna {max} tecken, eller saknas avskiljaren (GS) efter det.',
  },
  GS1_NOT_NUMERIC: {
    en: '{field} ({ai}) may contain digits only, but has "{char}".',
    sv: '{field} ({ai}) får bara innehålla siffror, men har "{char}".',
  },
  GS1_INVALID_CHARACTER: {
    en: '{field} ({ai}) contains "{char}", a character not allowed there.',
    sv: '{field} ({ai}) innehåller "{char}", ett tecken som inte är tillåtet där.',
  },
  GS1_CHECK_DIGIT: {
    en: 'The check digit of {field} ({ai}) is wrong (it should be {expected}): the code is misprinted or was misread.',
    sv: 'Kontrollsiffran i {field} ({ai}) är fel (ska vara {expected}): koden är feltryckt eller felläst.',
  },
  GS1_CHECK_CHARACTERS: {
    en: 'The check characters of {field} ({ai}) are wrong: the code is misprinted or was misread.',
    sv: 'Kontrolltecknen i {field} ({ai}) är fel: koden är feltryckt eller felläst.',
  },
  GS1_INVALID_MONTH: {
    en: '{field} ({ai}) has month {month}, which does not exist.',
    sv: '{field} ({ai}) har månad {month}, som inte finns.',
  },
  GS1_INVALID_DAY: {
    en: '{field} ({ai}) has day {day}, which that month does not have.',
    sv: '{field} ({ai}) har dag {day}, som den månaden inte har.',
  },
  GS1_INVALID_TIME: {
    en: '{field} ({ai}) has an impossible time of day ({text}).',
    sv: '{field} ({ai}) har en omöjlig tid på dygnet ({text}).',
  },
  GS1_INVALID_COUNTRY: {
    en: '{field} ({ai}): {text} is not a country code.',
    sv: '{field} ({ai}): {text} är inte en landskod.',
  },
  GS1_INVALID_CURRENCY: {
    en: '{field} ({ai}): {text} is not a currency code.',
    sv: '{field} ({ai}): {text} är inte en valutakod.',
  },
  GS1_INVALID_COMPANY_PREFIX: {
    en: '{field} ({ai}) does not start with a GS1 company prefix.',
    sv: '{field} ({ai}) börjar inte med ett GS1-företagsprefix.',
  },
  GS1_INVALID_VALUE: {
    en: '{field} ({ai}) is not valid ({reason}).',
    sv: '{field} ({ai}) är ogiltigt ({reason}).',
  },
  GS1_SEPARATOR_DOUBLED: {
    en: 'Two separators (GS) in a row at character {character}.',
    sv: 'Två avskiljare (GS) i rad vid tecken {character}.',
  },
  GS1_SEPARATOR_POSSIBLY_MISSING: {
    en: '{field} ({ai}) ends in "{text}", which looks like {nextField} ({nextAi}) without a separator (GS) before it. Check the value on the pack and the scanner\'s GS setting.',
    sv: '{field} ({ai}) slutar på "{text}", vilket ser ut som {nextField} ({nextAi}) utan avskiljare (GS) före. Kontrollera värdet på förpackningen och skannerns GS-inställning.',
  },
  GS1_REQUIRED_AI_MISSING: {
    en: '{field} ({ai}) should be accompanied by one of: {required}.',
    sv: '{field} ({ai}) ska åtföljas av någon av: {required}.',
  },
  GS1_AIS_EXCLUSIVE: {
    en: '{field} ({ai}) and {otherField} ({otherAi}) must not appear together.',
    sv: '{field} ({ai}) och {otherField} ({otherAi}) får inte förekomma tillsammans.',
  },
  GS1_AI_REPEATED_DIFFERENTLY: {
    en: '{field} ({ai}) appears more than once with different values.',
    sv: '{field} ({ai}) förekommer flera gånger med olika värden.',
  },
  GS1_DIGSIG_NEEDS_SERIAL: {
    en: 'A digital signature (8030) needs {field} ({ai}) with its serial component.',
    sv: 'En digital signatur (8030) kräver {field} ({ai}) med serienummerdel.',
  },
  GS1_BRACKETED_SYNTAX: {
    en: 'The bracketed form "(AI)value" is broken at character {character}.',
    sv: 'Parentesformen "(AI)värde" är trasig vid tecken {character}.',
  },
  EXPIRY_DAY_ZERO: {
    en: 'The expiry date {raw} is written with day 00 and is read as the last day of the month, {date}. Healthcare labels must print a real day.',
    sv: 'Utgångsdatumet {raw} har dag 00 och läses som månadens sista dag, {date}. Vårdprodukter ska ha en riktig dag.',
  },
  DL_INVALID_URI: {
    en: 'This web address is not a valid GS1 Digital Link ({reason}).',
    sv: 'Webbadressen är ingen giltig GS1 Digital Link ({reason}).',
  },
  DL_MIXED_CASE_SCHEME: {
    en: 'The web address starts with "{text}" in mixed case; GS1 Digital Link allows only all lower case or all upper case.',
    sv: 'Webbadressen börjar med "{text}" i blandade versaler och gemener; GS1 Digital Link tillåter bara det ena.',
  },
  DL_NO_PRIMARY_KEY: {
    en: 'The web address holds no GS1 key (such as /01/ followed by a GTIN).',
    sv: 'Webbadressen innehåller ingen GS1-nyckel (som /01/ följt av ett GTIN).',
  },
  DL_BAD_QUALIFIER: {
    en: '{field} ({ai}) is not allowed after {keyField} ({keyAi}) in the path, or comes in the wrong order.',
    sv: '{field} ({ai}) är inte tillåtet efter {keyField} ({keyAi}) i sökvägen, eller står i fel ordning.',
  },
  DL_QUALIFIER_IN_QUERY: {
    en: '{field} ({ai}) belongs in the path of the web address, not after "?".',
    sv: '{field} ({ai}) hör hemma i webbadressens sökväg, inte efter "?".',
  },
  DL_NOT_A_DATA_ATTRIBUTE: {
    en: '{field} ({ai}) may not be given as a query parameter.',
    sv: '{field} ({ai}) får inte anges som frågeparameter.',
  },
  DL_DUPLICATE_AI: { en: '{field} ({ai}) is given twice.', sv: '{field} ({ai}) anges två gånger.' },
  DL_BAD_PERCENT_ENCODING: {
    en: 'The web address has a broken %-escape at character {character}.',
    sv: 'Webbadressen har en trasig %-kodning vid tecken {character}.',
  },
  DL_ZERO_SUPPRESSED_GTIN: {
    en: 'The GTIN in the web address has {length} digits; it was padded with zeros to 14.',
    sv: 'GTIN i webbadressen har {length} siffror; det fylldes ut med nollor till 14.',
  },
  DL_CONVENIENCE_ALPHA: {
    en: 'The web address uses the outdated name "/{text}/" instead of "/{ai}/".',
    sv: 'Webbadressen använder det föråldrade namnet "/{text}/" i stället för "/{ai}/".',
  },
  EAN_BAD_LENGTH: {
    en: 'A {kind} barcode has {expected} digits; this scan has {length}.',
    sv: 'En {kind}-streckkod har {expected} siffror; den här skanningen har {length}.',
  },
  EAN_NOT_NUMERIC: {
    en: 'A {kind} barcode holds digits only, but this scan has "{char}".',
    sv: 'En {kind}-streckkod innehåller bara siffror, men den här skanningen har "{char}".',
  },
  EAN_CHECK_DIGIT: {
    en: 'The check digit of this {kind} barcode is wrong (it should be {expected}): misprinted or misread.',
    sv: 'Kontrollsiffran i {kind}-streckkoden är fel (ska vara {expected}): feltryckt eller felläst.',
  },
  EAN_AMBIGUOUS: {
    en: 'These 8 digits are valid both as EAN-8 and as UPC-E; they were read as EAN-8.',
    sv: 'De 8 siffrorna är giltiga både som EAN-8 och UPC-E; de lästes som EAN-8.',
  },
  EAN_BAD_COMPOSITE: {
    en: 'The data after the {kind} barcode is not a GS1 composite component.',
    sv: 'Datat efter {kind}-streckkoden är ingen GS1-kompositdel.',
  },
  HIBC_INVALID_CHARACTER: {
    en: 'The HIBC code contains "{char}", which HIBC does not allow.',
    sv: 'HIBC-koden innehåller "{char}", som HIBC inte tillåter.',
  },
  HIBC_CHECK_CHARACTER: {
    en: 'The HIBC check character is wrong (it should be "{expected}"): misprinted or misread.',
    sv: 'HIBC-kontrolltecknet är fel (ska vara "{expected}"): feltryckt eller felläst.',
  },
  HIBC_MALFORMED: {
    en: 'This HIBC code is malformed: {reason}.',
    sv: 'HIBC-koden är felaktigt uppbyggd: {reason}.',
  },
  HIBC_INVALID_DATE: {
    en: 'The HIBC expiry date {raw} is not a valid date.',
    sv: 'HIBC-utgångsdatumet {raw} är inget giltigt datum.',
  },
  HIBC_SECONDARY_ONLY: {
    en: 'This is an HIBC secondary code (batch and expiry only); scan the primary code to identify the product.',
    sv: 'Detta är en sekundär HIBC-kod (bara batch och utgångsdatum); skanna primärkoden för att identifiera produkten.',
  },
  PPN_MALFORMED: {
    en: 'This IFA code is malformed: {reason}.',
    sv: 'IFA-koden är felaktigt uppbyggd: {reason}.',
  },
  PPN_CHECK_DIGITS: {
    en: 'The check digits of the PPN are wrong (they should be {expected}): misprinted or misread.',
    sv: 'Kontrollsiffrorna i PPN är fel (ska vara {expected}): feltryckt eller felläst.',
  },
  PZN_CHECK_DIGIT: {
    en: 'The check digit of the PZN {text} is wrong.',
    sv: 'Kontrollsiffran i PZN {text} är fel.',
  },
  PPN_INVALID_VALUE: {
    en: 'The {field} in the IFA code is not valid ({reason}).',
    sv: '{field} i IFA-koden är ogiltigt ({reason}).',
  },
  PPN_UNKNOWN_DATA_IDENTIFIER: {
    en: 'The IFA code contains the unknown data identifier "{text}", which was ignored.',
    sv: 'IFA-koden innehåller den okända dataidentifieraren "{text}", som ignorerades.',
  },
  PPN_NO_PRODUCT: {
    en: 'The IFA code has no product number (9N or 8P).',
    sv: 'IFA-koden saknar produktnummer (9N eller 8P).',
  },
} as const satisfies Record<string, MessageText>;

export type ScanIssueCode = keyof typeof SCAN_ISSUE_MESSAGES;

export const SCAN_ISSUE_CODES = Object.keys(SCAN_ISSUE_MESSAGES) as ScanIssueCode[];

/** Plain names for the AIs people meet on medical stock; other AIs use the dictionary title. */
const FIELD_NAMES: Readonly<Record<string, MessageText>> = {
  '00': { en: 'SSCC', sv: 'SSCC' },
  '01': { en: 'GTIN', sv: 'GTIN' },
  '02': { en: 'GTIN of contents', sv: 'innehållets GTIN' },
  '10': { en: 'Batch number', sv: 'Batchnummer' },
  '11': { en: 'Production date', sv: 'Tillverkningsdatum' },
  '15': { en: 'Best-before date', sv: 'Bäst före-datum' },
  '17': { en: 'Expiry date', sv: 'Utgångsdatum' },
  '21': { en: 'Serial number', sv: 'Serienummer' },
  '30': { en: 'Count', sv: 'Antal' },
  '37': { en: 'Count of trade items', sv: 'Antal artiklar' },
  '7001': { en: 'NATO stock number', sv: 'NATO-förrådsnummer' },
};

export function fieldName(ai: string, language: Language): string {
  const known = FIELD_NAMES[ai];
  if (known) return known[language];
  if (ai >= '710' && ai <= '717' && ai.length === 3)
    return language === 'sv' ? 'Nationellt produktnummer' : 'National product number';
  return getAiEntry(ai)?.title ?? (language === 'sv' ? `AI (${ai})` : `AI (${ai})`);
}

const FIELD_PLACEHOLDERS: Readonly<Record<string, string>> = {
  field: 'ai',
  otherField: 'otherAi',
  keyField: 'keyAi',
  nextField: 'nextAi',
};

/** Fills a message template for `language`. Unknown placeholders are left as they are. */
export function formatScanIssue(
  code: ScanIssueCode,
  params: Readonly<Record<string, string>>,
  language: Language = 'en',
): string {
  const template: string = SCAN_ISSUE_MESSAGES[code][language];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const aiParam = FIELD_PLACEHOLDERS[name];
    if (aiParam !== undefined) {
      const ai = params[aiParam];
      if (ai === undefined) return params[name] ?? whole;
      // A field name opening the message keeps its capital; inside a sentence it is lower case unless
      // it is an acronym such as GTIN or SSCC.
      const text = fieldName(ai, language);
      const atStart = template.startsWith(whole);
      return atStart || /^[A-Z0-9]{2,}/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
    }
    return params[name] ?? whole;
  });
}
