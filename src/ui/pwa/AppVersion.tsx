import type { Lang } from '../i18n.ts';
import { pwaStrings } from './strings.ts';
import { applyUpdate } from './update-state.ts';
import { useUpdateReady } from './use-pwa-state.ts';
import './pwa.css';

/** The build running now (from `<meta name="lagerkoll-build">`, written at build time). */
export function currentBuildId(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="lagerkoll-build"]')?.content ?? 'dev';
}

/** For settings: which version runs, and the way to a waiting one when the prompt was put off. */
export function AppVersion({ lang }: { lang: Lang }) {
  const t = pwaStrings[lang];
  const ready = useUpdateReady();
  return (
    <section class="pwa-card pwa-version" aria-label={t.version.label} data-testid="app-version">
      <p class="pwa-card__text">
        {t.version.label} <span class="pwa-version__id">{currentBuildId()}</span>
      </p>
      {ready && (
        <div class="pwa-card__actions">
          <p class="pwa-card__text">{t.version.updateReady}</p>
          <button type="button" class="button button--primary" onClick={applyUpdate}>
            {t.update.now}
          </button>
        </div>
      )}
    </section>
  );
}
