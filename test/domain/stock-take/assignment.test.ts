import { describe, expect, it } from 'vitest';
import { isAssignedTo } from '../../../src/domain/stock-take/assignment.ts';

const here = { deviceId: 'dev-a', userId: 'u-anna' };

describe('isAssignedTo', () => {
  it('is open to everyone without assignments (also on stock-takes made before assignments existed)', () => {
    expect(isAssignedTo({}, here)).toBe(true);
    expect(isAssignedTo({ assignedDeviceIds: [], assignedUserIds: [] }, here)).toBe(true);
  });

  it('needs this device when devices are assigned, and this user when users are', () => {
    expect(isAssignedTo({ assignedDeviceIds: ['dev-a'] }, here)).toBe(true);
    expect(isAssignedTo({ assignedDeviceIds: ['dev-b'] }, here)).toBe(false);
    expect(isAssignedTo({ assignedUserIds: ['u-anna'] }, here)).toBe(true);
    expect(isAssignedTo({ assignedUserIds: ['u-bo'] }, here)).toBe(false);
    expect(isAssignedTo({ assignedDeviceIds: ['dev-a'], assignedUserIds: ['u-bo'] }, here)).toBe(false);
    expect(isAssignedTo({ assignedDeviceIds: ['dev-a'], assignedUserIds: ['u-anna'] }, here)).toBe(true);
  });

  it('checks only the device when nobody is signed in', () => {
    expect(isAssignedTo({ assignedUserIds: ['u-bo'] }, { deviceId: 'dev-a', userId: null })).toBe(true);
  });
});
