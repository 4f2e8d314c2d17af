import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type Lang = 'sv' | 'en';

const sv = {
  appName: 'Lagerkoll',
  scanLabel: 'Streckkod',
  scanHint: 'Skanna, eller skriv koden och tryck Enter',
  quantityLabel: 'Antal',
  decrease: 'Minska antal',
  increase: 'Öka antal',
  save: 'Spara',
  saved: 'Sparad',
  emptyScan: 'Skanna eller skriv en kod först.',
  counted: 'Räknat på den här enheten',
  nothingYet: 'Inget räknat ännu. Skanna en förpackning för att börja.',
  noGtin: 'ingen GTIN',
  statePending: 'Väntar på att skickas',
  stateSent: 'Skickad',
  stateRejected: 'Avvisad',
  statusSyncing: 'Skickar…',
  statusAllSent: (time: string) => `Allt skickat · senast ${time}`,
  statusNeverContacted: 'Ännu ingen kontakt med servern',
  statusWaiting: (n: string) => `${n} väntar på att skickas`,
  statusOffline: 'Offline',
  statusError: 'Servern tackade nej',
  statusStorageFull: 'Lagringen är full',
  statusStorageFullHelp:
    'Enhetens lagring är full. Det som redan räknats finns kvar och skickas, men nya räkningar kan inte sparas. Frigör utrymme (ta bort bilder, filer eller appar).',
  statusNotEnrolled: 'Enheten är inte registrerad · räkningarna stannar här',
  statusRevoked: 'Enheten är spärrad · inget skickas',
  sendNow: 'Skicka nu',
  screenLoadFailed: 'Den här skärmen kunde inte laddas. Inget räknat har gått förlorat; försöker igen…',
  reload: 'Ladda om',
  statusUpdateRequired: 'Uppdatera appen: servern tar inte längre emot den här versionen. Inget räknat går förlorat.',
  statusWaitingDay: (since: string) =>
    `Räkningar har väntat på att skickas sedan ${since} — anslut enheten till nätet.`,
  statusWaitingThreeDays: (since: string) =>
    `Räkningar har väntat i mer än tre dygn (sedan ${since}). Anslut enheten till nätet snarast eller exportera dem.`,
  statusRejected: (n: string) => `${n} räkningar avvisades av servern — se listan.`,
  statusClockSkewed: 'Enhetens klocka går fel; tiderna på räkningarna flaggas. Ställ klockan.',
  /** A scan that could not be stored: it was not counted, and what to do about it. */
  notCounted: {
    storageFull:
      'Inte räknad: enhetens lagring är full. Allt som räknats tidigare finns kvar. Frigör utrymme (ta bort bilder, filer eller appar) och skanna igen.',
    other: (reason: string) =>
      `Inte räknad: kunde inte spara (${reason}). Allt som räknats tidigare finns kvar. Skanna igen.`,
  },
  /** A new quantity or an undo that could not be stored: the count stands as it was. */
  notChanged: {
    storageFull:
      'Ändringen sparades inte: enhetens lagring är full. Räkningen står kvar som förut. Frigör utrymme och försök igen.',
    other: (reason: string) => `Ändringen sparades inte (${reason}). Räkningen står kvar som förut. Försök igen.`,
  },
  storageUnavailable:
    'Lagerkoll kan inte spara på den här enheten (lagringen är avstängd eller full). Stäng privat läge eller frigör utrymme och ladda om.',
  language: 'Språk',
  nav: { start: 'Start', settings: 'Inställningar', back: 'Tillbaka' },
  start: {
    title: 'Inventeringar',
    none: 'Inga inventeringar på den här enheten ännu.',
    noneHint: 'En arbetsledare skapar inventeringar på servern; de kommer hit när enheten har kontakt.',
    demo: 'Ladda demodata (påhittade produkter och lager)',
    demoLoading: 'Laddar demodata…',
    demoFailed: (reason: string) => `Kunde inte ladda demodata: ${reason}`,
    demoNeedsAdmin: 'En administratör kan ladda demodata i en tom server.',
    quickCount: 'Snabbräkning utan inventering',
    progress: (done: string, total: string) => `${done} av ${total} lagerplatser räknade`,
    packs: (n: string) => `${n} förp.`,
    mode: { blind: 'Blindinventering', guided: 'Styrd inventering' },
    status: { open: 'Pågår', submitted: 'Inskickad', approved: 'Godkänd' },
    lastContact: (time: string) => `Senaste kontakt med servern: ${time}`,
    neverContacted: 'Ingen kontakt med servern ännu',
    showOthers: (n: string) => `Visa ${n} till som är tilldelade andra`,
    noneMine: 'Ingen inventering är tilldelad dig eller den här enheten.',
    hideOthers: 'Visa bara mina inventeringar',
  },
  locations: {
    title: 'Välj lagerplats',
    scanLabel: 'Skanna lagerplatsens etikett, eller välj nedan',
    counted: (n: string) => `${n} räknade`,
    notCounted: 'Inte räknad',
    review: 'Granska inventeringen',
    unknownLabel: (code: string) => `${code} är ingen lagerplats i den här inventeringen.`,
    recountRequested: (reason: string) => `Räkna om: ${reason}`,
  },
  count: {
    scanHere: 'Skanna eller skriv kod',
    cameraOn: 'Starta kameran',
    cameraOff: 'Stäng kameran',
    manual: 'Skriv in för hand',
    manualGtin: 'GTIN',
    manualBatch: 'Batchnummer',
    manualExpiry: 'Utgångsdatum',
    manualSave: 'Räkna',
    unknownProduct: 'Okänd produkt',
    unknownHint: 'Räknas ändå — kopplas till en produkt senare.',
    batch: 'Batch',
    expiry: 'Utgång',
    serial: 'Serienr',
    expired: (date: string) => `Utgången ${date}`,
    near: (date: string) => `Går ut ${date}`,
    expiryOk: (date: string) => `Utgång ${date}`,
    dayZero: 'dag 00 = sista i månaden',
    counted: 'Räknad',
    caseOf: (packs: string, name: string) => `Kartong med ${packs} × ${name}`,
    already: (where: string, time: string) => `Redan räknad — ${where}, ${time}. Inget lades till.`,
    unreadable: 'Koden kan inte användas',
    noProductCode: 'Koden innehåller ingen produktkod (GTIN).',
    caseWithoutContents:
      'Kolli-etikett (SSCC) utan innehåll: skanna förpackningarna eller en etikett med (02) och (37).',
    locationSwitched: (name: string) => `Lagerplats: ${name}`,
    quantity: 'Antal',
    setQuantity: 'Ändra antal',
    quantityFor: (name: string) => `Antal för ${name}`,
    apply: 'OK',
    undo: 'Ångra senaste',
    undone: 'Senaste räkningen ångrades.',
    nothingToUndo: 'Inget att ångra här.',
    listTitle: 'Räknat här',
    empty: 'Inget räknat på den här platsen ännu.',
    done: 'Klar med platsen',
    waitingNote: 'Sparat på enheten',
  },
  summary: {
    title: (name: string) => `Sammanfattning: ${name}`,
    products: (n: string) => `${n} produkter`,
    total: (n: string) => `${n} förpackningar totalt`,
    next: 'Nästa lagerplats',
    again: 'Fortsätt räkna här',
  },
  review: {
    title: 'Granskning',
    total: 'Totalt',
    product: 'Produkt',
    counted: 'Räknat',
    expected: 'Förväntat',
    variance: 'Avvikelse',
    expiredTitle: 'Utgångna förpackningar (till karantän)',
    nearTitle: (days: string) => `Går ut inom ${days} dagar`,
    noBatch: 'utan batch',
    noExpiry: 'utan utgångsdatum',
    recount: 'Räkna om',
    recountPrompt: 'Nytt antal för raden',
    exportCsv: 'Exportera CSV',
    exportJson: 'Exportera JSON',
    print: 'Skriv ut räknelista',
    empty: 'Inget räknat ännu.',
    where: 'Var',
    submit: 'Klar – skicka till arbetsledaren',
    submitting: 'Skickar…',
    submitted: 'Inventeringen är markerad som klar. En arbetsledare granskar och godkänner den.',
    submitUnsent: (n: string) => `${n} räkningar har inte nått servern än. Anslut till nätet och försök igen.`,
    submitFailed: (reason: string) => `Kunde inte markera som klar: ${reason}`,
  },
  settings: {
    title: 'Inställningar',
    sounds: 'Ljud och vibration vid skanning',
    nearDays: 'Varna för utgång inom (dagar)',
    gsSubstitute: 'Skannerns ersättningstecken för GS',
    gsHint: 'Om handskannern inte kan skicka GS (0x1D): tecknet den skickar i stället, t.ex. ~',
    device: 'Enhet',
    deviceId: 'Enhets-id',
    pending: 'Väntar på att skickas',
    saved: 'Sparat',
    notSaved: {
      storageFull: 'Inställningen sparades inte: enhetens lagring är full. Frigör utrymme och försök igen.',
      other: (reason: string) => `Inställningen sparades inte (${reason}). Försök igen.`,
    },
  },
};

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => R
    : { [K in keyof T]: Widen<T[K]> };
