import { useState } from 'preact/hooks';
import { INACTIVITY_LOCK_MS } from '../../domain/auth/api.ts';
import { unlockWithPin } from '../../identity/pin-session.ts';
import { signOut } from '../../identity/session.ts';
import type { KnownUser } from '../../store/db.ts';
import { AccessLayout } from './AccessLayout.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { PinPad } from './PinPad.tsx';
import { passwordSignIn } from './password-sign-in.ts';
import { pinRefusal } from './pin-message.ts';
import type { AccessScreenProps } from './props.ts';
import { ACCESS_STRINGS } from './strings.ts';
import { initials } from './UserPickerScreen.tsx';

/**
 * The soft lock: the signed-in user's PIN opens the app where it was; anyone else switches user.
 * Nothing counted is affected. When the PIN can no longer be used (too many wrong, or too long away
 * from the server) the password opens it, online.
 */
export function LockScreen({ db, lang, onLangChange, onChanged, user }: AccessScreenProps & { user: KnownUser }) {
  const t = ACCESS_STRINGS[lang];
  const [passwordNote, setPasswordNote] = useState<string | null>(user.pin ? null : t.pin.noPin);

  async function unlock(pin: string): Promise<string | null> {
    const check = await unlockWithPin(db, user.userId, pin);
    if (check.ok) {
      await onChanged();
      return null;
    }
    const refusal = pinRefusal(check, lang);
    if (!refusal.needsPassword) return refusal.text;
    setPasswordNote(refusal.text);
    return null;
  }

  async function switchUser() {
    await signOut(db);
    await onChanged();
  }

  return (
    <AccessLayout
      id="lock"
      title={t.lock.title}
      intro={t.lock.intro(user.name, Math.round(INACTIVITY_LOCK_MS / 60_000))}
      lang={lang}
      onLangChange={onLangChange}
    >
      <div class="access__card">
        <p class="access__who">
          <span class="access__avatar" aria-hidden="true">
            {initials(user.name)}
          </span>
          {user.name}
        </p>
        {passwordNote === null ? (
          <PinPad label={t.pin.label(user.name)} submitLabel={t.pin.open} onSubmit={unlock} />
        ) : (
          <>
            <p class="message message--error" role="alert">
              {passwordNote}
            </p>
            <PasswordForm
              title={t.signIn.title}
              initialUsername={user.username}
              onSubmit={(credentials) => passwordSignIn(db, credentials, t, onChanged)}
            />
          </>
        )}
      </div>
      <button type="button" class="button access__big" onClick={() => void switchUser()}>
        {t.lock.switchUser}
      </button>
    </AccessLayout>
  );
}
