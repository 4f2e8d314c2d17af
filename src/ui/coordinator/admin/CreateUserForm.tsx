import { useId, useState } from 'preact/hooks';
import { PASSWORD_MIN_LENGTH, type UserAccount, userAccountSchema } from '../../../domain/auth/api.ts';
import type { UserRole } from '../../../domain/users.ts';
import { ApiCallError } from '../../api-client.ts';
import { useApp } from '../../app-context.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatNumber, useLang } from '../../i18n.ts';
import { useAdminStrings } from '../admin-strings.ts';
import { apiErrorText } from './api-error-text.ts';
import { TextField } from './TextField.tsx';
import { RoleField, useUserErrorText } from './UserFields.tsx';
import { type NewUserDraft, newUserRequest, type UserErrors, type UserField } from './user-rules.ts';

/** "New user" (administrators): username, name, role and a first password with the policy of api.ts. */
export function CreateUserForm({
  roles,
  onCreated,
  onCancel,
}: {
  roles: readonly UserRole[];
  onCreated: (user: UserAccount) => void;
  onCancel: () => void;
}) {
  const t = useAdminStrings();
  const lang = useLang();
  const { api } = useApp();
  const id = useId();
  const errorText = useUserErrorText();
  const [draft, setDraft] = useState<NewUserDraft>({ username: '', name: '', role: 'counter', password: '' });
  const [errors, setErrors] = useState<UserErrors>({});
  const [taken, setTaken] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = (field: UserField) => `${id}-${field}`;

  function update(field: keyof NewUserDraft, value: string) {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    if (field === 'username') setTaken(false);
  }

  async function submit(event: Event) {
    event.preventDefault();
    const checked = newUserRequest(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = (['username', 'name', 'password'] as const).find((f) => checked.errors[f]);
      if (first) document.getElementById(fieldId(first))?.focus();
      return;
    }
    setBusy(true);
    setServerError(null);
    try {
      onCreated(await api.send('POST', '/users', checked.request, userAccountSchema));
    } catch (error) {
      // 409: the username belongs to someone already.
      if (error instanceof ApiCallError && error.status === 409) {
        setTaken(true);
        document.getElementById(fieldId('username'))?.focus();
      } else setServerError(apiErrorText(t, error));
      setBusy(false);
    }
  }

  const usernameError = taken ? errorText('username-taken') : errors.username ? errorText(errors.username) : null;
  return (
    <form class="co-panel admin-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} class="co-panel__title">
        {t.users.createTitle}
      </h2>
      <div class="admin-form__row">
        <TextField
          id={fieldId('username')}
          label={t.users.username}
          value={draft.username}
          onInput={(v) => update('username', v)}
          hint={t.users.usernameHint}
          error={usernameError}
          autoComplete="off"
        />
        <TextField
          id={fieldId('name')}
          label={t.users.name}
          value={draft.name}
          onInput={(v) => update('name', v)}
          error={errors.name ? errorText(errors.name) : null}
          autoComplete="off"
        />
        <RoleField id={`${id}-role`} value={draft.role} roles={roles} onChange={(role) => update('role', role)} />
        <TextField
          id={fieldId('password')}
          label={t.users.password}
          type="password"
          value={draft.password}
          onInput={(v) => update('password', v)}
          hint={t.users.passwordHint(formatNumber(lang, PASSWORD_MIN_LENGTH))}
          error={errors.password ? errorText(errors.password) : null}
          autoComplete="new-password"
        />
      </div>
      <ErrorMessage>{serverError}</ErrorMessage>
      <div class="admin-form__actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? t.users.creating : t.users.create}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}
