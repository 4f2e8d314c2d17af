import type { Lang } from '../i18n.ts';

/** The coordinators' frame: its title, the sections of the navigation, the notices it shows. */
const sv = {
  title: 'Lagerkoll · samordning',
  navLabel: 'Samordning',
  skipToContent: 'Hoppa till innehållet',
  sections: {
    overview: 'Översikt',
    'stock-takes': 'Inventeringar',
    devices: 'Enheter',
    users: 'Användare',
    audit: 'Logg',
    import: 'Import',
    labels: 'Etiketter',
  },
  signedInAs: (name: string, role: string) => `${name} (${role})`,
  roles: { counter: 'räknare', supervisor: 'arbetsledare', administrator: 'administratör' },
  notAllowed: 'Den här sidan kräver en arbetsledare eller administratör. Logga in med ett sådant konto.',
};

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => R
    : { [K in keyof T]: Widen<T[K]> };
export type ShellStrings = Widen<typeof sv>;

const en: ShellStrings = {
  title: 'Lagerkoll · coordination',
  navLabel: 'Coordination',
  skipToContent: 'Skip to content',
  sections: {
    overview: 'Overview',
    'stock-takes': 'Stock-takes',
    devices: 'Devices',
    users: 'Users',
    audit: 'Audit log',
    import: 'Import',
    labels: 'Labels',
  },
  signedInAs: (name: string, role: string) => `${name} (${role})`,
  roles: { counter: 'counter', supervisor: 'supervisor', administrator: 'administrator' },
  notAllowed: 'This page needs a supervisor or an administrator. Sign in with such an account.',
};

export const shellStrings: Record<Lang, ShellStrings> = { sv, en };
