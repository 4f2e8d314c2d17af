import { useState } from 'preact/hooks';
import { can } from '../../domain/auth/roles.ts';
import { signOut } from '../../identity/session.ts';
import { forgetSession } from '../../store/known-users.ts';
import { AccessLayout } from './AccessLayout.tsx';
import { EnrollPanel } from './EnrollPanel.tsx';
import { describeFailure } from './failure.ts';
import { signInOnline } from './online.ts';
import { PasswordForm } from './PasswordForm.tsx';
import type { AccessScreenProps } from './props.ts';
import { ACCESS_STRINGS } from './strings.ts';

/**
 * A device that is not enrolled: enroll it with the code a supervisor shows (scan the QR code, or
 * type the code; a link `/enroll?code=…` opened by a phone's camera fills it in), or — in a
 * coordinator's browser that will never count — sign in online without enrolling.
 */
export function WelcomeScreen({
  db,
  lang,
  onLangChange,
  onChanged,
  initialCode,
  coordinatorFirst = false,
}: AccessScreenProps & { initialCode: string | null; coordinatorFirst?: boolean }) {
  const t = ACCESS_STRINGS[lang];
  const [coordinator, setCoordinator] = useState(coordinatorFirst);

  async function signInAsCoordinator(credentials: { username: string; password: string }): Promise<string | null> {
    try {
      const user = await signInOnline(db, credentials);
      if (!can(user.role, 'overview:read')) {
        // A counter's place is an enrolled device; this browser keeps nothing of their session.
        await signOut(db);
        await forgetSession(db, user.userId);
        return t.welcome.counterNotHere;
      }
      await onChanged();
      return null;
    } catch (error) {
      return describeFailure(error, t, t.signIn.wrong);
    }
  }

  return (
    <AccessLayout
      id="welcome"
      title={t.welcome.title}
      intro={t.welcome.intro}
      lang={lang}
      onLangChange={onLangChange}
      wide
    >
      <div class="access__columns">
        <EnrollPanel db={db} lang={lang} initialCode={initialCode} onChanged={onChanged} />
        <div class="access__card access__card--quiet">
          {coordinator ? (
            <PasswordForm
              title={t.signIn.coordinatorTitle}
              onSubmit={signInAsCoordinator}
              onCancel={() => setCoordinator(false)}
            />
          ) : (
            <>
              <h3 class="access__subtitle">{t.welcome.coordinatorTitle}</h3>
              <p class="access__text">{t.welcome.coordinatorIntro}</p>
              <button type="button" class="button" onClick={() => setCoordinator(true)}>
                {t.welcome.coordinator}
              </button>
            </>
          )}
        </div>
      </div>
    </AccessLayout>
  );
}
