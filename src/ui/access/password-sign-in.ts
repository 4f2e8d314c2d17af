import type { LagerkollDb } from '../../store/db.ts';
import { describeFailure, deviceRevoked } from './failure.ts';
import { signInOnline } from './online.ts';
import type { AccessStrings } from './strings.ts';

/**
 * The password sign-in every access screen offers (picker, lock, a coordinator screen asking
 * again): null when it worked — and when the server said this device is revoked, which the gate
 * then shows after `onChanged` — otherwise what to tell the person.
 */
export async function passwordSignIn(
  db: LagerkollDb,
  credentials: { username: string; password: string },
  t: AccessStrings,
  onChanged: () => Promise<void> | void,
): Promise<string | null> {
  try {
    await signInOnline(db, credentials);
    await onChanged();
    return null;
  } catch (error) {
    if (deviceRevoked(error)) {
      await onChanged();
      return null;
    }
    return describeFailure(error, t, t.signIn.wrong);
  }
}
