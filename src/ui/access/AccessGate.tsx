import type { Access } from '../../identity/access.ts';
import type { LagerkollDb } from '../../store/db.ts';
import type { Lang } from '../i18n.ts';
import { lazyComponent } from '../lazy.tsx';
import type { Route } from '../router.ts';

const accessScreens = () => import('./access-screens.ts');
const SetupScreen = lazyComponent(() => accessScreens().then((m) => m.SetupScreen));
const WelcomeScreen = lazyComponent(() => accessScreens().then((m) => m.WelcomeScreen));
const UserPickerScreen = lazyComponent(() => accessScreens().then((m) => m.UserPickerScreen));
const ChoosePinScreen = lazyComponent(() => accessScreens().then((m) => m.ChoosePinScreen));
const LockScreen = lazyComponent(() => accessScreens().then((m) => m.LockScreen));
const RevokedScreen = lazyComponent(() => accessScreens().then((m) => m.RevokedScreen));
export const ReauthPanel = lazyComponent(() => accessScreens().then((m) => m.ReauthPanel));

/**
 * What the person sees before any other screen (identity/access.ts decides which): setting up the
 * server, enrolling the device, picking a user, choosing a PIN, the lock, or a revoked device.
 */
export function AccessGate({
  access,
  route,
  db,
  lang,
  onLangChange,
  deviceLabel,
  onChanged,
  onSetupDone,
}: {
  access: Exclude<Access, { kind: 'signed-in' }>;
  route: Route;
  db: LagerkollDb;
  lang: Lang;
  onLangChange: (lang: Lang) => void;
  deviceLabel: string;
  onChanged: () => Promise<void>;
  onSetupDone: () => void;
}) {
  const common = { db, lang, onLangChange, onChanged };
  switch (access.kind) {
    case 'setup':
      return <SetupScreen {...common} onSetupDone={onSetupDone} />;
    case 'revoked':
      return <RevokedScreen {...common} revocation={access.revocation} />;
    case 'welcome':
      return (
        <WelcomeScreen
          {...common}
          initialCode={route.name === 'enroll' ? route.code : null}
          coordinatorFirst={route.name === 'sign-in'}
        />
      );
    case 'pick-user':
      return <UserPickerScreen {...common} deviceLabel={deviceLabel} />;
    case 'choose-pin':
      return <ChoosePinScreen {...common} user={access.user} />;
    case 'locked':
      return <LockScreen {...common} user={access.user} />;
  }
}
