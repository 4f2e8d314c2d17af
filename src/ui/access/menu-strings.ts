// The few access words the first paint needs (the nav's user menu, the coordinator gate); the
// access screens' own words (strings.ts) load with them, after the first paint.
import type { Lang } from '../i18n.ts';

const sv = {
  signedIn: (name: string) => `Inloggad: ${name}`,
  switchUser: 'Byt användare',
  signOut: 'Logga ut',
  overview: 'Översikt',
  needsRole: 'Samordnarvyerna är för arbetsledare och administratörer.',
};

const en: typeof sv = {
  signedIn: (name: string) => `Signed in: ${name}`,
  switchUser: 'Switch user',
  signOut: 'Sign out',
  overview: 'Overview',
  needsRole: 'The coordinator screens are for supervisors and administrators.',
};

export const MENU_STRINGS: Record<Lang, typeof sv> = { sv, en };
