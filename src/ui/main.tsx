import { render } from 'preact';
import { LagerkollDb } from '../store/db.ts';
import { readSettings } from '../store/settings.ts';
import { App } from './App.tsx';
import { DeferredSync } from './deferred-sync.ts';
import { detectLang, type Lang, strings } from './i18n.ts';
import './styles.css';

const LANG_KEY = 'lagerkoll.lang';

function chosenLang(): Lang {
  const saved = localStorage.getItem(LANG_KEY);
  return saved === 'sv' || saved === 'en' ? saved : detectLang();
}

async function start(root: HTMLElement) {
  const lang = chosenLang();
  const db = new LagerkollDb();
  try {
    await db.open();
  } catch (error) {
    console.error('[store] cannot open IndexedDB', error);
    root.innerHTML = '';
    const p = document.createElement('p');
    p.className = 'fatal';
    p.setAttribute('role', 'alert');
    p.textContent = strings[lang].storageUnavailable;
    root.append(p);
    return;
  }
  // Another tab (a newer version of the app) upgraded the database: this tab must not go on with
  // the old schema. Everything is stored, so reloading loses nothing.
  db.on('versionchange', () => {
    db.close();
    location.reload();
    return false;
  });
  const sync = new DeferredSync(() =>
    import('../sync/sync-engine.ts').then(
      (m) =>
        // While counts wait for a network, ask the browser to wake the service worker when it is back
        // (Background Sync, Chromium only): the outbox then goes even if the app has been closed.
        new m.SyncEngine(db, { onWaitingForNetwork: () => void registerBackgroundSync() }),
    ),
  );
  const settings = await readSettings(db);
  render(
    <App
      db={db}
      sync={sync}
      initialLang={lang}
      initialSettings={settings}
      onLangChange={(l) => localStorage.setItem(LANG_KEY, l)}
    />,
    root,
  );
  void sync.ready().then((engine) => engine.start());
}

async function registerBackgroundSync(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration = await navigator.serviceWorker.getRegistration();
  const { requestBackgroundSync } = await import('../sync/background-sync.ts');
  await requestBackgroundSync(registration as Parameters<typeof requestBackgroundSync>[0]);
}

const root = document.getElementById('app');
if (root) void start(root);

// The service worker, the install offer and persistent storage (src/ui/pwa): loaded beside the app,
// off the first-paint path. The import starts now so the browser's one install offer is not missed.
void import('./pwa/start-pwa.ts').then((pwa) => pwa.startPwa());
