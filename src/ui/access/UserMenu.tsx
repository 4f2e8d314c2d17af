import { can } from '../../domain/auth/roles.ts';
import type { KnownUser } from '../../store/db.ts';
import type { Lang } from '../i18n.ts';
import { MENU_STRINGS } from './menu-strings.ts';
import './menu.css';

/**
 * Who is signed in, in the nav, with "Switch user" on a shared (enrolled) device and "Sign out";
 * supervisors and administrators also get the way to the coordinator screens.
 */
export function UserMenu({
  user,
  lang,
  enrolled,
  overviewCurrent,
  onOverview,
  onSwitchUser,
  onSignOut,
}: {
  user: KnownUser;
  lang: Lang;
  enrolled: boolean;
  overviewCurrent: boolean;
  onOverview: () => void;
  onSwitchUser: () => void;
  onSignOut: () => void;
}) {
  const t = MENU_STRINGS[lang];
  return (
    <>
      {can(user.role, 'overview:read') && (
        <button
          type="button"
          class="button button--quiet"
          aria-current={overviewCurrent ? 'page' : undefined}
          onClick={onOverview}
        >
          {t.overview}
        </button>
      )}
      <span class="user-menu" data-testid="signed-in-user">
        <span class="user-menu__name">{t.signedIn(user.name)}</span>
        {enrolled && (
          <button type="button" class="button button--quiet" onClick={onSwitchUser}>
            {t.switchUser}
          </button>
        )}
        <button type="button" class="button button--quiet" onClick={onSignOut}>
          {t.signOut}
        </button>
      </span>
    </>
  );
}
