import type { PinCheck } from '../../identity/pin-rules.ts';
import { formatDateTime, type Lang } from '../i18n.ts';
import { ACCESS_STRINGS } from './strings.ts';

/** What a refused PIN means for the person, and whether only the password (online) helps now. */
export function pinRefusal(
  check: Exclude<PinCheck, { ok: true }>,
  lang: Lang,
): { text: string; needsPassword: boolean } {
  const t = ACCESS_STRINGS[lang].pin;
  switch (check.reason) {
    case 'wrong':
      return { text: t.wrong(check.attemptsLeft), needsPassword: false };
    case 'malformed':
      return { text: t.malformed, needsPassword: false };
    case 'too-many-attempts':
      return { text: t.tooMany, needsPassword: true };
    case 'offline-too-long':
      return { text: t.offlineTooLong(formatDateTime(lang, check.lastOnlineAt)), needsPassword: true };
    case 'revoked':
      return { text: t.revoked, needsPassword: false };
    case 'no-pin':
    case 'unknown-user':
      return { text: t.noPin, needsPassword: true };
  }
}
