import { render } from 'preact';
import { LagerkollDb } from '../store/db.ts';
import { SyncEngine } from '../sync/sync-engine.ts';
import { App } from './App.tsx';
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
  const sync = new SyncEngine(db);
  render(<App db={db} sync={sync} initialLang={lang} onLangChange={(l) => localStorage.setItem(LANG_KEY, l)} />, root);
  void sync.start();
}

const root = document.getElementById('app');
if (root) void start(root);
