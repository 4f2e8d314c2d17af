import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../app-context.ts';

/** Turns what a person or a scanner typed into the raw scan: the configured GS substitute, and the
 * written forms `<GS>` and `\x1d`, become the real separator (U+001D). */
export function normaliseTyped(text: string, gsSubstitute: string): string {
  let raw = text.replaceAll('<GS>', '\u001d').replaceAll('\\x1d', '\u001d').replaceAll('\\x1D', '\u001d');
  if (gsSubstitute) raw = raw.replaceAll(gsSubstitute, '\u001d');
  return raw.trim();
}

/**
 * The always-present scan field: a keyboard-wedge scanner types into it and ends with Enter, and a
 * person can type or paste a code. It clears itself after each scan, ready for the next pack.
 */
export function ScanField({
  label,
  placeholder,
  onScan,
  autoFocus = true,
}: {
  label: string;
  placeholder?: string;
  onScan: (raw: string) => Promise<void> | void;
  autoFocus?: boolean;
}) {
  const { settings } = useApp();
  const [value, setValue] = useState('');
  const busy = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  // `autofocus` works only once per page load; a screen shown later focuses its field itself.
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  async function submit(event: Event) {
    event.preventDefault();
    const raw = normaliseTyped(value, settings.gsSubstitute);
    if (!raw || busy.current) return;
    busy.current = true;
    try {
      setValue('');
      await onScan(raw);
    } finally {
      busy.current = false;
      input.current?.focus();
    }
  }

  return (
    <form class="scan-field" onSubmit={submit}>
      <label class="field">
        <span class="field__label">{label}</span>
        <input
          ref={input}
          class="field__input field__input--scan"
          name="scan"
          value={value}
          onInput={(e) => setValue(e.currentTarget.value)}
          placeholder={placeholder}
          autocomplete="off"
          autocapitalize="off"
          spellcheck={false}
          enterkeyhint="done"
        />
      </label>
    </form>
  );
}
