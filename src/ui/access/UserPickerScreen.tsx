import { useState } from 'preact/hooks';
import { signInWithPin } from '../../identity/pin-session.ts';
import type { KnownUser } from '../../store/db.ts';
import { listKnownUsers } from '../../store/known-users.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useLiveQuery } from '../hooks/use-live-query.ts';
import { AccessLayout } from './AccessLayout.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { PinPad } from './PinPad.tsx';
import { passwordSignIn } from './password-sign-in.ts';
import { pinRefusal } from './pin-message.ts';
import type { AccessScreenProps } from './props.ts';
import { ACCESS_STRINGS } from './strings.ts';

type Step = { kind: 'list' } | { kind: 'pin'; user: KnownUser } | { kind: 'password'; username: string; note?: string };

/**
 * Who is counting, on an enrolled (shared) device: the people who have signed in on it, each opening
 * with their PIN — no network needed. Someone new signs in online with their password once.
 */
export function UserPickerScreen({
  db,
  lang,
  onLangChange,
  onChanged,
  deviceLabel,
}: AccessScreenProps & { deviceLabel: string }) {
  const t = ACCESS_STRINGS[lang];
  const users = useLiveQuery(() => listKnownUsers(db), [db], null);
  const [step, setStep] = useState<Step>({ kind: 'list' });

  async function withPin(user: KnownUser, pin: string): Promise<string | null> {
    const check = await signInWithPin(db, user.userId, pin);
    if (check.ok) {
      await onChanged();
      return null;
    }
    const refusal = pinRefusal(check, lang);
    if (!refusal.needsPassword) return refusal.text;
    // Only the password helps now (online): the form comes in place of the PIN pad, with the reason.
    setStep({ kind: 'password', username: user.username, note: refusal.text });
    return null;
  }

  function withPassword(credentials: { username: string; password: string }): Promise<string | null> {
    return passwordSignIn(db, credentials, t, onChanged);
  }

  if (users === null) return null;

  return (
    <AccessLayout
      id="user-picker"
      title={t.picker.title}
      intro={step.kind === 'list' && users.length > 0 ? t.picker.intro : undefined}
      lang={lang}
      onLangChange={onLangChange}
      wide={step.kind === 'list'}
    >
      <p class="access__device">{t.picker.device(deviceLabel)}</p>
      {step.kind === 'list' && (
        <>
          {users.length === 0 ? (
            <p class="access__text">{t.picker.nobody}</p>
          ) : (
            <ul class="access__users">
              {users.map((user) => (
                <li key={user.userId}>
                  <button
                    type="button"
                    class="card card--button access__user"
                    data-testid="known-user"
                    onClick={() =>
                      setStep(
                        user.pin
                          ? { kind: 'pin', user }
                          : { kind: 'password', username: user.username, note: t.pin.noPin },
                      )
                    }
                  >
                    <span class="access__avatar" aria-hidden="true">
                      {initials(user.name)}
                    </span>
                    <span class="card__title">{user.name}</span>
                    <span class="card__line">
                      {t.roles[user.role]}
                      {user.pin ? '' : ` · ${t.picker.noPin}`}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div class="access__card access__card--quiet">
            <button
              type="button"
              class={`button ${users.length === 0 ? 'button--primary' : ''} access__big`}
              onClick={() => setStep({ kind: 'password', username: '' })}
            >
              {t.picker.firstTime}
            </button>
            <p class="access__text access__text--muted">{t.picker.firstTimeHint}</p>
          </div>
        </>
      )}
      {step.kind === 'pin' && (
        <div class="access__card">
          <p class="access__who">
            <span class="access__avatar" aria-hidden="true">
              {initials(step.user.name)}
            </span>
            {step.user.name}
          </p>
          <PinPad
            label={t.pin.label(step.user.name)}
            submitLabel={t.pin.open}
            onSubmit={(pin) => withPin(step.user, pin)}
          />
          <button type="button" class="button" onClick={() => setStep({ kind: 'list' })}>
            {t.back}
          </button>
        </div>
      )}
      {step.kind === 'password' && (
        <div class="access__card">
          <ErrorMessage>{step.note}</ErrorMessage>
          <PasswordForm
            title={t.signIn.title}
            intro={step.username ? undefined : t.picker.firstTimeHint}
            initialUsername={step.username}
            onSubmit={withPassword}
            onCancel={() => setStep({ kind: 'list' })}
          />
        </div>
      )}
    </AccessLayout>
  );
}

/** Up to two initials, for the round badge beside a name. */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}
