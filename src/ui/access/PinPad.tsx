import { useEffect, useRef, useState } from 'preact/hooks';
import { useLang } from '../i18n.ts';
import { ACCESS_STRINGS } from './strings.ts';

const MAX_DIGITS = 10;

/**
 * A PIN field with big keys for gloved thumbs; a keyboard types into the field as well. Digits are
 * shown as dots. `onSubmit` answers a message to show (the PIN is then cleared), or null when done.
 */
export function PinPad({
  label,
  submitLabel,
  onSubmit,
  autoFocus = true,
}: {
  label: string;
  submitLabel: string;
  onSubmit: (pin: string) => Promise<string | null>;
  autoFocus?: boolean;
}) {
  const t = ACCESS_STRINGS[useLang()];
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  const type = (digit: string) => setPin((p) => (p.length < MAX_DIGITS ? p + digit : p));

  async function submit(event?: Event) {
    event?.preventDefault();
    if (busy || pin.length === 0) return;
    setBusy(true);
    setMessage(null);
    try {
      // The hash is derived off the main thread (WebCrypto): the screen stays responsive meanwhile.
      const problem = await onSubmit(pin);
      if (problem !== null) {
        setMessage(problem);
        setPin('');
      }
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  }

  return (
    <form class="pin-pad" onSubmit={submit} aria-busy={busy}>
      <label class="field">
        <span class="field__label">{label}</span>
        <input
          ref={input}
          class="field__input pin-pad__input"
          type="password"
          inputMode="numeric"
          autocomplete="off"
          maxLength={MAX_DIGITS}
          value={pin}
          onInput={(e) => setPin(e.currentTarget.value.replace(/\D/g, '').slice(0, MAX_DIGITS))}
          placeholder={t.pin.digits}
        />
      </label>
      <div class="pin-pad__keys">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
          <button key={d} type="button" class="button pin-pad__key" onClick={() => type(d)} disabled={busy}>
            {d}
          </button>
        ))}
        <button
          type="button"
          class="button pin-pad__key"
          aria-label={t.pin.clear}
          onClick={() => setPin((p) => p.slice(0, -1))}
          disabled={busy}
        >
          ⌫
        </button>
        <button type="button" class="button pin-pad__key" onClick={() => type('0')} disabled={busy}>
          0
        </button>
        <button type="submit" class="button button--primary pin-pad__key" disabled={busy || pin.length === 0}>
          {busy ? '…' : submitLabel}
        </button>
      </div>
      <p class="access__status" role="status" aria-live="polite">
        {busy ? t.pin.checking : ''}
      </p>
      {message && (
        <p class="message message--error" role="alert" data-testid="pin-message">
          {message}
        </p>
      )}
    </form>
  );
}
