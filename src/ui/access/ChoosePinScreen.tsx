import { useState } from 'preact/hooks';
import { choosePin, type PinChoiceProblem } from '../../identity/pin-rules.ts';
import type { KnownUser } from '../../store/db.ts';
import { AccessLayout } from './AccessLayout.tsx';
import type { AccessScreenProps } from './props.ts';
import { ACCESS_STRINGS, type AccessStrings } from './strings.ts';

/** After the first online sign-in on an enrolled device: the PIN for offline sign-in and the lock, typed twice. */
export function ChoosePinScreen({ db, lang, onLangChange, onChanged, user }: AccessScreenProps & { user: KnownUser }) {
  const t = ACCESS_STRINGS[lang];
  return (
    <AccessLayout
      id="choose-pin"
      title={t.choosePin.title}
      intro={t.choosePin.intro}
      lang={lang}
      onLangChange={onLangChange}
    >
      <div class="access__card">
        <p class="access__who">{user.name}</p>
        <ChoosePinForm
          t={t}
          onChoose={async (pin, repeated) => {
            const problem = await choosePin(db, user.userId, pin, repeated);
            if (!problem) await onChanged();
            return problem;
          }}
        />
      </div>
    </AccessLayout>
  );
}

/** The two PIN fields; `onChoose` answers what is wrong with the choice, or null when it is saved. */
export function ChoosePinForm({
  t,
  onChoose,
}: {
  t: AccessStrings;
  onChoose: (pin: string, repeated: string) => Promise<PinChoiceProblem | null>;
}) {
  const [pin, setPin] = useState('');
  const [repeated, setRepeated] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<PinChoiceProblem | null>(null);
  const digits = (value: string) => value.replace(/\D/g, '').slice(0, 10);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const found = await onChoose(pin, repeated);
      setProblem(found);
      if (found) setRepeated('');
    } finally {
      setBusy(false);
    }
  }

  const messages: Record<PinChoiceProblem, string> = {
    malformed: t.choosePin.malformed,
    'too-simple': t.choosePin.tooSimple,
    mismatch: t.choosePin.mismatch,
  };
  return (
    <form class="access__form" onSubmit={submit} aria-busy={busy}>
      <label class="field">
        <span class="field__label">{t.choosePin.pin}</span>
        <input
          class="field__input pin-pad__input"
          name="new-pin"
          type="password"
          inputMode="numeric"
          autocomplete="new-password"
          required
          value={pin}
          onInput={(e) => setPin(digits(e.currentTarget.value))}
        />
      </label>
      <label class="field">
        <span class="field__label">{t.choosePin.again}</span>
        <input
          class="field__input pin-pad__input"
          name="new-pin-again"
          type="password"
          inputMode="numeric"
          autocomplete="new-password"
          required
          value={repeated}
          onInput={(e) => setRepeated(digits(e.currentTarget.value))}
        />
      </label>
      {problem && (
        <p class="message message--error" role="alert">
          {messages[problem]}
        </p>
      )}
      <button type="submit" class="button button--primary access__big" disabled={busy}>
        {busy ? t.working : t.choosePin.save}
      </button>
    </form>
  );
}
