import { useEffect, useMemo, useState } from 'preact/hooks';
import type { LagerkollDb } from '../store/db.ts';
import { type DeviceSettings, saveSettings } from '../store/settings.ts';
import { AppContext, type AppServices } from './app-context.ts';
import { SyncBar } from './components/SyncBar.tsx';
import type { SyncHandle } from './deferred-sync.ts';
import { useSyncStatus } from './hooks/use-sync-status.ts';
import { type Lang, LangContext, strings } from './i18n.ts';
import { lazyComponent } from './lazy.tsx';
import { UpdatePromptLazy } from './pwa/lazy.tsx';
import { type Route, useRoute } from './router.ts';
import { StartScreen } from './screens/StartScreen.tsx';

// The counting screens carry the barcode interpretation (the GS1 table): they load after the first
// paint (and are precached for offline use), keeping the start screen within its JavaScript budget.
const countingScreens = () => import('./screens/counting-screens.ts');
const CountScreen = lazyComponent(() => countingScreens().then((m) => m.CountScreen));
const LocationsScreen = lazyComponent(() => countingScreens().then((m) => m.LocationsScreen));
const ReviewScreen = lazyComponent(() => countingScreens().then((m) => m.ReviewScreen));
const SummaryScreen = lazyComponent(() => countingScreens().then((m) => m.SummaryScreen));
const SettingsScreen = lazyComponent(() => import('./screens/SettingsScreen.tsx').then((m) => m.SettingsScreen));

export interface AppProps {
  db: LagerkollDb;
  sync: SyncHandle;
  initialLang: Lang;
  initialSettings: DeviceSettings;
  onLangChange: (lang: Lang) => void;
}

export function App({ db, sync, initialLang, initialSettings, onLangChange }: AppProps) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [settings, setSettings] = useState(initialSettings);
  // True while a location is being counted: an app update waits until it is done.
  const [busy, setBusy] = useState(false);
  const [route, navigate] = useRoute();
  const status = useSyncStatus(sync);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const services: AppServices = useMemo(
    () => ({
      db,
      sync,
      settings,
      navigate,
      setBusy,
      updateSettings: async (patch) => setSettings(await saveSettings(db, patch)),
    }),
    [db, sync, settings, navigate],
  );
  const t = strings[lang];

  function switchLang(next: Lang) {
    setLang(next);
    onLangChange(next);
  }

  return (
    <LangContext.Provider value={lang}>
      <AppContext.Provider value={services}>
        <div class="app">
          <SyncBar status={status} onSendNow={() => void sync.syncNow()} />
          <UpdatePromptLazy lang={lang} busy={busy} />
          <main class="app__main">
            <Screen route={route} lang={lang} onLangChange={switchLang} />
          </main>
          <nav class="app__nav" aria-label={t.nav.start}>
            <button
              type="button"
              class="button button--quiet"
              aria-current={route.name === 'start' ? 'page' : undefined}
              onClick={() => navigate({ name: 'start' })}
            >
              {t.nav.start}
            </button>
            <button
              type="button"
              class="button button--quiet"
              aria-current={route.name === 'settings' ? 'page' : undefined}
              onClick={() => navigate({ name: 'settings' })}
            >
              {t.nav.settings}
            </button>
          </nav>
        </div>
      </AppContext.Provider>
    </LangContext.Provider>
  );
}

function Screen({ route, lang, onLangChange }: { route: Route; lang: Lang; onLangChange: (l: Lang) => void }) {
  switch (route.name) {
    case 'start':
      return <StartScreen />;
    case 'quick':
      return <CountScreen stockTakeId={null} locationCode={null} />;
    case 'settings':
      return <SettingsScreen lang={lang} onLangChange={onLangChange} />;
    case 'locations':
      return <LocationsScreen stockTakeId={route.stockTakeId} />;
    case 'count':
      return <CountScreen stockTakeId={route.stockTakeId} locationCode={route.locationCode} />;
    case 'summary':
      return <SummaryScreen stockTakeId={route.stockTakeId} locationCode={route.locationCode} />;
    case 'review':
      return <ReviewScreen stockTakeId={route.stockTakeId} />;
  }
}
