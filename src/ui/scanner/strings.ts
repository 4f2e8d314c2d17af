// Words of the camera scanner, Swedish and English. Every problem says what happened and what to do
// next, and always offers the hand scanner or typing meanwhile.

export type Lang = 'sv' | 'en';

export interface ScannerStrings {
  starting: string;
  aimHint: string;
  tapToFocus: string;
  torchOn: string;
  torchOff: string;
  switchCamera: (current: number, total: number) => string;
  tryAgain: string;
  meanwhile: string;
  permissionDeniedTitle: string;
  permissionDeniedBody: string;
  permissionSteps: { android: string[]; ios: string[]; desktop: string[] };
  otherDevices: string;
  platformNames: Record<'android' | 'ios' | 'desktop', string>;
  noCameraTitle: string;
  noCameraBody: string;
  cameraBusyTitle: string;
  cameraBusyBody: string;
  unsupportedTitle: string;
  unsupportedBody: string;
  decoderFailedTitle: string;
  decoderFailedBody: string;
  failedTitle: string;
  failedBody: string;
  technicalDetail: string;
  videoLabel: string;
}

export const SCANNER_STRINGS: Readonly<Record<Lang, ScannerStrings>> = {
  sv: {
    starting: 'Startar kameran …',
    aimHint: 'Håll koden inom rutan',
    tapToFocus: 'Tryck på bilden för att fokusera',
    torchOn: 'Tänd lampan',
    torchOff: 'Släck lampan',
    switchCamera: (current, total) => `Byt kamera (${current} av ${total})`,
    tryAgain: 'Försök igen',
    meanwhile: 'Under tiden kan du skanna med handskannern eller skriva in GTIN, batch och utgångsdatum för hand.',
    permissionDeniedTitle: 'Appen får inte använda kameran',
    permissionDeniedBody: 'Kameran är blockerad för den här sidan. Så här tillåter du den:',
    permissionSteps: {
      android: [
        'Tryck på ikonen till vänster om adressen (hänglåset eller reglagen) i Chrome.',
        'Välj Behörigheter → Kamera → Tillåt.',
        'Kom tillbaka hit och tryck på Försök igen.',
      ],
      ios: [
        'Öppna Inställningar → Safari → Kamera och välj Fråga eller Tillåt.',
        'Eller tryck på aA i Safaris adressfält → Webbplatsinställningar → Kamera → Tillåt.',
        'Har du lagt appen på hemskärmen: Inställningar → Lagerkoll → Kamera.',
        'Kom tillbaka hit och tryck på Försök igen.',
      ],
      desktop: [
        'Klicka på ikonen till vänster om adressen (hänglåset eller kameran) i webbläsaren.',
        'Tillåt kameran för den här webbplatsen.',
        'Är kameran avstängd i datorns inställningar (Sekretess → Kamera), slå på den där.',
        'Tryck sedan på Försök igen.',
      ],
    },
    otherDevices: 'Andra enheter',
    platformNames: { android: 'Android (Chrome)', ios: 'iPhone och iPad (Safari)', desktop: 'Dator' },
    noCameraTitle: 'Ingen kamera hittades',
    noCameraBody: 'Enheten verkar inte ha någon kamera som appen kan använda, eller så är den frånkopplad.',
    cameraBusyTitle: 'Kameran används av något annat',
    cameraBusyBody: 'Stäng andra appar eller flikar som använder kameran (till exempel ett videomöte) och försök igen.',
    unsupportedTitle: 'Kameran går inte att använda här',
    unsupportedBody:
      'Den här webbläsaren ger inte appen tillgång till kameran. Prova Chrome eller Safari, och se till att adressen börjar med https.',
    decoderFailedTitle: 'Skanningen kunde inte starta',
    decoderFailedBody:
      'Streckkodsläsaren gick inte att ladda. Ladda om appen när du har nät, så sparas den för att fungera utan nät.',
    failedTitle: 'Kameran kunde inte starta',
    failedBody: 'Något gick fel när kameran skulle startas.',
    technicalDetail: 'Teknisk information',
    videoLabel: 'Kamerabild för att skanna streckkoder',
  },
  en: {
    starting: 'Starting the camera …',
    aimHint: 'Hold the code inside the square',
    tapToFocus: 'Tap the picture to focus',
    torchOn: 'Light on',
    torchOff: 'Light off',
    switchCamera: (current, total) => `Switch camera (${current} of ${total})`,
    tryAgain: 'Try again',
    meanwhile: 'Meanwhile, scan with the hand scanner or type the GTIN, batch and expiry date.',
    permissionDeniedTitle: 'The app may not use the camera',
    permissionDeniedBody: 'The camera is blocked for this page. To allow it:',
    permissionSteps: {
      android: [
        'In Chrome, tap the icon left of the address (the padlock or the sliders).',
        'Choose Permissions → Camera → Allow.',
        'Come back here and tap Try again.',
      ],
      ios: [
        'Open Settings → Safari → Camera and choose Ask or Allow.',
        'Or tap aA in Safari’s address bar → Website Settings → Camera → Allow.',
        'If you added the app to your Home Screen: Settings → Lagerkoll → Camera.',
        'Come back here and tap Try again.',
      ],
      desktop: [
        'Click the icon left of the address (the padlock or the camera) in your browser.',
        'Allow the camera for this site.',
        'If the camera is turned off in your computer’s settings (Privacy → Camera), turn it on there.',
        'Then press Try again.',
      ],
    },
    otherDevices: 'Other devices',
    platformNames: { android: 'Android (Chrome)', ios: 'iPhone and iPad (Safari)', desktop: 'Computer' },
    noCameraTitle: 'No camera found',
    noCameraBody: 'This device seems to have no camera the app can use, or it is disconnected.',
    cameraBusyTitle: 'Something else is using the camera',
    cameraBusyBody: 'Close other apps or tabs that use the camera (a video call, for example) and try again.',
    unsupportedTitle: 'The camera cannot be used here',
    unsupportedBody:
      'This browser gives the app no access to the camera. Try Chrome or Safari, and check that the address starts with https.',
    decoderFailedTitle: 'Scanning could not start',
    decoderFailedBody: 'The barcode reader did not load. Reload the app while online; it is then kept for use offline.',
    failedTitle: 'The camera could not start',
    failedBody: 'Something went wrong while starting the camera.',
    technicalDetail: 'Technical details',
    videoLabel: 'Camera picture for scanning barcodes',
  },
};
