import type { StockTake } from '../reference-data.ts';

/**
 * Whether a stock-take is meant for this device and this person: a supervisor may assign devices,
 * users or both when creating it; an empty (or absent) list leaves that side open. Both must match
 * when both are set. Without a signed-in user only the device side is checked.
 */
export function isAssignedTo(
  stockTake: Pick<StockTake, 'assignedDeviceIds' | 'assignedUserIds'>,
  { deviceId, userId }: { deviceId: string; userId: string | null },
): boolean {
  const devices = stockTake.assignedDeviceIds ?? [];
  const users = stockTake.assignedUserIds ?? [];
  if (devices.length > 0 && !devices.includes(deviceId)) return false;
  if (users.length > 0 && userId !== null && !users.includes(userId)) return false;
  return true;
}
