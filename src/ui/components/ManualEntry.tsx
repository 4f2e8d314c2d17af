import { useState } from 'preact/hooks';
import { useStrings } from '../i18n.ts';

/**
 * For a pack whose code will not scan: GTIN, batch and expiry typed by hand. They are turned into the
 * GS1 human-readable form, so a typed pack goes through exactly the same checks as a scanned one.
 */
export function ManualEntry({ onSubmit }: { onSubmit: (raw: string) => Promise<void> | void }) {
  const t = useStrings();
  const [gtin, setGtin] = useState('');
  const [batch, setBatch] = useState('');
  const [expiry, setExpiry] = useState('');

  async function submit(event: Event) {
    event.preventDefault();
    const raw = manualToHri(gtin, batch, expiry);
    if (!raw) return;
    await onSubmit(raw);
    setGtin('');
    setBatch('');
    setExpiry('');
  }

  return (
    <details class="manual-entry">
      <summary class="button button--quiet">{t.count.manual}</summary>
      <form class="manual-entry__form" onSubmit={submit}>
        <TypedField label={t.count.manualGtin} name="gtin" value={gtin} onValue={setGtin} inputMode="numeric" />
        <TypedField label={t.count.manualBatch} name="batch" value={batch} onValue={setBatch} />
        <TypedField label={t.count.manualExpiry} name="expiry" value={expiry} onValue={setExpiry} type="date" />
        <button type="submit" class="button button--primary">
          {t.count.manualSave}
        </button>
      </form>
    </details>
  );
}

function TypedField({
  label,
  name,
  value,
  onValue,
  type = 'text',
  inputMode,
}: {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'date';
  inputMode?: 'numeric';
}) {
  const id = `manual-${name}`;
  const common = {
    id,
    class: 'field__input',
    name,
    autocomplete: 'off',
    value,
    onInput: (e: Event) => onValue((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {label}
      </label>
      {type === 'date' ? <input type="date" {...common} /> : <input inputMode={inputMode} {...common} />}
    </div>
  );
}

/** `(01)…(17)YYMMDD(10)…` from typed fields; a GTIN-8/12/13 is padded to 14 digits. */
export function manualToHri(gtin: string, batch: string, expiry: string): string | null {
  const digits = gtin.replace(/\s/g, '');
  if (!digits) return null;
  let raw = `(01)${/^\d{8,13}$/.test(digits) ? digits.padStart(14, '0') : digits}`;
  const date = /^(\d{2})(\d{2})-(\d{2})-(\d{2})$/.exec(expiry);
  if (date) raw += `(17)${date[2]}${date[3]}${date[4]}`;
  if (batch.trim()) raw += `(10)${batch.trim().replaceAll('(', '\\(')}`;
  return raw;
}
