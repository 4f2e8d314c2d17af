import { useState } from 'preact/hooks';
import { gtinFromScan } from '../domain/scan-gtin.ts';
import type { LagerkollDb } from '../store/db.ts';
import { recentEvents, recordCount } from '../store/events.ts';
import type { SyncEngine } from '../sync/sync-engine.ts';
import { CountForm, type CountInput } from './components/CountForm.tsx';
import { EventList } from './components/EventList.tsx';
import { SyncBar } from './components/SyncBar.tsx';
import { useLiveQuery } from './hooks/use-live-query.ts';
import { useSyncStatus } from './hooks/use-sync-status.ts';
import { type Lang, LangContext, strings } from './i18n.ts';

export interface AppProps {
  db: LagerkollDb;
  sync: SyncEngine;
  initialLang: Lang;
  onLangChange: (lang: Lang) => void;
}

export function App({ db, sync, initialLang, onLangChange }: AppProps) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const status = useSyncStatus(sync);
  const events = useLiveQuery(() => recentEvents(db), [db], []);

  async function save({ raw, quantity }: CountInput) {
    await recordCount(db, { raw, gtin: gtinFromScan(raw), quantity });
    void sync.noteSaved();
  }

  function switchLang(next: Lang) {
    setLang(next);
    onLangChange(next);
  }

  return (
    <LangContext.Provider value={lang}>
      <div class="app" lang={lang}>
        <SyncBar status={status} onSendNow={() => void sync.syncNow()} />
        <main class="app__main">
          <CountForm onSave={save} />
          <EventList events={events} />
        </main>
        <footer class="app__footer">
          <fieldset class="lang-switch">
            <legend class="visually-hidden">{strings[lang].language}</legend>
            {(['sv', 'en'] as const).map((l) => (
              <button
                key={l}
                type="button"
                class="button button--quiet"
                aria-pressed={lang === l}
                onClick={() => switchLang(l)}
              >
                {l === 'sv' ? 'Svenska' : 'English'}
              </button>
            ))}
          </fieldset>
        </footer>
      </div>
    </LangContext.Provider>
  );
}
