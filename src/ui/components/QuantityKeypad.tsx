import { useState } from 'preact/hooks';
import { MAX_QUANTITY } from '../../domain/count-event.ts';
import { useStrings } from '../i18n.ts';

/**
 * A big-key number pad with − / + steppers, for gloved thumbs: type "24" for a shelf of identical
 * packs, or step one at a time. OK applies; nothing changes until then.
 */
export function QuantityKeypad({
  initial,
  label,
  onApply,
  onCancel,
}: {
  initial: number;
  label: string;
  onApply: (quantity: number) => void;
  onCancel: () => void;
}) {
  const t = useStrings();
  const [text, setText] = useState(String(initial));
  const [fresh, setFresh] = useState(true); // the first digit typed replaces the old value
  const value = Math.min(MAX_QUANTITY, Number(text) || 0);
  const set = (n: number) => {
    setText(String(Math.min(MAX_QUANTITY, Math.max(0, n))));
    setFresh(false);
  };
  const digit = (d: string) => {
    const next = fresh || text === '0' ? d : text + d;
    if (Number(next) <= MAX_QUANTITY) setText(next);
    setFresh(false);
  };

  return (
    <fieldset class="keypad">
      <legend class="visually-hidden">{label}</legend>
      <div class="keypad__display">
        <button type="button" class="button keypad__step" aria-label="−1" onClick={() => set(value - 1)}>
          −
        </button>
        <output class="keypad__value" aria-live="polite" data-testid="keypad-value">
          {text}
        </output>
        <button type="button" class="button keypad__step" aria-label="+1" onClick={() => set(value + 1)}>
          +
        </button>
      </div>
      <div class="keypad__keys">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
          <button key={d} type="button" class="button keypad__key" onClick={() => digit(d)}>
            {d}
          </button>
        ))}
        <button type="button" class="button keypad__key" aria-label="⌫" onClick={() => set(Math.floor(value / 10))}>
          ⌫
        </button>
        <button type="button" class="button keypad__key" onClick={() => digit('0')}>
          0
        </button>
        <button type="button" class="button button--primary keypad__key" onClick={() => onApply(value)}>
          {t.count.apply}
        </button>
      </div>
      <button type="button" class="button button--quiet keypad__cancel" onClick={onCancel}>
        {t.nav.back}
      </button>
    </fieldset>
  );
}
