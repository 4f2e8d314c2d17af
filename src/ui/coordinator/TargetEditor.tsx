import { useEffect, useRef, useState } from 'preact/hooks';
import { setTargetLevelSchema } from '../../domain/overview/master-data-api.ts';
import { useApp } from '../app-context.ts';
import { formatNumber, useLang } from '../i18n.ts';
import { overviewStrings } from './overview-strings.ts';
import { parseTargetInput } from './stock-figures.ts';

interface TargetEditorProps {
  siteCode: string;
  gtin: string;
  current: number | null;
  productName: string;
  siteName: string;
  /** After the server stored it: a sentence for the screen's status line. */
  onSaved: (message: string) => void;
  onClose: () => void;
}

/**
 * Editing one target level in place (administrators): a whole number of packs, or empty to remove
 * it. Checked as typed before anything is sent; the server's refusal is shown beside the field.
 * Enter saves, Escape cancels.
 */
export function TargetEditor({ siteCode, gtin, current, productName, siteName, onSaved, onClose }: TargetEditorProps) {
  const { api } = useApp();
  const lang = useLang();
  const t = overviewStrings[lang].target;
  const [text, setText] = useState(current === null ? '' : String(current));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = `target-${siteCode}-${gtin}`;

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    const parsed = parseTargetInput(text);
    if (!parsed.ok) {
      setError(t.invalid);
      input.current?.focus();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const stored = await api.send(
        'PUT',
        '/target-levels',
        { siteCode, gtin, targetPacks: parsed.targetPacks },
        setTargetLevelSchema,
      );
      onSaved(
        stored.targetPacks === null
          ? t.removed(productName, siteName)
          : t.saved(productName, siteName, overviewStrings[lang].packs(formatNumber(lang, stored.targetPacks))),
      );
    } catch (failure) {
      setError(t.failed(failure instanceof Error ? failure.message : String(failure)));
      setSaving(false);
    }
  }

  return (
    <form
      class="target-editor"
      onSubmit={save}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <label class="visually-hidden" for={id}>
        {t.input(productName, siteName)}
      </label>
      <input
        ref={input}
        id={id}
        class="co-input co-input--narrow"
        inputMode="numeric"
        autoComplete="off"
        value={text}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={`${id}-hint`}
        onInput={(event) => {
          setText(event.currentTarget.value);
          setError(null);
        }}
      />
      <button type="submit" class="button button--small" disabled={saving}>
        {saving ? t.saving : t.save}
      </button>
      <button type="button" class="button button--small button--quiet" onClick={onClose}>
        {t.cancel}
      </button>
      <span
        id={`${id}-hint`}
        class={error ? 'target-editor__error' : 'co-field__hint'}
        role={error ? 'alert' : undefined}
      >
        {error ?? t.hint}
      </span>
    </form>
  );
}
