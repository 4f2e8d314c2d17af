import { useState } from 'preact/hooks';
import { readDeviceId } from '../../store/device.ts';
import { countPending } from '../../store/events.ts';
import { useApp } from '../app-context.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useLiveQuery } from '../hooks/use-live-query.ts';
import { formatNumber, type Lang, useStrings } from '../i18n.ts';
import { AppVersionLazy, InstallHelpLazy, StorageStatusLazy } from '../pwa/lazy.tsx';
import { saveFailureText } from '../save-failure.ts';

export function SettingsScreen({ lang, onLangChange }: { lang: Lang; onLangChange: (lang: Lang) => void }) {
  const t = useStrings();
  const { db, settings, updateSettings } = useApp();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Reads only: a live query must not write (getDeviceId makes the id when there is none).
  const device = useLiveQuery(
    async () => ({ id: await readDeviceId(db), pending: await countPending(db) }),
    [db],
    null,
  );

  async function update(patch: Parameters<typeof updateSettings>[0]) {
    setError(null);
    try {
      await updateSettings(patch);
      setSaved(true);
    } catch (failure) {
      // The screen keeps showing the setting in force.
      setSaved(false);
      setError(saveFailureText(failure, t.settings.notSaved));
    }
  }

  return (
    <section class="screen settings" aria-labelledby="settings-title">
      <h2 id="settings-title" class="screen__title">
        {t.settings.title}
      </h2>
      <fieldset class="settings__group">
        <legend>{t.language}</legend>
        <div class="segmented">
          {(['sv', 'en'] as const).map((l) => (
            <button
              key={l}
              type="button"
              class="button"
              aria-pressed={lang === l}
              lang={l}
              onClick={() => onLangChange(l)}
            >
              {l === 'sv' ? 'Svenska' : 'English'}
            </button>
          ))}
        </div>
      </fieldset>
      <label class="toggle">
        <input
          type="checkbox"
          checked={settings.sounds}
          onChange={(e) => void update({ sounds: e.currentTarget.checked })}
        />
        <span>{t.settings.sounds}</span>
      </label>
      <label class="field">
        <span class="field__label">{t.settings.nearDays}</span>
        <input
          class="field__input"
          type="number"
          inputmode="numeric"
          min={0}
          max={3650}
          value={settings.nearExpiryDays}
          onChange={(e) => {
            const days = Math.round(Number(e.currentTarget.value));
            if (Number.isFinite(days) && days >= 0 && days <= 3650) void update({ nearExpiryDays: days });
          }}
        />
      </label>
      <label class="field">
        <span class="field__label">{t.settings.gsSubstitute}</span>
        <input
          class="field__input field__input--short"
          maxLength={1}
          autocomplete="off"
          value={settings.gsSubstitute}
          onChange={(e) => void update({ gsSubstitute: e.currentTarget.value.slice(0, 1) })}
          aria-describedby="gs-hint"
        />
        <span id="gs-hint" class="field__hint">
          {t.settings.gsHint}
        </span>
      </label>
      {saved && (
        <p class="message message--info" role="status">
          {t.settings.saved}
        </p>
      )}
      <ErrorMessage>{error}</ErrorMessage>
      <section class="settings__group" aria-labelledby="device-title">
        <h3 id="device-title">{t.settings.device}</h3>
        <dl class="facts">
          <div>
            <dt>{t.settings.deviceId}</dt>
            <dd class="mono">{device?.id ?? '…'}</dd>
          </div>
          <div>
            <dt>{t.settings.pending}</dt>
            <dd>{device ? formatNumber(lang, device.pending) : '…'}</dd>
          </div>
        </dl>
      </section>
      <AppVersionLazy lang={lang} />
      <StorageStatusLazy lang={lang} />
      <InstallHelpLazy lang={lang} />
    </section>
  );
}
