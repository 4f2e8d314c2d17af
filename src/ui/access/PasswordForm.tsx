import { useState } from 'preact/hooks';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useLang } from '../i18n.ts';
import { ACCESS_STRINGS } from './strings.ts';

/**
 * Username and password, for an online sign-in. `onSubmit` answers a message to show, or null when
 * signed in (the form is then replaced by whatever comes next).
 */
export function PasswordForm({
  title,
  intro,
  initialUsername = '',
  onSubmit,
  onCancel,
}: {
  title: string;
  intro?: string;
  initialUsername?: string;
  onSubmit: (credentials: { username: string; password: string }) => Promise<string | null>;
  onCancel?: () => void;
}) {
  const t = ACCESS_STRINGS[useLang()];
  const [username, setUsername] = useState(initialUsername);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      // The password stays in the field: after "no connection" the same tap must work once online.
      setMessage(await onSubmit({ username: username.trim().toLowerCase(), password }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="access__form" onSubmit={submit} aria-busy={busy}>
      <h3 class="access__subtitle">{title}</h3>
      {intro && <p class="access__text">{intro}</p>}
      <label class="field">
        <span class="field__label">{t.signIn.username}</span>
        <input
          class="field__input"
          name="username"
          autocomplete="username"
          autocapitalize="none"
          spellcheck={false}
          required
          value={username}
          onInput={(e) => setUsername(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span class="field__label">{t.signIn.password}</span>
        <input
          class="field__input"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
      </label>
      <ErrorMessage>{message}</ErrorMessage>
      <div class="access__actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? t.working : t.signIn.submit}
        </button>
        {onCancel && (
          <button type="button" class="button" onClick={onCancel} disabled={busy}>
            {t.back}
          </button>
        )}
      </div>
    </form>
  );
}
