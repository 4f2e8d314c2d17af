import { useState } from 'preact/hooks';
import { PASSWORD_MIN_LENGTH, type Session } from '../../domain/auth/api.ts';
import { choosePin } from '../../identity/pin-rules.ts';
import { startSession } from '../../identity/session.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { AccessLayout } from './AccessLayout.tsx';
import { ChoosePinForm } from './ChoosePinScreen.tsx';
import { describeFailure } from './failure.ts';
import { enrollThisDevice, loadDemoData, setUpServer, signInOnline } from './online.ts';
import type { AccessScreenProps } from './props.ts';
import { ACCESS_STRINGS } from './strings.ts';

type Step =
  | { kind: 'account' }
  | { kind: 'device'; session: Session; password: string }
  | { kind: 'pin'; userId: string; note: string | null };

/**
 * The first start of a server, from the browser: the one-time code printed in the server's terminal
 * makes the first administrator. Then, in one tap, this device is enrolled for counting (and the demo
 * data loaded into an empty server), and the administrator chooses a PIN — a newcomer is counting
 * within a minute. A browser only used for coordinating skips the enrollment.
 */
export function SetupScreen(props: AccessScreenProps & { onSetupDone: () => void }) {
  const { db, lang, onLangChange, onChanged, onSetupDone } = props;
  const t = ACCESS_STRINGS[lang];
  const [step, setStep] = useState<Step>({ kind: 'account' });

  async function finish() {
    onSetupDone();
    await onChanged();
  }

  return (
    <AccessLayout
      id="setup"
      title={
        step.kind === 'account' ? t.setup.title : step.kind === 'device' ? t.setup.createdTitle : t.choosePin.title
      }
      intro={
        step.kind === 'account'
          ? t.setup.intro
          : step.kind === 'device'
            ? t.setup.created(step.session.user.name)
            : t.choosePin.intro
      }
      lang={lang}
      onLangChange={onLangChange}
    >
      {step.kind === 'account' && (
        <AccountForm {...props} onCreated={(session, password) => setStep({ kind: 'device', session, password })} />
      )}
      {step.kind === 'device' && (
        <DeviceChoice
          {...props}
          session={step.session}
          password={step.password}
          onEnrolled={(note) => setStep({ kind: 'pin', userId: step.session.user.id, note })}
          onCoordinateOnly={async () => {
            await startSession(db, step.session.user.id, 'password');
            await finish();
          }}
        />
      )}
      {step.kind === 'pin' && (
        <div class="access__card">
          {step.note && (
            <p class="message message--info" role="status">
              {step.note}
            </p>
          )}
          <ChoosePinForm
            t={t}
            onChoose={async (pin, repeated) => {
              const problem = await choosePin(db, step.userId, pin, repeated);
              if (!problem) await finish();
              return problem;
            }}
          />
        </div>
      )}
    </AccessLayout>
  );
}

function AccountForm({
  db,
  lang,
  onCreated,
}: AccessScreenProps & { onCreated: (session: Session, password: string) => void }) {
  const t = ACCESS_STRINGS[lang];
  const [form, setForm] = useState({ code: '', name: '', username: '', password: '', again: '' });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onInput: (e: { currentTarget: HTMLInputElement }) => setForm({ ...form, [key]: e.currentTarget.value }),
  });

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (form.password !== form.again) {
      setMessage(t.setup.passwordsDiffer);
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const request = {
        code: form.code.trim(),
        name: form.name.trim(),
        username: form.username.trim().toLowerCase(),
        password: form.password,
      };
      onCreated(await setUpServer(db, request), form.password);
    } catch (error) {
      setMessage(describeFailure(error, t, t.setup.codeRefused));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="access__card access__form" onSubmit={submit} aria-busy={busy}>
      <div class="field">
        <label class="field__label" for="setup-code">
          {t.setup.code}
        </label>
        <input
          class="field__input access__code"
          id="setup-code"
          name="setup-code"
          aria-describedby="setup-code-hint"
          autocomplete="off"
          spellcheck={false}
          required
          {...field('code')}
        />
        <span id="setup-code-hint" class="field__hint">
          {t.setup.codeHint}
        </span>
      </div>
      <label class="field">
        <span class="field__label">{t.setup.name}</span>
        <input class="field__input" name="name" autocomplete="name" required {...field('name')} />
      </label>
      <div class="field">
        <label class="field__label" for="setup-username">
          {t.setup.username}
        </label>
        <input
          class="field__input"
          id="setup-username"
          name="username"
          aria-describedby="setup-username-hint"
          autocomplete="username"
          autocapitalize="none"
          spellcheck={false}
          required
          minLength={2}
          pattern="[A-Za-z0-9._@\-]+"
          {...field('username')}
        />
        <span id="setup-username-hint" class="field__hint">
          {t.setup.usernameHint}
        </span>
      </div>
      <div class="field">
        <label class="field__label" for="setup-password">
          {t.setup.password}
        </label>
        <input
          class="field__input"
          id="setup-password"
          name="password"
          aria-describedby="setup-password-hint"
          type="password"
          autocomplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          {...field('password')}
        />
        <span id="setup-password-hint" class="field__hint">
          {t.setup.passwordHint}
        </span>
      </div>
      <label class="field">
        <span class="field__label">{t.setup.passwordAgain}</span>
        <input
          class="field__input"
          name="password-again"
          type="password"
          autocomplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          {...field('again')}
        />
      </label>
      <ErrorMessage>{message}</ErrorMessage>
      <button type="submit" class="button button--primary access__big" disabled={busy}>
        {busy ? t.working : t.setup.create}
      </button>
    </form>
  );
}

function DeviceChoice({
  db,
  lang,
  session,
  password,
  onEnrolled,
  onCoordinateOnly,
}: AccessScreenProps & {
  session: Session;
  password: string;
  onEnrolled: (note: string | null) => void;
  onCoordinateOnly: () => Promise<void>;
}) {
  const t = ACCESS_STRINGS[lang];
  const [label, setLabel] = useState(t.setup.deviceLabelDefault);
  const [demo, setDemo] = useState(true);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function useForCounting(event: Event) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      await enrollThisDevice(db, session.token, label.trim() || t.setup.deviceLabelDefault);
      // Signed in again, now from the enrolled device: the server accepts the administrator's counts
      // only from devices they have signed in on.
      await signInOnline(db, { username: session.user.username, password });
      const fresh = (await db.knownUsers.get(session.user.id))?.sessionToken ?? session.token;
      const note = demo ? ((await loadDemoData(db, fresh)) ? t.setup.demoLoaded : t.setup.demoSkipped) : null;
      onEnrolled(note);
    } catch (error) {
      setMessage(describeFailure(error, t));
      setBusy(false);
    }
  }

  return (
    <form class="access__card access__form" onSubmit={useForCounting} aria-busy={busy}>
      <label class="field">
        <span class="field__label">{t.setup.deviceLabel}</span>
        <input
          class="field__input"
          name="device-label"
          value={label}
          onInput={(e) => setLabel(e.currentTarget.value)}
        />
      </label>
      <label class="access__check">
        <input type="checkbox" checked={demo} onChange={(e) => setDemo(e.currentTarget.checked)} />
        <span>{t.setup.loadDemo}</span>
      </label>
      <ErrorMessage>{message}</ErrorMessage>
      <button type="submit" class="button button--primary access__big" disabled={busy}>
        {busy ? t.working : t.setup.useForCounting}
      </button>
      <button type="button" class="button" disabled={busy} onClick={() => void onCoordinateOnly()}>
        {t.setup.coordinateOnly}
      </button>
    </form>
  );
}
