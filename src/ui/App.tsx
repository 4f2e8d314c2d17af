import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ApiErrorCode } from '../domain/sync-protocol.ts';
import { signOut } from '../identity/session.ts';
import type { KnownUser, LagerkollDb } from '../store/db.ts';
import { type DeviceSettings, saveSettings } from '../store/settings.ts';
import { AccessGate, ReauthPanel } from './access/AccessGate.tsx';
import { sessionUserOf, useAccess, validSessionToken } from './access/use-access.ts';
import { AppContext, type AppServices } from './app-context.ts';
import { SyncBar } from './components/SyncBar.tsx';
import type { SyncHandle } from './deferred-sync.ts';
import { useSyncStatus } from './hooks/use-sync-status.ts';
import { type Lang, LangContext, strings } from './i18n.ts';
import { lazyComponent } from './lazy.tsx';
import { lazyApiClient } from './lazy-api-client.ts';
import { UpdatePromptLazy } from './pwa/lazy.tsx';
import { COORDINATOR_ROUTES, type Route, useRoute } from './router.ts';
import { StartScreen } from './screens/StartScreen.tsx';

// The counting screens carry the barcode interpretation (the GS1 table): they load after the first
// paint (and are precached for offline use), keeping the start screen within its JavaScript budget.
const countingScreens = () => import('./screens/counting-screens.ts');
// Opened cold on a counting route (a tablet restarted mid-count): fetch that code at once, beside the
// access gate's own reads, instead of after it has decided (that cost ~90 ms of every cold start).
if (/^\/(quick|st\/)/.test(location.pathname)) void countingScreens().catch(() => {});
const CountScreen = lazyComponent(() => countingScreens().then((m) => m.CountScreen));
const LocationsScreen = lazyComponent(() => countingScreens().then((m) => m.LocationsScreen));
const ReviewScreen = lazyComponent(() => countingScreens().then((m) => m.ReviewScreen));
const SummaryScreen = lazyComponent(() => countingScreens().then((m) => m.SummaryScreen));
const SettingsScreen = lazyComponent(() => import('./screens/SettingsScreen.tsx').then((m) => m.SettingsScreen));

// The coordinators' screens (issue 8) are a chunk of their own: a counting tablet never loads them.
const overviewScreens = () => import('./coordinator/overview-screens.ts');
const OverviewScreen = lazyComponent(() => overviewScreens().then((m) => m.OverviewScreen));
const DrillScreen = lazyComponent(() => overviewScreens().then((m) => m.DrillScreen));
const ImportScreen = lazyComponent(() => overviewScreens().then((m) => m.ImportScreen));
const LabelsScreen = lazyComponent(() => overviewScreens().then((m) => m.LabelsScreen));
const adminScreens = () => import('./coordinator/admin-screens.ts');
const StockTakesScreen = lazyComponent(() => adminScreens().then((m) => m.StockTakesScreen));
const StockTakeScreen = lazyComponent(() => adminScreens().then((m) => m.StockTakeScreen));
const DevicesScreen = lazyComponent(() => adminScreens().then((m) => m.DevicesScreen));
const UsersScreen = lazyComponent(() => adminScreens().then((m) => m.UsersScreen));
const AuditScreen = lazyComponent(() => adminScreens().then((m) => m.AuditScreen));

// Who is signed in (nav) and the coordinator gate: shortly after the first paint.
const signedInChrome = () => import('./access/signed-in-chrome.ts');
const UserMenu = lazyComponent(() => signedInChrome().then((m) => m.UserMenu), { quiet: true });
const CoordinatorGate = lazyComponent(() => signedInChrome().then((m) => m.CoordinatorGate));
const InactivityLockGuard = lazyComponent(() => signedInChrome().then((m) => m.InactivityLockGuard), { quiet: true });

// Sign-out and the online check of a session parse the identity API's answers: not on the first paint.
const onlineSession = () => import('./access/online-session.ts');

