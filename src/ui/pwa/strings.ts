import type { Lang } from '../i18n.ts';
import type { InstallPlatform } from './install-platform.ts';

const sv = {
  update: {
    title: 'En ny version är klar',
    body: 'Det tar några sekunder. Allt du har räknat finns kvar.',
    now: 'Uppdatera nu',
    later: 'Senare',
    applying: 'Uppdaterar…',
  },
  install: {
    title: 'Installera Lagerkoll',
    settingsTitle: 'Installation',
    why:
      'Installerad startar Lagerkoll från hemskärmen, även utan nät, och räkningarna får ligga kvar: Safari ' +
      'raderar data från webbplatser som inte är installerade efter sju dagar utan besök.',
    installButton: 'Installera',
    notNow: 'Inte nu',
    done: 'Klar',
    installed: 'Lagerkoll är installerad på den här enheten.',
    howTo: 'Så här gör du',
    otherDevices: 'Andra enheter',
    platform: {
      ios: 'iPhone och iPad',
      android: 'Android',
      desktop: 'Dator',
    } satisfies Record<InstallPlatform, string>,
    steps: {
      ios: [
        'Öppna sidan i Safari och tryck på Dela (rutan med en pil uppåt).',
        'Välj ”Lägg till på hemskärmen”.',
        'Tryck ”Lägg till” och öppna sedan Lagerkoll från hemskärmen.',
      ],
      android: [
        'Tryck på webbläsarens meny ⋮ uppe till höger.',
        'Välj ”Installera app” (eller ”Lägg till på startskärmen”).',
        'Öppna sedan Lagerkoll från startskärmen.',
      ],
      desktop: [
        'Chrome eller Edge: klicka på installationsikonen till höger i adressfältet, eller välj ”Installera Lagerkoll” i menyn.',
        'Safari på Mac: välj Arkiv → Lägg till i Dock.',
      ],
    } satisfies Record<InstallPlatform, string[]>,
  },
  storage: {
    title: 'Lagring på enheten',
    persisted: 'Skyddad: webbläsaren tar inte bort räkningarna för att frigöra utrymme.',
    notPersisted:
      'Inte skyddad: webbläsaren kan ta bort data när utrymmet blir knappt. Installera appen, så brukar lagringen bli skyddad.',
    unsupported: 'Webbläsaren kan inte skydda lagringen. Skicka in räkningarna när du har nät.',
    used: 'Använt',
    available: 'Ledigt',
    unknown: 'okänt',
    request: 'Be om skyddad lagring',
    checking: 'Kontrollerar…',
  },
  version: {
    label: 'Version',
    updateReady: 'En ny version är klar.',
  },
};

export type PwaStrings = typeof sv;

const en: PwaStrings = {
  update: {
    title: 'A new version is ready',
    body: 'It takes a few seconds. Everything you have counted stays.',
    now: 'Update now',
    later: 'Later',
    applying: 'Updating…',
  },
  install: {
    title: 'Install Lagerkoll',
    settingsTitle: 'Installation',
    why:
      'Installed, Lagerkoll starts from the home screen, even with no network, and your counts are kept: ' +
      'Safari deletes the data of websites that are not installed after seven days without a visit.',
    installButton: 'Install',
    notNow: 'Not now',
    done: 'Done',
    installed: 'Lagerkoll is installed on this device.',
    howTo: 'How to',
    otherDevices: 'Other devices',
    platform: {
      ios: 'iPhone and iPad',
      android: 'Android',
      desktop: 'Computer',
    },
    steps: {
      ios: [
        'Open the page in Safari and tap Share (the square with an arrow pointing up).',
        'Choose “Add to Home Screen”.',
        'Tap “Add”, then open Lagerkoll from the home screen.',
      ],
      android: [
        'Tap the browser’s menu ⋮ at the top right.',
        'Choose “Install app” (or “Add to Home screen”).',
        'Then open Lagerkoll from the home screen.',
      ],
      desktop: [
        'Chrome or Edge: click the install icon at the right of the address bar, or choose “Install Lagerkoll” in the menu.',
        'Safari on a Mac: choose File → Add to Dock.',
      ],
    },
  },
  storage: {
    title: 'Storage on this device',
    persisted: 'Protected: the browser will not delete the counts to free up space.',
    notPersisted:
      'Not protected: the browser may delete data when space runs low. Install the app; that usually protects it.',
    unsupported: 'This browser cannot protect its storage. Send the counts when you have a network.',
    used: 'Used',
    available: 'Available',
    unknown: 'unknown',
    request: 'Ask for protected storage',
    checking: 'Checking…',
  },
  version: {
    label: 'Version',
    updateReady: 'A new version is ready.',
  },
};

export const pwaStrings: Record<Lang, PwaStrings> = { sv, en };