export type Strings = Widen<typeof sv>;

const en: Strings = {
  appName: 'Lagerkoll',
  scanLabel: 'Barcode',
  scanHint: 'Scan, or type the code and press Enter',
  quantityLabel: 'Quantity',
  decrease: 'Decrease quantity',
  increase: 'Increase quantity',
  save: 'Save',
  saved: 'Saved',
  emptyScan: 'Scan or type a code first.',
  counted: 'Counted on this device',
  nothingYet: 'Nothing counted yet. Scan a pack to start.',
  noGtin: 'no GTIN',
  statePending: 'Waiting to be sent',
  stateSent: 'Sent',
  stateRejected: 'Rejected',
  statusSyncing: 'Sending…',
  statusAllSent: (time: string) => `All sent · last ${time}`,
  statusNeverContacted: 'No contact with the server yet',
  statusWaiting: (n: string) => `${n} waiting to be sent`,
  statusOffline: 'Offline',
  statusError: 'The server refused',
  statusStorageFull: 'Storage full',
  statusStorageFullHelp:
    'The storage on this device is full. What is counted is kept and will be sent, but new counts cannot be saved. Free up space (delete photos, files or apps).',
  statusNotEnrolled: 'Device not enrolled · counts stay here',
  statusRevoked: 'Device revoked · nothing is sent',
  sendNow: 'Send now',
  screenLoadFailed: 'This screen could not be loaded. Nothing counted is lost; trying again…',
  reload: 'Reload',
  statusUpdateRequired: 'Update the app: the server no longer accepts this version. Nothing counted is lost.',
  statusWaitingDay: (since: string) =>
    `Counts have been waiting to be sent since ${since} — connect the device to a network.`,
  statusWaitingThreeDays: (since: string) =>
    `Counts have waited more than three days (since ${since}). Connect the device as soon as you can, or export them.`,
  statusRejected: (n: string) => `${n} counts were refused by the server — see the list.`,
  statusClockSkewed: "The device's clock is wrong; the times of its counts are flagged. Set the clock.",
  notCounted: {
    storageFull:
      'Not counted: the storage on this device is full. Everything counted before is kept. Free up space (delete photos, files or apps), then scan again.',
    other: (reason: string) =>
      `Not counted: it could not be saved (${reason}). Everything counted before is kept. Scan again.`,
  },
  notChanged: {
    storageFull:
      'The change was not saved: the storage on this device is full. The count stands as it was. Free up space, then try again.',
    other: (reason: string) => `The change was not saved (${reason}). The count stands as it was. Try again.`,
  },
  storageUnavailable:
    'Lagerkoll cannot store data on this device (storage is switched off or full). Leave private mode or free some space, then reload.',
  language: 'Language',
  nav: { start: 'Start', settings: 'Settings', back: 'Back' },
  start: {
    title: 'Stock-takes',
    none: 'No stock-takes on this device yet.',
    noneHint: 'A supervisor creates stock-takes on the server; they arrive here when the device has a connection.',
    demo: 'Load demo data (fictitious products and sites)',
    demoLoading: 'Loading demo data…',
    demoFailed: (reason: string) => `Could not load demo data: ${reason}`,
    demoNeedsAdmin: 'An administrator can load demo data into an empty server.',
    quickCount: 'Quick count without a stock-take',
    progress: (done: string, total: string) => `${done} of ${total} locations counted`,
    packs: (n: string) => `${n} packs`,
    mode: { blind: 'Blind count', guided: 'Guided count' },
    status: { open: 'Open', submitted: 'Submitted', approved: 'Approved' },
    lastContact: (time: string) => `Last contact with the server: ${time}`,
    neverContacted: 'No contact with the server yet',
    showOthers: (n: string) => `Show ${n} more, assigned to others`,
    noneMine: 'No stock-take is assigned to you or to this device.',
    hideOthers: 'Show only my stock-takes',
  },
  locations: {
    title: 'Choose a location',
    scanLabel: "Scan the location's label, or choose below",
    counted: (n: string) => `${n} counted`,
    notCounted: 'Not counted',
    review: 'Review the stock-take',
    unknownLabel: (code: string) => `${code} is not a location in this stock-take.`,
    recountRequested: (reason: string) => `Count again: ${reason}`,
  },
  count: {
    scanHere: 'Scan or type a code',
    cameraOn: 'Start the camera',
    cameraOff: 'Stop the camera',
    manual: 'Type it in',
    manualGtin: 'GTIN',
    manualBatch: 'Batch',
    manualExpiry: 'Expiry date',
    manualSave: 'Count',
    unknownProduct: 'Unknown product',
    unknownHint: 'Counted anyway — link it to a product later.',
    batch: 'Batch',
    expiry: 'Expiry',
    serial: 'Serial',
    expired: (date: string) => `Expired ${date}`,
    near: (date: string) => `Expires ${date}`,
    expiryOk: (date: string) => `Expiry ${date}`,
    dayZero: 'day 00 = end of month',
    counted: 'Counted',
    caseOf: (packs: string, name: string) => `Case of ${packs} × ${name}`,
    already: (where: string, time: string) => `Already counted — ${where}, ${time}. Nothing was added.`,
    unreadable: 'This code cannot be used',
    noProductCode: 'The code holds no product code (GTIN).',
    caseWithoutContents: 'A case label (SSCC) without contents: scan the packs, or a label with (02) and (37).',
    locationSwitched: (name: string) => `Location: ${name}`,
    quantity: 'Quantity',
    setQuantity: 'Change quantity',
    quantityFor: (name: string) => `Quantity for ${name}`,
    apply: 'OK',
    undo: 'Undo last',
    undone: 'The last count was undone.',
    nothingToUndo: 'Nothing to undo here.',
    listTitle: 'Counted here',
    empty: 'Nothing counted at this location yet.',
    done: 'Done with this location',
    waitingNote: 'Saved on this device',
  },
  summary: {
    title: (name: string) => `Summary: ${name}`,
    products: (n: string) => `${n} products`,
    total: (n: string) => `${n} packs in all`,
    next: 'Next location',
    again: 'Keep counting here',
  },
  review: {
    title: 'Review',
    total: 'Total',
    product: 'Product',
    counted: 'Counted',
    expected: 'Expected',
    variance: 'Variance',
    expiredTitle: 'Expired packs (to quarantine)',
    nearTitle: (days: string) => `Expiring within ${days} days`,
    noBatch: 'no batch',
    noExpiry: 'no expiry date',
    recount: 'Recount',
    recountPrompt: 'New quantity for the line',
    exportCsv: 'Export CSV',
    exportJson: 'Export JSON',
    print: 'Print count sheet',
    empty: 'Nothing counted yet.',
    where: 'Where',
    submit: 'Done – send to the supervisor',
    submitting: 'Sending…',
    submitted: 'The stock-take is marked as done. A supervisor reviews and approves it.',
    submitUnsent: (n: string) => `${n} counts have not reached the server yet. Connect to a network and try again.`,
    submitFailed: (reason: string) => `Could not mark it as done: ${reason}`,
  },
  settings: {
    title: 'Settings',
    sounds: 'Sound and vibration on scan',
    nearDays: 'Warn of expiry within (days)',
    gsSubstitute: "Scanner's substitute for GS",
    gsHint: 'If the hand scanner cannot send GS (0x1D): the character it sends instead, e.g. ~',
    device: 'Device',
    deviceId: 'Device id',
    pending: 'Waiting to be sent',
    saved: 'Saved',
    notSaved: {
      storageFull: 'The setting was not saved: the storage on this device is full. Free up space, then try again.',
      other: (reason: string) => `The setting was not saved (${reason}). Try again.`,
    },
  },
};

