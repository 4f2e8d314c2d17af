import { useId, useState } from 'preact/hooks';
import { PASSWORD_MIN_LENGTH, type UserAccount, userAccountSchema } from '../../../domain/auth/api.ts';
import { useApp } from '../../app-context.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatNumber, useLang } from '../../i18n.ts';
import { useAdminStrings } from '../admin-strings.ts';
import { apiErrorText } from './api-error-text.ts';
import { Dialog } from './Dialog.tsx';
import { TextField } from './TextField.tsx';
import { RoleField, useUserErrorText } from './UserFields.tsx';
import { roleChoices, type UserChangeDraft, type UserErrors, userChangeRequest } from './user-rules.ts';

/** "Change" (administrators): a user's name, role, or a new password — only what changed is sent. */
export function EditUserDialog({
  user,
  onSaved,
  onClose,
}: {
  user: UserAccount;
  onSaved: (message: string) => void;
  onClose: () => void;
}) {
  const t = useAdminStrings();
  const lang = useLang();
  const { api, user: me } = useApp();
  const id = useId();
  const errorText = useUserErrorText();
  const [draft, setDraft] = useState<UserChangeDraft>({ name: user.name, role: user.role, password: '' });
  const [errors, setErrors] = useState<UserErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isSelf = me?.id === user.id;
  const roles = me ? roleChoices(me, user) : [user.role];

  async function save(event: Event) {
    event.preventDefault();
    const checked = userChangeRequest(user, draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    if (checked.request === null) {
      onSaved(t.users.nothingChanged);
      return;
    }
    setBusy(true);
    setServerError(null);
    try {
      await api.send('PATCH', `/users/${encodeURIComponent(user.id)}`, checked.request, userAccountSchema);
      onSaved(t.users.saved(draft.name.trim()));
    } catch (error) {
      setServerError(apiErrorText(t, error));
      setBusy(false);
    }
  }

  return (
    <Dialog title={t.users.changeTitle(user.name)} onClose={onClose}>
      <form class="admin-dialog__body" onSubmit={(e) => void save(e)} noValidate>
        <TextField
          id={`${id}-name`}
          label={t.users.name}
          value={draft.name}
          onInput={(name) => {
            setDraft((d) => ({ ...d, name }));
            setErrors((e) => ({ ...e, name: undefined }));
          }}
          error={errors.name ? errorText(errors.name) : null}
          autoComplete="off"
        />
        <RoleField
          id={`${id}-role`}
          value={draft.role}
          roles={roles}
          hint={isSelf ? t.users.ownRole : undefined}
          onChange={(role) => setDraft((d) => ({ ...d, role }))}
        />
        <TextField
          id={`${id}-password`}
          label={t.users.newPassword}
          type="password"
          value={draft.password}
          onInput={(password) => {
            setDraft((d) => ({ ...d, password }));
            setErrors((e) => ({ ...e, password: undefined }));
          }}
          hint={t.users.newPasswordHint(formatNumber(lang, PASSWORD_MIN_LENGTH))}
          error={errors.password ? errorText(errors.password) : null}
          autoComplete="new-password"
        />
        <ErrorMessage>{serverError}</ErrorMessage>
        <div class="admin-dialog__actions">
          <button type="button" class="button" onClick={onClose}>
            {t.common.cancel}
          </button>
          <button type="submit" class="button button--primary" disabled={busy}>
            {t.users.save}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
