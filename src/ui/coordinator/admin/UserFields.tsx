import { PASSWORD_MIN_LENGTH } from '../../../domain/auth/api.ts';
import type { UserRole } from '../../../domain/users.ts';
import { formatNumber, useLang } from '../../i18n.ts';
import { useAdminStrings } from '../admin-strings.ts';
import type { UserFieldError } from './user-rules.ts';

/** The error text of a user form field, in the person's language. */
export function useUserErrorText(): (error: UserFieldError | 'username-taken') => string {
  const t = useAdminStrings();
  const lang = useLang();
  return (error) =>
    error === 'password-too-short'
      ? t.users.errors['password-too-short'](formatNumber(lang, PASSWORD_MIN_LENGTH))
      : t.users.errors[error];
}

/** The role picker: only the roles the signed-in user may hand out (a single one: shown, not changeable). */
export function RoleField({
  id,
  value,
  roles,
  hint,
  onChange,
}: {
  id: string;
  value: UserRole;
  roles: readonly UserRole[];
  hint?: string | undefined;
  onChange: (role: UserRole) => void;
}) {
  const t = useAdminStrings();
  return (
    <div class="co-field">
      <label class="co-field__label" for={id}>
        {t.users.role}
      </label>
      <select
        id={id}
        class="co-input"
        value={value}
        disabled={roles.length < 2}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => {
          const role = roles.find((r) => r === e.currentTarget.value);
          if (role) onChange(role);
        }}
      >
        {roles.map((role) => (
          <option key={role} value={role}>
            {t.roles[role]}
          </option>
        ))}
      </select>
      {hint && (
        <span id={`${id}-hint`} class="co-field__hint">
          {hint}
        </span>
      )}
    </div>
  );
}
