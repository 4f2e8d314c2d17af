import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../i18n.ts';
import { formatBytes } from './format-bytes.ts';
import { readStorageReport, requestPersistentStorage, type StorageReport } from './storage.ts';
import { pwaStrings } from './strings.ts';
import './pwa.css';

/** Whether the counts' storage is protected from eviction, and how much is used and left. */
export function StorageStatus({ lang }: { lang: Lang }) {
  const t = pwaStrings[lang].storage;
  const [report, setReport] = useState<StorageReport | null>(null);
  const [asking, setAsking] = useState(false);

  useEffect(() => {
    let live = true;
    void readStorageReport().then((r) => live && setReport(r));
    return () => {
      live = false;
    };
  }, []);

  async function ask() {
    setAsking(true);
    await requestPersistentStorage();
    setReport(await readStorageReport());
    setAsking(false);
  }

  const bytes = (n: number | null | undefined) => (n === null || n === undefined ? t.unknown : formatBytes(lang, n));
  const persisted = report?.persisted;
  const tone = persisted === true ? 'ok' : persisted === false ? 'warn' : 'neutral';
  return (
    <section class="pwa-card pwa-storage" aria-labelledby="pwa-storage-title" data-testid="storage-status">
      <h2 id="pwa-storage-title" class="pwa-card__title">
        {t.title}
      </h2>
      {report === null ? (
        <p class="pwa-card__text">{t.checking}</p>
      ) : (
        <>
          <p class="pwa-card__text pwa-storage__state" data-tone={tone} data-persisted={String(persisted)}>
            <span aria-hidden="true" class="pwa-storage__icon">
              {tone === 'ok' ? '✓' : '!'}
            </span>
            {persisted === true ? t.persisted : persisted === false ? t.notPersisted : t.unsupported}
          </p>
          <dl class="pwa-storage__numbers">
            <div>
              <dt>{t.used}</dt>
              <dd data-testid="storage-used">{bytes(report.usageBytes)}</dd>
            </div>
            <div>
              <dt>{t.available}</dt>
              <dd data-testid="storage-available">{bytes(report.availableBytes)}</dd>
            </div>
          </dl>
          {persisted === false && (
            <div class="pwa-card__actions">
              <button type="button" class="button" disabled={asking} onClick={() => void ask()}>
                {asking ? t.checking : t.request}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
