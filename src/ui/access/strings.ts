// Words of the access screens (issue 7): setting up a server, enrolling a device, signing in online,
// PINs, the lock, a revoked device. Swedish and English; every refusal says what to do next.
import type { UserRole } from '../../domain/users.ts';
import type { Lang } from '../i18n.ts';

const sv = {
  roles: { counter: 'Räknare', supervisor: 'Arbetsledare', administrator: 'Administratör' } satisfies Record<
    UserRole,
    string
  >,
  back: 'Tillbaka',
  working: 'Ett ögonblick…',
  offline: 'Ingen kontakt med servern. Det här steget behöver nät; försök igen när enheten är ansluten.',
  failed: (reason: string) => `Det gick inte: ${reason}`,
  rateLimited: 'För många försök. Vänta en stund och försök igen.',
  setup: {
    title: 'Sätt upp servern',
    intro:
      'Servern har ingen administratör ännu. Skriv in engångskoden som står i serverns terminal (där npm start körs) och skapa det första administratörskontot.',
    code: 'Engångskod från terminalen',
    codeHint: 'Som ABCD-EFGH-JKLM. Bindestreck och små bokstäver spelar ingen roll.',
    name: 'Ditt namn',
    username: 'Användarnamn',
    usernameHint: 'Små bokstäver, siffror och . _ @ -',
    password: 'Lösenord',
    passwordHint: 'Minst 10 tecken.',
    passwordAgain: 'Lösenordet igen',
    passwordsDiffer: 'Lösenorden är inte lika. Skriv dem igen.',
    create: 'Skapa administratör',
    codeRefused: 'Koden stämmer inte eller har redan använts. Titta i serverns terminal efter den giltiga koden.',
    createdTitle: 'Administratören är skapad',
    created: (name: string) => `Inloggad som ${name}.`,
    useForCounting: 'Använd den här enheten för att räkna',
    deviceLabel: 'Enhetens namn',
    deviceLabelDefault: 'Surfplatta 1',
    loadDemo: 'Ladda även demodata (påhittade produkter och lager) i den tomma servern',
    coordinateOnly: 'Bara samordna från den här webbläsaren',
    demoLoaded: 'Demodata är laddad.',
    demoSkipped: 'Servern har redan data; ingen demodata laddades.',
  },
  welcome: {
    title: 'Välkommen till Lagerkoll',
    intro:
      'Den här enheten är inte registrerad ännu. En arbetsledare skapar en registreringskod (en QR-kod) under Enheter i Lagerkoll.',
    scan: 'Skanna registreringskoden',
    stopScan: 'Stäng kameran',
    notEnrollmentQr: 'Den QR-koden är ingen registreringskod för Lagerkoll.',
    code: 'Registreringskod',
    codeHint: 'Eller skriv koden som står under QR-koden.',
    enroll: 'Registrera enheten',
    codeRefused: 'Koden har redan använts eller gått ut. Be arbetsledaren om en ny.',
    enrolled: (label: string) => `Enheten är registrerad som ”${label}”.`,
    coordinatorTitle: 'Samordnare?',
    coordinatorIntro: 'För översikten och administrationen i en webbläsare som inte används för att räkna.',
    coordinator: 'Logga in som samordnare',
    counterNotHere:
      'Den här inloggningen är för arbetsledare och administratörer. För att räkna: registrera enheten först.',
  },
  picker: {
    title: 'Vem räknar?',
    intro: 'Tryck på ditt namn och skriv din PIN-kod.',
    nobody: 'Ingen har loggat in på den här enheten ännu.',
    firstTime: 'Första gången på den här enheten? Logga in med lösenord',
    firstTimeHint: 'Första inloggningen behöver nät. Sedan räcker PIN-koden, även utan nät.',
    noPin: 'Ingen PIN-kod här — logga in med lösenord',
    device: (label: string) => `Enhet: ${label}`,
  },
  pin: {
    label: (name: string) => `PIN-kod för ${name}`,
    digits: 'Skriv din PIN-kod',
    open: 'Öppna',
    clear: 'Radera en siffra',
    wrong: (left: number) => (left === 1 ? 'Fel PIN-kod. Ett försök kvar.' : `Fel PIN-kod. ${left} försök kvar.`),
    tooMany:
      'För många fel PIN-koder. PIN-koden är borttagen från enheten: anslut till nätet och logga in med ditt lösenord.',
    offlineTooLong: (since: string) =>
      `Du har inte varit inloggad med nät sedan ${since}. Anslut till nätet och logga in med ditt lösenord.`,
    noPin: 'Ingen PIN-kod på den här enheten. Anslut till nätet och logga in med ditt lösenord.',
    revoked:
      'Den här användaren är spärrad av en arbetsledare och kan inte logga in. Räkningar som redan gjorts finns kvar.',
    malformed: 'En PIN-kod har 6 till 10 siffror.',
    checking: 'Kontrollerar…',
  },
  signIn: {
    title: 'Logga in',
    coordinatorTitle: 'Logga in som samordnare',
    username: 'Användarnamn',
    password: 'Lösenord',
    submit: 'Logga in',
    wrong: 'Fel användarnamn eller lösenord.',
    revoked: (reason: string) => `Kontot är spärrat: ${reason}`,
    revokedBy: (by: string | null, why: string | null) =>
      `Kontot är spärrat${by ? ` av ${by}` : ''}${why ? `: ${why}` : ''}. Fråga en arbetsledare.`,
    again: 'Logga in med ditt lösenord för att öppna samordnarvyerna (de behöver nät).',
  },
  choosePin: {
    title: 'Välj en PIN-kod',
    intro:
      'Med PIN-koden loggar du in på den här enheten utan nät och låser upp den när den har låst sig. 6 till 10 siffror.',
    pin: 'Ny PIN-kod',
    again: 'Samma PIN-kod igen',
    save: 'Spara PIN-koden',
    malformed: 'En PIN-kod har 6 till 10 siffror.',
    tooSimple: 'För lätt att gissa (som 123456 eller 000000). Välj en annan.',
    mismatch: 'PIN-koderna är inte lika. Skriv dem igen.',
  },
  lock: {
    title: 'Låst',
    intro: (name: string, minutes: number) =>
      `Enheten låstes efter ${minutes} minuter utan användning. ${name}, skriv din PIN-kod för att fortsätta.`,
    switchUser: 'Byt användare',
  },
  revoked: {
    title: 'Enheten är spärrad',
    intro: 'Servern tar inte längre emot räkningar från den här enheten.',
    reason: 'Serverns besked',
    /** The revocation in words, from the facts the server sent (who, when, why). */
    revokedBy: (when: string | null, by: string | null, why: string | null) =>
      `Enheten spärrades${when ? ` ${when}` : ''}${by ? ` av ${by}` : ''}${why ? `: ${why}` : ''}.`,
    unsent: (n: string) => `${n} räkningar hann inte skickas. De finns kvar på enheten.`,
    noneUnsent: 'Alla räkningar hade nått servern.',
    keep: 'Inget raderas från enheten. Exportera det som inte skickats och lämna filen till din arbetsledare.',
    exportJson: 'Exportera oskickade räkningar (JSON)',
    exportCsv: 'Exportera som CSV (Excel)',
    againTitle: 'Registrera enheten igen',
    againIntro:
      'Med en ny registreringskod från en arbetsledare tas enheten i bruk igen och skickar det den har sparat. Alla loggar då in med lösenord igen.',
  },
};

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => R
    : { [K in keyof T]: Widen<T[K]> };
