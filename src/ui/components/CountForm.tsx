import { useRef, useState } from 'preact/hooks';
import { MAX_QUANTITY } from '../../domain/count-event.ts';
import { useStrings } from '../i18n.ts';

export interface CountInput {
  raw: string;
  quantity: number;
}

/**
 * The scan field and the quantity. Enter in the scan field saves at once (a scanner ends its burst
 * with Enter); the field is then cleared and focused for the next pack.
 */
export function CountForm({ onSave }: { onSave: (input: CountInput) => Promise<void> }) {
  const t = useStrings();
  const [raw, setRaw] = useState('');
  const [quantity, setQuantity] = useState(1);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const scanRef = useRef<HTMLInputElement>(null);

  async function save(event?: Event) {
    event?.preventDefault();
    if (busy) return;
    const code = raw.trim();
    if (!code) {
      setMessage({ kind: 'error', text: t.emptyScan });
      scanRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSave({ raw: code, quantity });
      setRaw('');
      setQuantity(1);
      setMessage({ kind: 'ok', text: t.saved });
    } catch (error) {
      // The scan stays in the field so nothing typed is lost; what was stored before stays stored.
      setMessage({ kind: 'error', text: t.saveFailed(error instanceof Error ? error.message : String(error)) });
    } finally {
      setBusy(false);
      scanRef.current?.focus();
    }
  }

  const clamp = (n: number) => Math.min(MAX_QUANTITY, Math.max(0, Math.round(n)));

  return (
    <form class="count-form" onSubmit={save}>
      <label class="field">
        <span class="field__label">{t.scanLabel}</span>
        <input
          ref={scanRef}
          class="field__input field__input--scan"
          name="scan"
          value={raw}
          onInput={(e) => setRaw(e.currentTarget.value)}
          placeholder={t.scanHint}
          autocomplete="off"
          autocapitalize="off"
          spellcheck={false}
          enterkeyhint="done"
          autofocus
        />
      </label>
      <div class="count-form__row">
        <div class="field">
          <span class="field__label" id="quantity-label">
            {t.quantityLabel}
          </span>
          <div class="stepper">
            <button
              type="button"
              class="button stepper__button"
              aria-label={t.decrease}
              onClick={() => setQuantity((q) => clamp(q - 1))}
            >
              −
            </button>
            <input
              class="field__input stepper__value"
              name="quantity"
              type="number"
              inputmode="numeric"
              min={0}
              max={MAX_QUANTITY}
              aria-labelledby="quantity-label"
              value={quantity}
              onInput={(e) => setQuantity(clamp(Number(e.currentTarget.value) || 0))}
            />
            <button
              type="button"
              class="button stepper__button"
              aria-label={t.increase}
              onClick={() => setQuantity((q) => clamp(q + 1))}
            >
              +
            </button>
          </div>
        </div>
        <button type="submit" class="button button--primary count-form__save" disabled={busy}>
          {t.save}
        </button>
      </div>
      <p class="count-form__message" data-kind={message?.kind} role={message?.kind === 'error' ? 'alert' : 'status'}>
        {message?.text ?? ''}
      </p>
    </form>
  );
}
