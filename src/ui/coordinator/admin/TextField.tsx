interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string | undefined;
  error?: string | null | undefined;
  type?: 'text' | 'password';
  autoComplete?: string;
  /** A number typed on a phone or tablet: the digit keyboard. */
  numeric?: boolean | undefined;
  /** Where a dialog puts the focus when it opens (admin/Dialog.tsx). */
  autofocus?: boolean | undefined;
  /** Upper case as typed (an ATC code), keeping the caret where it was. */
  upper?: boolean | undefined;
}

/** A labelled input of the coordinators' forms, with its hint and error tied to it for screen readers. */
export function TextField({
  id,
  label,
  value,
  onInput,
  hint,
  error,
  type = 'text',
  autoComplete,
  numeric,
  autofocus,
  upper,
}: TextFieldProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const inputProps = {
    id,
    class: 'co-input',
    value,
    autoComplete,
    inputMode: numeric ? ('numeric' as const) : undefined,
    spellcheck: upper || numeric ? false : undefined,
    'aria-invalid': Boolean(error),
    'aria-describedby': described || undefined,
    'data-autofocus': autofocus ? true : undefined,
    onInput: (e: Event) => {
      const input = e.currentTarget as HTMLInputElement;
      if (upper) {
        const { selectionStart, selectionEnd } = input;
        input.value = input.value.toUpperCase();
        input.setSelectionRange(selectionStart, selectionEnd);
      }
      onInput(input.value);
    },
  };
  return (
    <div class="co-field">
      <label class="co-field__label" for={id}>
        {label}
      </label>
      {type === 'password' ? <input type="password" {...inputProps} /> : <input type="text" {...inputProps} />}
      {hint && (
        <span id={`${id}-hint`} class="co-field__hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} class="admin-field-error">
          {error}
        </span>
      )}
    </div>
  );
}