export type AccessStrings = Widen<typeof sv>;

const en: AccessStrings = {
  roles: { counter: 'Counter', supervisor: 'Supervisor', administrator: 'Administrator' },
  back: 'Back',
  working: 'One moment…',
  offline: 'No contact with the server. This step needs a network; try again when the device is connected.',
  failed: (reason: string) => `That did not work: ${reason}`,
  rateLimited: 'Too many attempts. Wait a while and try again.',
  setup: {
    title: 'Set up the server',
    intro:
      "The server has no administrator yet. Type the one-time code printed in the server's terminal (where npm start runs) and create the first administrator account.",
    code: 'One-time code from the terminal',
    codeHint: 'Like ABCD-EFGH-JKLM. Dashes and lower case do not matter.',
    name: 'Your name',
    username: 'Username',
    usernameHint: 'Lower-case letters, digits and . _ @ -',
    password: 'Password',
    passwordHint: 'At least 10 characters.',
    passwordAgain: 'The password again',
    passwordsDiffer: 'The passwords differ. Type them again.',
    create: 'Create administrator',
    codeRefused: "The code is wrong or has been used. Look in the server's terminal for the valid code.",
    createdTitle: 'The administrator is created',
    created: (name: string) => `Signed in as ${name}.`,
    useForCounting: 'Use this device for counting',
    deviceLabel: 'Name of this device',
    deviceLabelDefault: 'Tablet 1',
    loadDemo: 'Also load demo data (fictitious products and sites) into the empty server',
    coordinateOnly: 'Only coordinate from this browser',
    demoLoaded: 'Demo data loaded.',
    demoSkipped: 'The server already has data; no demo data was loaded.',
  },
  welcome: {
    title: 'Welcome to Lagerkoll',
    intro:
      "This device is not enrolled yet. A supervisor creates an enrollment code (a QR code) under Devices in Lagerkoll's coordinator screens.",
    scan: 'Scan the enrollment code',
    stopScan: 'Stop the camera',
    notEnrollmentQr: 'That QR code is not a Lagerkoll enrollment code.',
    code: 'Enrollment code',
    codeHint: 'Or type the code printed under the QR code.',
    enroll: 'Enroll this device',
    codeRefused: 'The code has been used or has expired. Ask your supervisor for a new one.',
    enrolled: (label: string) => `The device is enrolled as “${label}”.`,
    coordinatorTitle: 'Coordinator?',
    coordinatorIntro: 'For the overview and administration, in a browser that is not used for counting.',
    coordinator: 'Sign in as coordinator',
    counterNotHere: 'This sign-in is for supervisors and administrators. To count, enroll this device first.',
  },
  picker: {
    title: 'Who is counting?',
    intro: 'Tap your name and type your PIN.',
    nobody: 'Nobody has signed in on this device yet.',
    firstTime: 'First time on this device? Sign in with your password',
    firstTimeHint: 'The first sign-in needs a network. After that your PIN is enough, even offline.',
    noPin: 'No PIN here — sign in with your password',
    device: (label: string) => `Device: ${label}`,
  },
  pin: {
    label: (name: string) => `PIN for ${name}`,
    digits: 'Type your PIN',
    open: 'Open',
    clear: 'Delete a digit',
    wrong: (left: number) => (left === 1 ? 'Wrong PIN. One attempt left.' : `Wrong PIN. ${left} attempts left.`),
    tooMany:
      'Too many wrong PINs. The PIN has been removed from this device: connect to a network and sign in with your password.',
    offlineTooLong: (since: string) =>
      `You have not signed in online since ${since}. Connect to a network and sign in with your password.`,
    noPin: 'No PIN on this device. Connect to a network and sign in with your password.',
    revoked: 'A supervisor has revoked this user, who can no longer sign in. Counts already made are kept.',
    malformed: 'A PIN has 6 to 10 digits.',
    checking: 'Checking…',
  },
  signIn: {
    title: 'Sign in',
    coordinatorTitle: 'Sign in as coordinator',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    wrong: 'Wrong username or password.',
    revoked: (reason: string) => `This account is revoked: ${reason}`,
    revokedBy: (by: string | null, why: string | null) =>
      `This account has been revoked${by ? ` by ${by}` : ''}${why ? `: ${why}` : ''}. Ask a supervisor.`,
    again: 'Sign in with your password to open the coordinator screens (they need a network).',
  },
  choosePin: {
    title: 'Choose a PIN',
    intro:
      'With your PIN you sign in on this device without a network, and open it when it has locked itself. 6 to 10 digits.',
    pin: 'New PIN',
    again: 'The same PIN again',
    save: 'Save the PIN',
    malformed: 'A PIN has 6 to 10 digits.',
    tooSimple: 'Too easy to guess (like 123456 or 000000). Choose another.',
    mismatch: 'The two PINs differ. Type them again.',
  },
  lock: {
    title: 'Locked',
    intro: (name: string, minutes: number) =>
      `The device locked itself after ${minutes} minutes without use. ${name}, type your PIN to go on.`,
    switchUser: 'Switch user',
  },
  revoked: {
    title: 'This device has been revoked',
    intro: 'The server no longer accepts counts from this device.',
    reason: "The server's message",
    /** The revocation in words, from the facts the server sent (who, when, why). */
    revokedBy: (when: string | null, by: string | null, why: string | null) =>
      `The device was revoked${when ? ` on ${when}` : ''}${by ? ` by ${by}` : ''}${why ? `: ${why}` : ''}.`,
    unsent: (n: string) => `${n} counts were not sent. They are kept on this device.`,
    noneUnsent: 'Every count had reached the server.',
    keep: 'Nothing is deleted from this device. Export what was not sent and give the file to your supervisor.',
    exportJson: 'Export unsent counts (JSON)',
    exportCsv: 'Export as CSV (Excel)',
    againTitle: 'Enroll this device again',
    againIntro:
      'With a new enrollment code from a supervisor the device is taken into use again and sends what it has kept. Everyone then signs in with their password again.',
  },
};

export const ACCESS_STRINGS: Record<Lang, AccessStrings> = { sv, en };
