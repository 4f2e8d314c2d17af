import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SessionUser } from '../domain/auth/api.ts';
import type { LagerkollDb } from '../store/db.ts';
import type { DeviceSettings } from '../store/settings.ts';
import type { ApiClient } from './api-client.ts';
import type { SyncHandle } from './deferred-sync.ts';
import type { Route } from './router.ts';

/** What every screen may use: the device database, the sync engine, settings and navigation. */
export interface AppServices {
  db: LagerkollDb;
  sync: SyncHandle;
  settings: DeviceSettings;
  updateSettings: (patch: Partial<DeviceSettings>) => Promise<void>;
  navigate: (route: Route, replace?: boolean) => void;
  /** Screens that must not be interrupted (by an app update) say so while they are busy. */
  setBusy: (busy: boolean) => void;
  /** The person using the app now (signed in online, or with a PIN on an enrolled device); null: nobody. */
  user: SessionUser | null;
  /** The coordinator and administrator API, with the signed-in user's session. */
  api: ApiClient;
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useApp outside AppContext');
  return services;
}
