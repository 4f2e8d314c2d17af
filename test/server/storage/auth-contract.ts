import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthStore, NewAccount } from '../../../src/server/storage/auth-store.ts';
import type { EventStore } from '../../../src/server/storage/event-store.ts';
import { makeDeviceId } from '../../support/events.ts';

export interface AuthStoreUnderTest {
  store: EventStore;
  /** Runs one SQL statement on the same database, outside the store (to try what the store never does). */
  execute: (sql: string) => Promise<void>;
  dispose: () => Promise<void>;
}

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 22, 10, minutes)).toISOString();
const account = (userId: string, fields: Partial<NewAccount> = {}): NewAccount => ({
  userId,
  username: userId,
  name: `Name ${userId}`,
  role: 'counter',
  passwordHash: null,
  createdAt: at(0),
  ...fields,
});
const code = (codeHash: string, expiresAt = at(15)) => ({
  codeHash,
  label: `Label ${codeHash}`,
  createdBy: 'sup',
  createdAt: at(0),
  expiresAt,
});

/**
 * The identity storage contract (issue 7): numbered rules every AuthStore keeps, on SQLite and on
 * PostgreSQL (sqlite.contract.test.ts, postgres.contract.test.ts), like the event store's contract.
 */
export function describeAuthContract(backend: string, open: () => Promise<AuthStoreUnderTest>): void {
  describe(`AuthStore contract on ${backend}`, () => {
    let subject: AuthStoreUnderTest;
    let auth: AuthStore;
    beforeEach(async () => {
      subject = await open();
      auth = subject.store.auth;
    });
    afterEach(async () => {
      await subject.dispose();
    });

    it('A1 the audit log is append-only: the database refuses UPDATE and DELETE', async () => {
      await auth.appendAudit({
        action: 'imported',
        userId: 'u',
        deviceId: null,
        subject: 'catalog',
        details: { n: 1 },
      });
      await expect(subject.execute("UPDATE audit_log SET action = 'exported'")).rejects.toThrow(/append-only/);
      await expect(subject.execute('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      const [entry] = await auth.auditPage({ limit: 10 });
      expect(entry).toMatchObject({ action: 'imported', subject: 'catalog', details: { n: 1 } });
    });

    it('A2 audit pages are newest first, filter by action and subject, and page with before', async () => {
      const device = makeDeviceId();
      for (let i = 0; i < 5; i++) {
        await auth.appendAudit(
          {
            action: i % 2 ? 'signed-in' : 'exported',
            userId: `u${i}`,
            deviceId: device,
            subject: i < 2 ? 'st-1' : null,
            details: {},
          },
          at(i),
        );
      }
      const all = await auth.auditPage({ limit: 10 });
      expect(all.map((e) => e.userId)).toEqual(['u4', 'u3', 'u2', 'u1', 'u0']);
      expect(all[0]).toMatchObject({ at: at(4), deviceId: device });
      const older = await auth.auditPage({ limit: 2, before: all[1]?.id ?? 0 });
      expect(older.map((e) => e.userId)).toEqual(['u2', 'u1']);
      expect((await auth.auditPage({ limit: 10, action: 'signed-in' })).map((e) => e.userId)).toEqual(['u3', 'u1']);
      expect((await auth.auditPage({ limit: 10, subject: 'st-1' })).map((e) => e.userId)).toEqual(['u1', 'u0']);
    });

    it('A3 usernames and user ids are unique; the first administrator is made only while there is none', async () => {
      expect(await auth.hasAdministrator()).toBe(false);
      expect(await auth.createAccount(account('a'))).toBe(true);
      expect(await auth.createAccount(account('a', { username: 'other' }))).toBe(false);
      expect(await auth.createAccount(account('b', { username: 'a' }))).toBe(false);
      const results = await Promise.all(
        ['x', 'y', 'z'].map((id) => auth.createFirstAdministrator(account(id, { role: 'administrator' }))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await auth.hasAdministrator()).toBe(true);
      expect((await auth.listAccounts()).filter((a) => a.role === 'administrator')).toHaveLength(1);
    });

    it('A4 accounts are read back as written, changed field by field, and revoked once', async () => {
      await auth.createAccount(account('a', { passwordHash: 'scrypt$hash', name: 'Åsa' }));
      expect(await auth.accountByUsername('a')).toEqual({
        ...account('a', { passwordHash: 'scrypt$hash', name: 'Åsa' }),
        revokedAt: null,
        revokedBy: null,
        revokedReason: null,
      });
      const changed = await auth.updateAccount('a', { role: 'supervisor' });
      expect(changed).toMatchObject({ name: 'Åsa', role: 'supervisor', passwordHash: 'scrypt$hash' });
      expect(await auth.updateAccount('nobody', { name: 'x' })).toBeNull();
      expect(await auth.revokeAccount('a', { at: at(5), by: 'boss', reason: 'left' })).toBe('revoked');
      expect(await auth.revokeAccount('a', { at: at(6), by: 'boss', reason: 'again' })).toBe('already-revoked');
      expect(await auth.revokeAccount('nobody', { at: at(6), by: 'boss', reason: 'x' })).toBe('unknown');
      expect(await auth.accountById('a')).toMatchObject({ revokedAt: at(5), revokedBy: 'boss', revokedReason: 'left' });
    });

    it('A5 sessions are found by token hash; revoking the user or the device ends them, signing out removes one', async () => {
      const device = makeDeviceId();
      await auth.createAccount(account('a'));
      const session = (tokenHash: string, deviceId: string | null = null) => ({
        tokenHash,
        userId: 'a',
        deviceId,
        createdAt: at(0),
        expiresAt: at(600),
      });
      await auth.createSession(session('h1'));
      await auth.createSession(session('h2', device));
      await auth.createSession(session('h3'));
      expect(await auth.sessionByTokenHash('h2')).toEqual(session('h2', device));
      expect(await auth.sessionByTokenHash('nope')).toBeNull();
      await auth.endSessionsOfUser('a', at(10), 'h3');
      expect((await auth.sessionByTokenHash('h1'))?.expiresAt).toBe(at(10));
      expect((await auth.sessionByTokenHash('h3'))?.expiresAt).toBe(at(600));
      await auth.deleteSession('h3');
      expect(await auth.sessionByTokenHash('h3')).toBeNull();
      await auth.createSession(session('h4', device));
      await auth.createEnrollmentCode(code('c1'));
      await auth.enrollDevice({ codeHash: 'c1', deviceId: device, credentialHash: 'cred', at: at(1) });
      await auth.revokeDevice(device, { at: at(20), by: 'boss', reason: 'lost' });
      expect((await auth.sessionByTokenHash('h4'))?.expiresAt).toBe(at(20));
      await auth.createSession(session('h5'));
      await auth.revokeAccount('a', { at: at(30), by: 'boss', reason: 'left' });
      expect((await auth.sessionByTokenHash('h5'))?.expiresAt).toBe(at(30));
      await auth.purgeExpired(at(25));
      expect(await auth.sessionByTokenHash('h1')).toBeNull();
      expect(await auth.sessionByTokenHash('h5')).not.toBeNull();
    });

    it('A6 an enrollment code enrolls one device, once, before it expires', async () => {
      const device = makeDeviceId();
      await auth.createEnrollmentCode(code('c1'));
      await auth.createEnrollmentCode(code('old', at(5)));
      expect(await auth.enrollDevice({ codeHash: 'zz', deviceId: device, credentialHash: 'k0', at: at(1) })).toEqual({
        status: 'unknown-code',
      });
      expect(await auth.enrollDevice({ codeHash: 'old', deviceId: device, credentialHash: 'k0', at: at(6) })).toEqual({
        status: 'code-expired',
        usedAt: null,
      });
      const outcomes = await Promise.all(
        [makeDeviceId(), makeDeviceId(), device].map((deviceId, i) =>
          auth.enrollDevice({ codeHash: 'c1', deviceId, credentialHash: `k${i + 1}`, at: at(2) }),
        ),
      );
      expect(outcomes.filter((o) => o.status === 'enrolled')).toHaveLength(1);
      expect(outcomes.filter((o) => o.status === 'code-expired').map((o) => 'usedAt' in o && o.usedAt)).toEqual([
        at(2),
        at(2),
      ]);
      expect(await auth.listDevices()).toHaveLength(1);
    });

    it('A7 a credential finds its device; an enrolled id cannot be taken over; a revoked one is enrolled again', async () => {
      const device = makeDeviceId();
      for (const hash of ['c1', 'c2', 'c3']) await auth.createEnrollmentCode(code(hash));
      const first = await auth.enrollDevice({ codeHash: 'c1', deviceId: device, credentialHash: 'k1', at: at(1) });
      expect(first).toMatchObject({ status: 'enrolled', previouslyRevokedAt: null });
      expect(await auth.deviceByCredentialHash('k1')).toMatchObject({
        deviceId: device,
        label: 'Label c1',
        enrolledAt: at(1),
        enrolledBy: 'sup',
        revokedAt: null,
      });
      expect(await auth.enrollDevice({ codeHash: 'c2', deviceId: device, credentialHash: 'k2', at: at(2) })).toEqual({
        status: 'already-enrolled',
      });
      expect(await auth.deviceByCredentialHash('k2')).toBeNull();
      expect(await auth.revokeDevice(device, { at: at(3), by: 'boss', reason: 'lost' })).toBe('revoked');
      expect(await auth.revokeDevice(device, { at: at(3), by: 'boss', reason: 'lost' })).toBe('already-revoked');
      expect(await auth.revokeDevice(makeDeviceId(), { at: at(3), by: 'boss', reason: 'lost' })).toBe('unknown');
      expect(await auth.deviceByCredentialHash('k1')).toMatchObject({ revokedAt: at(3), revokedReason: 'lost' });
      // c2 was not used by the refused take-over: it still works, and re-enrolls the revoked id.
      const again = await auth.enrollDevice({ codeHash: 'c2', deviceId: device, credentialHash: 'k3', at: at(4) });
      expect(again).toMatchObject({ status: 'enrolled', previouslyRevokedAt: at(3), device: { label: 'Label c2' } });
      expect(await auth.deviceByCredentialHash('k1')).toBeNull();
      expect(await auth.deviceByCredentialHash('k3')).toMatchObject({ revokedAt: null, revokedBy: null });
    });

    it('A8 devices keep their last contact and the users who signed in on them, latest first', async () => {
      const device = makeDeviceId();
      await auth.createEnrollmentCode(code('c1'));
      await auth.enrollDevice({ codeHash: 'c1', deviceId: device, credentialHash: 'k1', at: at(1) });
      await auth.createAccount(account('anna', { name: 'Anna' }));
      await auth.createAccount(account('bo', { name: 'Bo' }));
      await auth.recordDeviceContact(device, { at: at(2), appVersion: '1.0.0', oldestUnsentAt: at(1) });
      await auth.recordDeviceContact(device, { at: at(3), appVersion: null, oldestUnsentAt: null });
      await auth.recordDeviceSignIn(device, 'anna', at(4));
      await auth.recordDeviceSignIn(device, 'bo', at(5));
      await auth.recordDeviceSignIn(device, 'anna', at(6));
      const [listed] = await auth.listDevices();
      expect(listed).toMatchObject({ lastContactAt: at(3), appVersion: '1.0.0', oldestUnsentAt: null });
      expect(listed?.users).toEqual([
        { userId: 'anna', name: 'Anna', lastSignInAt: at(6) },
        { userId: 'bo', name: 'Bo', lastSignInAt: at(5) },
      ]);
      expect(await auth.device(device)).toEqual(listed);
      expect(await auth.device(makeDeviceId())).toBeNull();
      expect([...(await auth.usersSignedInOnDevice(device, ['anna', 'cissi', 'anna']))]).toEqual(['anna']);
      expect((await auth.usersSignedInOnDevice(makeDeviceId(), ['anna'])).size).toBe(0);
      expect((await auth.usersSignedInOnDevice(device, [])).size).toBe(0);
    });
  });
}
