import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useAdminStrings } from '../admin-strings.ts';
import { apiErrorText } from './api-error-text.ts';
import { Dialog } from './Dialog.tsx';

interface ConfirmDialogProps {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  /** Runs the action; a failure is shown in the dialog, which stays open. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  danger?: boolean;
}

/** "Approve the stock-take?" — for the few steps that cannot be undone (UX.md: finish, revoke). */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
  danger = false,
}: ConfirmDialogProps) {
  const t = useAdminStrings();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (failure) {
      setError(apiErrorText(t, failure));
      setBusy(false);
    }
  }

  return (
    <Dialog title={title} onClose={onClose}>
      <div class="admin-dialog__body">{children}</div>
      <ErrorMessage>{error}</ErrorMessage>
      <div class="admin-dialog__actions">
        <button type="button" class="button" onClick={onClose} data-autofocus>
          {t.common.cancel}
        </button>
        <button
          type="button"
          class={`button button--primary${danger ? ' admin-button--danger' : ''}`}
          onClick={() => void confirm()}
          disabled={busy}
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
