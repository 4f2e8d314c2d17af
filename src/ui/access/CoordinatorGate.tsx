import type { ComponentChildren } from 'preact';
import { can } from '../../domain/auth/roles.ts';
import type { KnownUser } from '../../store/db.ts';
import type { Lang } from '../i18n.ts';
import { MENU_STRINGS } from './menu-strings.ts';

/**
 * The coordinator screens need a supervisor or administrator (the server checks every call too) and
 * an online session: someone signed in with a PIN gives their password first (`reauth`).
 */
export function CoordinatorGate({
  user,
  hasSession,
  lang,
  reauth,
  children,
}: {
  user: KnownUser;
  hasSession: boolean;
  lang: Lang;
  reauth: ComponentChildren;
  children: ComponentChildren;
}) {
  if (!can(user.role, 'overview:read')) {
    return (
      <p class="message message--error" role="alert">
        {MENU_STRINGS[lang].needsRole}
      </p>
    );
  }
  return <>{hasSession ? children : reauth}</>;
}
