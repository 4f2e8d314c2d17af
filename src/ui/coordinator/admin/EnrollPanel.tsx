import { useId, useMemo, useState } from 'preact/hooks';
import { type EnrollmentCode, enrollmentCodeSchema } from '../../../domain/auth/api.ts';
import { useApp } from '../../app-context.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatTime, useLang } from '../../i18n.ts';
import { useAdminStrings } from '../admin-strings.ts';
import { apiErrorText } from './api-error-text.ts';
import { qrSvg } from './qr.ts';
import { countdown } from './time.ts';
import { useNow } from './use-now.ts';

/**
 * "Enroll a device": the supervisor names the device, gets a one-time code and shows it as a QR
 * code (a phone camera opens the app's enroll screen with it) and as text to type.
 */
export function EnrollPanel({ onCodeCreated }: { onCodeCreated: () => void }) {
  const t = useAdminStrings();
  const { api } = useApp();
  const id = useId();
  const [label, setLabel] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState<EnrollmentCode | null>(null);

  async function create(event: Event) {
    event.preventDefault();
    if (label.trim() === '') {
      setMissing(true);
      document.getElementById(`${id}-label`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setCode(await api.send('POST', '/devices/enrollment-codes', { label: label.trim() }, enrollmentCodeSchema));
      onCodeCreated();
    } catch (failure) {
      setError(apiErrorText(t, failure));
    } finally {
      setBusy(false);
    }
  }

  function another() {
    setCode(null);
    setLabel('');
    // The form comes back: put the keyboard in its field.
    requestAnimationFrame(() => document.getElementById(`${id}-label`)?.focus());
  }

  return (
    <section class="co-panel admin-enroll" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} class="co-panel__title">
        {t.devices.enrollTitle}
      </h2>
      {code ? (
        <EnrollmentCodeCard code={code} onAnother={another} />
      ) : (
        <form class="admin-enroll__form" onSubmit={(e) => void create(e)} noValidate>
          <div class="co-field">
            <label class="co-field__label" for={`${id}-label`}>
              {t.devices.label}
            </label>
            <input
              id={`${id}-label`}
              class="co-input admin-enroll__input"
              value={label}
              maxLength={100}
              aria-invalid={missing}
              aria-describedby={`${id}-hint${missing ? ` ${id}-missing` : ''}`}
              onInput={(e) => {
                setLabel(e.currentTarget.value);
                setMissing(false);
              }}
            />
            <span id={`${id}-hint`} class="co-field__hint">
              {t.devices.labelHint}
            </span>
            {missing && (
              <span id={`${id}-missing`} class="admin-field-error">
                {t.devices.labelMissing}
              </span>
            )}
          </div>
          <button type="submit" class="button button--primary" disabled={busy}>
            {busy ? t.devices.creating : t.devices.createCode}
          </button>
          <ErrorMessage>{error}</ErrorMessage>
        </form>
      )}
    </section>
  );
}

/** The code as a QR code and as large text, with how long it is still valid. */
function EnrollmentCodeCard({ code, onAnother }: { code: EnrollmentCode; onAnother: () => void }) {
  const t = useAdminStrings();
  const lang = useLang();
  const now = useNow(1000);
  const svg = useMemo(() => qrSvg(code.enrollUrl), [code.enrollUrl]);
  const expired = Date.parse(code.expiresAt) <= now.getTime();
  return (
    <div class="admin-code" data-testid="enrollment-code" data-expired={expired}>
      <div
        class="admin-code__qr"
        role="img"
        aria-label={t.devices.qrLabel(code.label)}
        data-testid="enrollment-qr"
        // bwip-js's own SVG output, from our text: no markup from outside the app.
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <div class="admin-code__text">
        <p class="admin-code__for">{t.devices.codeFor(code.label)}</p>
        <p class="admin-code__label">{t.devices.code}</p>
        <p class="admin-code__value co-mono" data-testid="enrollment-code-text">
          {code.code}
        </p>
        {expired ? (
          <p class="message message--error" role="alert">
            {t.devices.expired}
          </p>
        ) : (
          <p class="admin-code__expiry" data-testid="enrollment-expiry">
            {t.devices.expiresIn(countdown(code.expiresAt, now), formatTime(lang, code.expiresAt))}
          </p>
        )}
        <p class="admin-small">{t.devices.instructions}</p>
        <p class="co-mono co-muted admin-small admin-code__url">{code.enrollUrl}</p>
        <button type="button" class="button" onClick={onAnother}>
          {t.devices.anotherCode}
        </button>
      </div>
    </div>
  );
}
