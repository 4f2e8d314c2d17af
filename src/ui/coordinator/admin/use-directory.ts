import { type DeviceSummary, deviceListSchema, type UserAccount, userListSchema } from '../../../domain/auth/api.ts';
import { can } from '../../../domain/auth/roles.ts';
import { useApp } from '../../app-context.ts';
import { useResource } from './use-resource.ts';

export interface Directory {
  users: readonly UserAccount[];
  devices: readonly DeviceSummary[];
  /** The person's name, or the id itself while the list is loading or when the user is unknown. */
  userName: (id: string) => string;
  /** The device's label, or its id. */
  deviceLabel: (id: string) => string;
  reload: () => void;
}

/**
 * Who is who: the users and devices the server knows, so that screens can show "Anna Berg" and
 * "Tablet 3" instead of ids. Loaded only for a role that may read them; ids are shown otherwise.
 */
export function useDirectory(): Directory {
  const { api, user } = useApp();
  const mayRead = user !== null && can(user.role, 'users:read') && can(user.role, 'devices:read');
  const users = useResource(
    async () => (mayRead ? (await api.get('/users', userListSchema)).users : []),
    [api, mayRead],
  );
  const devices = useResource(
    async () => (mayRead ? (await api.get('/devices', deviceListSchema)).devices : []),
    [api, mayRead],
  );
  const userList = users.data ?? [];
  const deviceList = devices.data ?? [];
  const names = new Map(userList.map((u) => [u.id, u.name]));
  const labels = new Map(deviceList.map((d) => [d.deviceId, d.label]));
  return {
    users: userList,
    devices: deviceList,
    userName: (id) => names.get(id) ?? id,
    deviceLabel: (id) => labels.get(id) ?? id,
    reload: () => {
      users.reload();
      devices.reload();
    },
  };
}
