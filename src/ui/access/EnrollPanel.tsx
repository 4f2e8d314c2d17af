import { useState } from 'preact/hooks';
import { enrollmentCodeFromScan } from '../../identity/enrollment-code.ts';
import type { LagerkollDb } from '../../store/db.ts';
import type { Lang } from '../i18n.ts';
import { CameraScanner } from '../scanner/CameraScanner.tsx';
import { describeFailure } from './failure.ts';
import { enrollDevice } from './online.ts';
import { ACCESS_STRINGS } from './strings.ts';

/**
 * Enrolling this device with a one-time code from a supervisor: scan its QR code with the camera, or
 * type the code. The credential is kept in the device's database (src/store/identity.ts).
 */
export function EnrollPanel({
  db,
  lang,
  initialCode = null,
  onChanged,
}: {
  db: LagerkollDb;
  lang: Lang;
  initialCode?: string | null;
  onChanged: () => Promise<void>;
}) {
  const t = ACCESS_STRINGS[lang];
  const [code, setCode] = useState(initialCode ?? '');
  const [camera, setCamera] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function enroll(value: string) {
    if (busy || !value.trim()) return;
    setBusy(true);
    setMessage(null);
    try {
      const credential = await enrollDevice(db, value);
      setMessage({ text: t.welcome.enrolled(credential.label), error: false });
      await onChanged();
    } catch (error) {
      setMessage({ text: describeFailure(error, t, t.welcome.codeRefused), error: true });
    } finally {
      setBusy(false);
    }
  }

  function onRead(text: string) {
    const scanned = enrollmentCodeFromScan(text);
    if (!scanned) {
      setMessage({ text: t.welcome.notEnrollmentQr, error: true });
      return;
    }
    setCamera(false);
    setCode(scanned);
    void enroll(scanned);
  }

  return (
    <div class="access__card">
      <button
        type="button"
        class={`button ${code.trim() ? '' : 'button--primary'} access__big`}
        aria-pressed={camera}
        onClick={() => setCamera(!camera)}
      >
        {camera ? t.welcome.stopScan : t.welcome.scan}
      </button>
      {camera && <CameraScanner lang={lang} active={camera} onRead={(read) => onRead(read.text)} />}
      <form
        class="access__form"
        onSubmit={(event) => {
          event.preventDefault();
          void enroll(code);
        }}
      >
        <div class="field">
          <label class="field__label" for="enrollment-code">
            {t.welcome.code}
          </label>
          <input
            class="field__input access__code"
            id="enrollment-code"
            name="enrollment-code"
            aria-describedby="enrollment-code-hint"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            value={code}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
          <span id="enrollment-code-hint" class="field__hint">
            {t.welcome.codeHint}
          </span>
        </div>
        <button type="submit" class="button button--primary" disabled={busy || !code.trim()}>
          {busy ? t.working : t.welcome.enroll}
        </button>
      </form>
      {message && (
        <p
          class={`message ${message.error ? 'message--error' : 'message--info'}`}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
