import { useId, useState } from 'preact/hooks';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useAdminStrings } from '../admin-strings.ts';
import { apiErrorText } from './api-error-text.ts';
import { Dialog } from './Dialog.tsx';

interface ReasonDialogProps {
  title: string;
  text: string;
  confirmLabel: string;
  /** Runs the action with the reason typed; a failure is shown in the dialog, which stays open. */
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}

const REASON_MAX_LENGTH = 500;

/** Revoking a device or a user: a confirmation that also asks why (the reason goes to the audit log). */
export function ReasonDialog({ title, text, confirmLabel, onConfirm, onClose }: ReasonDialogProps) {
  const t = useAdminStrings();
  const id = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (reason.trim() === '') {
      setMissing(true);
      document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onConfirm(reason.trim());
    } catch (failure) {
      setError(apiErrorText(t, failure));
      setBusy(false);
    }
  }

  return (
    <Dialog title={title} onClose={onClose}>
      <form class="admin-dialog__body" onSubmit={(e) => void submit(e)} noValidate>
        <p>{text}</p>
        <div class="co-field">
          <label class="co-field__label" for={`${id}-reason`}>
            {t.reason.label} ({t.common.required})
          </label>
          <textarea
            id={`${id}-reason`}
            class="co-input admin-textarea"
            rows={3}
            maxLength={REASON_MAX_LENGTH}
            value={reason}
            aria-invalid={missing}
            aria-describedby={missing ? `${id}-missing` : undefined}
            onInput={(e) => {
              setReason(e.currentTarget.value);
              setMissing(false);
            }}
            data-autofocus
          />
          {missing && (
            <span id={`${id}-missing`} class="admin-field-error">
              {t.reason.missing}
            </span>
          )}
        </div>
        <ErrorMessage>{error}</ErrorMessage>
        <div class="admin-dialog__actions">
          <button type="button" class="button" onClick={onClose}>
            {t.common.cancel}
          </button>
          <button type="submit" class="button button--primary admin-button--danger" disabled={busy}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