export const strings: Record<Lang, Strings> = { sv, en };

/** Swedish when the browser prefers it (or any Nordic language), else English. */
export function detectLang(languages: readonly string[] = navigator.languages ?? [navigator.language]): Lang {
  const first = languages.find((l) => /^(sv|en|nb|no|nn|da|fi)\b/i.test(l)) ?? languages[0] ?? 'sv';
  return /^en\b/i.test(first) ? 'en' : /^(sv|nb|no|nn|da|fi)\b/i.test(first) ? 'sv' : 'en';
}

export const LangContext = createContext<Lang>('sv');

export function useStrings(): Strings {
  return strings[useContext(LangContext)];
}

export function useLang(): Lang {
  return useContext(LangContext);
}

/** Numbers the way the reader writes them: `1 234` in Swedish, `1,234` in English. */
export function formatNumber(lang: Lang, n: number): string {
  return new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB').format(n);
}

/** 24-hour time, as both Swedish and English users here expect. */
export function formatTime(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

/** A calendar date as Swedes and this app write it: ISO (2029-06-30), in both languages. */
export function formatDate(iso: string): string {
  return iso.slice(0, 10);
}

/** Date and 24-hour time (2026-11-22 14:32) in the device's time zone. */
export function formatDateTime(lang: Lang, iso: string): string {
  const d = new Date(iso);
  const date = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return `${date} ${formatTime(lang, iso)}`;
}
