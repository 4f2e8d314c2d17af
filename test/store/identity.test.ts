import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/domain/auth/api.ts';
import { LagerkollDb, SCHEMA } from '../../src/store/db.ts';
import { countPending, recordCount } from '../../src/store/events.ts';
import {
  readCurrentSession,
  readDeviceCredential,
  readRevocation,
  saveCurrentSession,
  saveDeviceCredential,
  saveRevocation,
} from '../../src/store/identity.ts';
import { getKnownUser, listKnownUsers, rememberOnlineSignIn, savePinHash } from '../../src/store/known-users.ts';
import { countEvent } from '../support/events.ts';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});
function named(name: string) {
  names.push(name);
  return name;
}

const session: Session = {
  token: 'lks_anna',
  expiresAt: '2026-11-20T20:00:00.000Z',
  user: { id: 'u-anna', username: 'anna', name: 'Anna Berg', role: 'counter' },
};
const pin = { salt: 'c2FsdA==', iterations: 600_000, hash: 'aGFzaA==' };

describe('what the device keeps about identity', () => {
  it('upgrades a version 3 database to version 4 (users known on the device), keeping every pending count', async () => {
    const name = named('identity-migrate-from-3');
    const old = new Dexie(name);
    for (const [v, stores] of SCHEMA.filter(([v]) => v <= 3)) old.version(v).stores(stores);
    await old.table('events').add({
      ...countEvent('0b8e1c1e-9a0b-4c43-8f3e-1d2a3b4c5d6e', 1, {
        id: '019aa0c0-0000-7000-8000-000000000001',
        countedAt: '2026-11-20T08:00:00.000Z',
        raw: '0107046261000000',
        gtin: '07046261000000',
        quantity: 4,
        userId: 'u-anna',
      }),
      sync: 'pending',
    });
    await old
      .table('meta')
      .put({ key: 'device', value: { deviceId: '0b8e1c1e-9a0b-4c43-8f3e-1d2a3b4c5d6e', nextSeq: 2 } });
    expect(old.verno).toBe(3);
    old.close();

    const db = new LagerkollDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.knownUsers.count()).toBe(0);
    expect(await countPending(db)).toBe(1);
    expect((await db.events.toArray())[0]).toMatchObject({ quantity: 4, userId: 'u-anna', sync: 'pending' });
    db.close();
  });
  it('remembers an online sign-in, keeping a PIN chosen before and starting the wrong attempts over', async () => {
    const db = new LagerkollDb(named('identity-remember'));
    await rememberOnlineSignIn(db, session, new Date('2026-11-20T08:00:00Z'));
    await savePinHash(db, 'u-anna', pin);
    await db.knownUsers.update('u-anna', { failedPinAttempts: 3 });
    await rememberOnlineSignIn(db, { ...session, token: 'lks_second' }, new Date('2026-11-27T08:00:00Z'));
    expect(await getKnownUser(db, 'u-anna')).toMatchObject({
      pin,
      failedPinAttempts: 0,
      sessionToken: 'lks_second',
      lastOnlineAt: '2026-11-27T08:00:00.000Z',
    });
    db.close();
  });

  it('leaves users the pulled users say were revoked out of the list of who can sign in here', async () => {
    const db = new LagerkollDb(named('identity-list'));
    const bo: Session = {
      ...session,
      token: 'lks_bo',
      user: { ...session.user, id: 'u-bo', username: 'bo', name: 'Bo Ek' },
    };
    await rememberOnlineSignIn(db, session, new Date('2026-11-20T08:00:00Z'));
    await rememberOnlineSignIn(db, bo, new Date('2026-11-20T08:05:00Z'));
    expect((await listKnownUsers(db)).map((u) => u.name)).toEqual(['Anna Berg', 'Bo Ek']);
    await db.users.bulkPut([
      { id: 'u-anna', name: 'Anna Berg', role: 'counter' },
      { id: 'u-bo', name: 'Bo Ek', role: 'counter', revokedAt: '2026-11-21T08:00:00.000Z' },
    ]);
    expect((await listKnownUsers(db)).map((u) => u.name)).toEqual(['Anna Berg']);
    db.close();
  });

  it('a revocation signs everyone out and takes the PINs and sessions away, but never a count', async () => {
    const db = new LagerkollDb(named('identity-revoked'));
    await saveDeviceCredential(db, { credential: 'lkd_x', label: 'Tablet 1', enrolledAt: '2026-11-20T08:00:00Z' });
    await rememberOnlineSignIn(db, session, new Date());
    await savePinHash(db, 'u-anna', pin);
    await saveCurrentSession(db, {
      userId: 'u-anna',
      method: 'pin',
      signedInAt: '',
      lastActivityAt: '',
      locked: false,
    });
    for (let i = 0; i < 3; i++)
      await recordCount(db, { raw: `r${i}`, gtin: '07046261000000', quantity: 1, userId: 'u-anna' });

    await saveRevocation(db, { message: 'Revoked by Bo: lost', at: '2026-11-21T08:00:00Z' });
    expect(await readRevocation(db)).toEqual({ message: 'Revoked by Bo: lost', at: '2026-11-21T08:00:00Z' });
    expect(await readCurrentSession(db)).toBeNull();
    expect(await getKnownUser(db, 'u-anna')).toMatchObject({ name: 'Anna Berg', pin: null, sessionToken: null });
    expect(await countPending(db)).toBe(3);
    expect(await readDeviceCredential(db)).not.toBeNull();

    // Enrolled again with a new code: the revocation no longer applies; the counts are still there to send.
    await saveDeviceCredential(db, { credential: 'lkd_y', label: 'Tablet 1', enrolledAt: '2026-11-22T08:00:00Z' });
    expect(await readRevocation(db)).toBeNull();
    expect(await countPending(db)).toBe(3);
    db.close();
  });
});
