import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../i18n.ts';
import { detectInstallPlatform, type InstallPlatform, isRunningInstalled } from './install-platform.ts';
import { offerInstall, subscribeInstallPrompt, wasInstalledNow } from './install-prompt.ts';
import { pwaStrings } from './strings.ts';
import { useCanOfferInstall } from './use-pwa-state.ts';
import './pwa.css';

const SEEN_KEY = 'lagerkoll.installGuideSeen';
const PLATFORMS: readonly InstallPlatform[] = ['ios', 'android', 'desktop'];

function readSeen(): boolean {
  try {
    return localStorage.getItem(SEEN_KEY) === '1';
  } catch {
    return false;
  }
}

function rememberSeen(): void {
  try {
    localStorage.setItem(SEEN_KEY, '1');
  } catch {
    // Private mode without storage: the guide shows again next time, which is harmless.
  }
}

function useInstalled(): boolean {
  const [installed, setInstalled] = useState(() => isRunningInstalled() || wasInstalledNow());
  useEffect(() => subscribeInstallPrompt(() => setInstalled(isRunningInstalled() || wasInstalledNow())), []);
  return installed;
}

/**
 * The first-run card: why installing matters and how, once. It is not shown when the app already
 * runs installed; after "Done" / "Not now" (or installing) it stays in settings only (InstallHelp).
 */
export function InstallGuide({ lang }: { lang: Lang }) {
  const t = pwaStrings[lang].install;
  const installed = useInstalled();
  const canPrompt = useCanOfferInstall();
  const [open, setOpen] = useState(() => !readSeen());
  if (installed || !open) return null;

  const close = () => {
    rememberSeen();
    setOpen(false);
  };
  const platform = detectInstallPlatform();
  return (
    <section
      class="pwa-card pwa-install pwa-install--first-run"
      aria-labelledby="pwa-install-title"
      data-testid="install-guide"
    >
      <h2 id="pwa-install-title" class="pwa-card__title">
        {t.title}
      </h2>
      <p class="pwa-card__text">{t.why}</p>
      {canPrompt ? null : <InstallSteps lang={lang} platform={platform} />}
      <div class="pwa-card__actions">
        {canPrompt && <InstallButton lang={lang} onAccepted={close} />}
        <button type="button" class="button" onClick={close}>
          {canPrompt ? t.notNow : t.done}
        </button>
      </div>
    </section>
  );
}

/** The same guidance in settings, always there: this device's steps, and the others' behind a disclosure. */
export function InstallHelp({ lang }: { lang: Lang }) {
  const t = pwaStrings[lang].install;
  const installed = useInstalled();
  const canPrompt = useCanOfferInstall();
  const platform = detectInstallPlatform();
  return (
    <section class="pwa-card pwa-install" aria-labelledby="pwa-install-help-title" data-testid="install-help">
      <h2 id="pwa-install-help-title" class="pwa-card__title">
        {t.settingsTitle}
      </h2>
      {installed ? (
        <p class="pwa-card__text pwa-card__text--ok">
          <span aria-hidden="true">✓ </span>
          {t.installed}
        </p>
      ) : (
        <>
          <p class="pwa-card__text">{t.why}</p>
          {canPrompt && (
            <div class="pwa-card__actions">
              <InstallButton lang={lang} />
            </div>
          )}
          <InstallSteps lang={lang} platform={platform} />
        </>
      )}
      <details class="pwa-other">
        <summary class="pwa-other__summary">{t.otherDevices}</summary>
        {PLATFORMS.filter((p) => p !== platform).map((p) => (
          <InstallSteps key={p} lang={lang} platform={p} />
        ))}
      </details>
    </section>
  );
}

function InstallButton({ lang, onAccepted }: { lang: Lang; onAccepted?: () => void }) {
  const t = pwaStrings[lang].install;
  return (
    <button
      type="button"
      class="button button--primary"
      onClick={async () => {
        if ((await offerInstall()) === 'accepted') onAccepted?.();
      }}
    >
      {t.installButton}
    </button>
  );
}

function InstallSteps({ lang, platform }: { lang: Lang; platform: InstallPlatform }) {
  const t = pwaStrings[lang].install;
  return (
    <div class="pwa-steps" data-platform={platform}>
      <h3 class="pwa-steps__title">
        {t.howTo}: {t.platform[platform]}
      </h3>
      <ol class="pwa-steps__list">
        {t.steps[platform].map((step, i) => (
          <li key={step}>
            {platform === 'ios' && i === 0 ? <ShareIcon /> : null}
            {step}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Safari's Share symbol, so the step can be matched to the button at a glance. */
function ShareIcon() {
  return (
    <svg class="pwa-steps__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
      <path
        d="M12 3v12M7.5 7.5 12 3l4.5 4.5M8 10H6a1 1 0 0 0-1 1v9a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-9a1 1 0 0 0-1-1h-2"
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