/** Screens that work on this device's own counts: a coordinator's browser (not enrolled) has none. */
const COUNTING_ROUTES: ReadonlySet<Route['name']> = new Set([
  'start',
  'quick',
  'locations',
  'count',
  'summary',
  'review',
]);
const ACCESS_ROUTES: ReadonlySet<Route['name']> = new Set(['setup', 'enroll', 'sign-in']);

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
  const gate = useAccess(db, sync);
  const { access, credential, user, refresh } = gate;
  const enrolled = credential !== null;

  // The API client is made once; it reads who is signed in (and the device credential) per call.
  const current = useRef<{ user: KnownUser | null; credential: string | null }>({ user: null, credential: null });
  current.current = { user, credential: credential?.credential ?? null };
  const onUnauthorized = useCallback(
    (code: ApiErrorCode | null) =>
      void onlineSession()
        .then((m) => m.handleUnauthorized(db, sync, current.current.user, code))
        .then(refresh),
    [db, sync, refresh],
  );
  const api = useMemo(
    () =>
      lazyApiClient({
        getSessionToken: () => validSessionToken(current.current.user),
        getDeviceCredential: () => current.current.credential,
        onUnauthorized,
      }),
    [onUnauthorized],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  // A newly enrolled device fetches its stock-takes at once.
  useEffect(() => {
    if (credential) void sync.syncNow();
  }, [credential?.credential, sync]);

  // Each sign-in, when online, asks the server to confirm the user: the offline period starts over.
  const signedIn = access?.kind === 'signed-in' ? access : null;
  const gateAccess = access && access.kind !== 'signed-in' ? access : null;
  useEffect(() => {
    if (!signedIn || !validSessionToken(signedIn.user)) return;
    const userId = signedIn.user.userId;
    void onlineSession().then((m) => m.confirmOnlineNow(db, api, userId));
  }, [signedIn?.user.userId, signedIn?.session.signedInAt, api, db]);

  // Once signed in, the access routes have done their job; a coordinator's browser has no counts of its own.
  useEffect(() => {
    if (!signedIn) return;
    if (ACCESS_ROUTES.has(route.name)) navigate({ name: signedIn.enrolled ? 'start' : 'overview' }, true);
    else if (!signedIn.enrolled && COUNTING_ROUTES.has(route.name)) navigate({ name: 'overview' }, true);
  }, [signedIn?.enrolled, signedIn !== null, route.name, navigate]);

  const services: AppServices = useMemo(
    () => ({
      db,
      sync,
      settings,
      navigate,
      setBusy,
      updateSettings: async (patch) => setSettings(await saveSettings(db, patch)),
      user: sessionUserOf(user),
      api,
    }),
    [db, sync, settings, navigate, api, user],
  );
  const t = strings[lang];

  function switchLang(next: Lang) {
    setLang(next);
    onLangChange(next);
  }

  async function switchUser() {
    await signOut(db);
    await refresh();
  }

  async function signOutCompletely() {
    if (user) await (await onlineSession()).signOutOnline(db, api, user);
    await signOut(db);
    await refresh();
  }

  return (
    <LangContext.Provider value={lang}>
      <AppContext.Provider value={services}>
        <div class="app">
          {enrolled || status.pending > 0 ? (
            <SyncBar status={status} onSendNow={() => void sync.syncNow()} />
          ) : (
            <header class="sync-bar">
              <h1 class="sync-bar__title">{t.appName}</h1>
            </header>
          )}
          <UpdatePromptLazy lang={lang} busy={busy} />
          {signedIn?.enrolled && <InactivityLockGuard db={db} session={signedIn.session} onLocked={refresh} />}
          <main class="app__main">
            {signedIn && !COORDINATOR_ROUTES.has(route.name) ? (
              <Screen route={route} lang={lang} onLangChange={switchLang} />
            ) : signedIn ? (
              <CoordinatorGate
                user={signedIn.user}
                hasSession={validSessionToken(signedIn.user) !== null}
                lang={lang}
                reauth={<ReauthPanel db={db} lang={lang} onChanged={refresh} user={signedIn.user} />}
              >
                <Screen route={route} lang={lang} onLangChange={switchLang} />
              </CoordinatorGate>
            ) : (
              gateAccess && (
                <AccessGate
                  access={gateAccess}
                  route={route}
                  db={db}
                  lang={lang}
                  onLangChange={switchLang}
                  deviceLabel={credential?.label ?? ''}
                  onChanged={refresh}
                  onSetupDone={gate.setupDone}
                />
              )
            )}
          </main>
          {signedIn && (
            <nav class="app__nav" aria-label={t.nav.start}>
              {signedIn.enrolled && (
                <button
                  type="button"
                  class="button button--quiet"
                  aria-current={route.name === 'start' ? 'page' : undefined}
                  onClick={() => navigate({ name: 'start' })}
                >
                  {t.nav.start}
                </button>
              )}
              <button
                type="button"
                class="button button--quiet"
                aria-current={route.name === 'settings' ? 'page' : undefined}
                onClick={() => navigate({ name: 'settings' })}
              >
                {t.nav.settings}
              </button>
              <UserMenu
                user={signedIn.user}
                lang={lang}
                enrolled={signedIn.enrolled}
                overviewCurrent={COORDINATOR_ROUTES.has(route.name)}
                onOverview={() => navigate({ name: 'overview' })}
                onSwitchUser={() => void switchUser()}
                onSignOut={() => void signOutCompletely()}
              />
            </nav>
          )}
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
    case 'overview':
      return <OverviewScreen />;
    case 'drill':
      return <DrillScreen siteCode={route.siteCode} gtin={route.gtin} />;
    case 'import':
      return <ImportScreen />;
    case 'labels':
      return <LabelsScreen siteCode={route.siteCode} />;
    case 'stock-takes':
      return <StockTakesScreen />;
    case 'stock-take':
      return <StockTakeScreen stockTakeId={route.stockTakeId} />;
    case 'devices':
      return <DevicesScreen />;
    case 'users':
      return <UsersScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'setup':
    case 'enroll':
    case 'sign-in':
      // Shown only for a moment: once signed in, the app leaves these routes for the start screen.
      return <StartScreen />;
  }
}
