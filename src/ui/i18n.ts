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
  sendNow: 'Skicka nu',
  saveFailed: (reason: string) => `Kunde inte spara: ${reason}. Inget tidigare räknat har gått förlorat.`,
  storageUnavailable:
    'Lagerkoll kan inte spara på den här enheten (lagringen är avstängd eller full). Stäng privat läge eller frigör utrymme och ladda om.',
  language: 'Språk',
};

export type Strings = typeof sv;

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
  sendNow: 'Send now',
  saveFailed: (reason: string) => `Could not save: ${reason}. Nothing counted before is lost.`,
  storageUnavailable:
    'Lagerkoll cannot store data on this device (storage is switched off or full). Leave private mode or free some space, then reload.',
  language: 'Language',
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
