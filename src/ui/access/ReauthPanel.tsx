import type { KnownUser } from '../../store/db.ts';
import { PasswordForm } from './PasswordForm.tsx';
import { passwordSignIn } from './password-sign-in.ts';
import type { AccessScreenProps } from './props.ts';
import { ACCESS_STRINGS } from './strings.ts';

/**
 * The coordinator screens need an online session; a user signed in with a PIN (or whose session has
 * ended) gets it here with their password, without leaving what they were doing.
 */
export function ReauthPanel({
  db,
  lang,
  onChanged,
  user,
}: Omit<AccessScreenProps, 'onLangChange'> & { user: KnownUser }) {
  const t = ACCESS_STRINGS[lang];
  return (
    <section class="access access--inline" data-testid="reauth">
      <div class="access__card">
        <PasswordForm
          title={t.signIn.title}
          intro={t.signIn.again}
          initialUsername={user.username}
          onSubmit={(credentials) => passwordSignIn(db, credentials, t, onChanged)}
        />
      </div>
    </section>
  );
}
