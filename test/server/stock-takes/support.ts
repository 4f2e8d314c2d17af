import { expect } from 'vitest';
import type { CountEvent } from '../../../src/domain/count-event.ts';
import { type StockTakeProgress, stockTakeProgressSchema } from '../../../src/domain/overview/stock-take-admin.ts';
import { type StockTake, stockTakeSchema } from '../../../src/domain/reference-data.ts';
import { type DatasetRow, targetLevelKey } from '../../../src/domain/reference-datasets.ts';
import { pullPageSchemas, pushResponseSchema } from '../../../src/domain/sync-protocol.ts';
import type { UserRole } from '../../../src/domain/users.ts';
import type { ReferenceChange } from '../../../src/server/storage/event-store.ts';
import { makeDeviceId, makeEvents, postJson, pushBody, versionHeaders } from '../../support/events.ts';
import { bearer, createUserWithSession, deviceHeader, enrollDevice } from '../../support/identity.ts';
import { testProduct } from '../../support/products.ts';
import { inProcessServer } from '../../support/server.ts';

export const GTIN_A = '07046261000017';
export const GTIN_B = '07046261000024';
export const GTIN_C = '07046261000031';

/** Two sites; NORR has three shelves, SYD one; three products (one with å, ä, ö in its name). */
export function reference(): ReferenceChange[] {
  const put = (dataset: ReferenceChange['dataset'], key: string, row: unknown): ReferenceChange => ({
    dataset,
    key,
    row,
  });
  return [
    put('sites', 'NORR', { code: 'NORR', name: 'Norr', kind: 'regional-store', region: 'Norrbotten' }),
    put('sites', 'SYD', { code: 'SYD', name: 'Syd', kind: 'hospital-pharmacy', region: 'Skåne' }),
    put('locations', 'N-R1', { code: 'N-R1', siteCode: 'NORR', name: 'Rum 1' }),
    put('locations', 'N-R2', { code: 'N-R2', siteCode: 'NORR', name: 'Rum 2' }),
    put('locations', 'N-R3', { code: 'N-R3', siteCode: 'NORR', name: 'Rum 3; hylla "A"' }),
    put('locations', 'S-R1', { code: 'S-R1', siteCode: 'SYD', name: 'Syd rum 1' }),
    put('catalog', GTIN_A, testProduct(GTIN_A, { nameSv: 'Ringer-acetat', atc: 'B05BB01' })),
    put('catalog', GTIN_B, testProduct(GTIN_B, { nameSv: 'Tranexamsyra Åäö', atc: 'B02AA02' })),
    put('catalog', GTIN_C, testProduct(GTIN_C, { nameSv: '=Förband', atc: '' })),
    {
      dataset: 'target-levels',
      key: targetLevelKey('NORR', GTIN_A),
      row: { siteCode: 'NORR', gtin: GTIN_A, targetPacks: 100 },
    },
  ];
}

/**
 * A real server (SQLite in a temporary directory) with the reference data above and one signed-in
 * user per role, made with the identity helpers (test/support/identity.ts): the real authentication
 * and guards run on every request.
 */
export async function stockTakeServer() {
  const server = inProcessServer();
  await server.store.writeReference(reference());
  const users = new Map<UserRole, { id: string; token: string }>();
  for (const role of ['counter', 'supervisor', 'administrator'] as const) {
    const { user, token } = await createUserWithSession(server.store, role);
    users.set(role, { id: user.id, token });
  }
  const userOf = (role: UserRole) => {
    const user = users.get(role);
    if (!user) throw new Error(`no ${role}`);
    return user;
  };
  let reader: string | undefined;
  const call = (method: string, path: string, role: UserRole | null, body?: unknown) =>
    server.app.request(`/api/v1${path}`, {
      method,
      headers: {
        ...(role ? bearer(userOf(role).token) : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    ...server,
    call,
    /** The user id of the signed-in user with this role. */
    userId: (role: UserRole) => userOf(role).id,
    /** The Authorization header of a role's session. */
    authorization: (role: UserRole) => bearer(userOf(role).token),
    /** Creates a stock-take as a supervisor and answers it. */
    async create(fields: Record<string, unknown> = {}): Promise<StockTake> {
      const response = await call('POST', '/stock-takes', 'supervisor', {
        siteCode: 'NORR',
        name: 'Höstinventering',
        mode: 'blind',
        locationCodes: [],
        assignedDeviceIds: [],
        assignedUserIds: [],
        ...fields,
      });
      expect(response.status, await response.clone().text()).toBe(201);
      return stockTakeSchema.parse(await response.json());
    },
    async progress(id: string): Promise<StockTakeProgress> {
      const response = await call('GET', `/stock-takes/${id}`, 'supervisor');
      expect(response.status, await response.clone().text()).toBe(200);
      return stockTakeProgressSchema.parse(await response.json());
    },
    async resolve(id: string, resolution: Record<string, unknown>): Promise<Response> {
      return call('POST', `/stock-takes/${id}/resolutions`, 'supervisor', resolution);
    },
    /** An enrolled device on which a counter (`name`) has signed in. */
    async device(name: string, label: string): Promise<TestDevice> {
      const deviceId = makeDeviceId();
      const credential = await enrollDevice(server.store, deviceId, label);
      const { user } = await createUserWithSession(server.store, 'counter', { name, deviceId });
      return new TestDevice(deviceId, credential, user.id);
    },
    /** The rows of a dataset an enrolled device pulls (from the start), by key. */
    async pulled<D extends 'stock-takes' | 'expectations'>(dataset: D): Promise<Map<string, DatasetRow<D>>> {
      reader ??= await enrollDevice(server.store, makeDeviceId(), 'Läsplatta');
      const response = await server.app.request(`/api/v1/sync/pull?dataset=${dataset}`, {
        headers: { ...versionHeaders, ...deviceHeader(reader) },
      });
      expect(response.status, await response.clone().text()).toBe(200);
      const page = pullPageSchemas[dataset].parse(await response.json());
      return new Map(
        page.changes.flatMap((c) => (c.op === 'upsert' ? [[c.key, c.row as DatasetRow<D>] as const] : [])),
      );
    },
    async pulledStockTakes(): Promise<Map<string, StockTake>> {
      return this.pulled('stock-takes');
    },
  };
}
export type StockTakeServer = Awaited<ReturnType<typeof stockTakeServer>>;

/** An enrolled counting device that pushes its events through the real push endpoint with its credential. */
export class TestDevice {
  private seq = 0;

  constructor(
    readonly deviceId: string,
    private readonly credential: string,
    /** The counter signed in on it, whose counts it pushes. */
    readonly userId: string,
  ) {}

  /** The device's next event: a count of one pack at N-R1 now, unless the fields say otherwise. */
  count(fields: Partial<CountEvent> = {}): CountEvent {
    this.seq++;
    const [base] = makeEvents(this.deviceId, 1, this.seq) as [CountEvent];
    return {
      ...base,
      countedAt: new Date().toISOString(),
      gtin: GTIN_A,
      quantity: 1,
      serial: null,
      locationCode: 'N-R1',
      userId: this.userId,
      ...fields,
      id: base.id,
      seq: base.seq,
      deviceId: this.deviceId,
    };
  }

  /** A correction of one of this device's counts: a void, or a replacement with a new quantity. */
  correct(of: CountEvent, change: { void: true } | { quantity: number }): CountEvent {
    const { id: _id, seq: _seq, countedAt: _at, ...place } = of;
    return 'void' in change
      ? this.count({ ...place, kind: 'void', corrects: of.id, quantity: 0 })
      : this.count({ ...place, corrects: of.id, quantity: change.quantity });
  }

  async push(server: StockTakeServer, events: readonly CountEvent[]): Promise<void> {
    const response = await server.app.request(
      '/api/v1/sync/push',
      postJson(pushBody(this.deviceId, [...events]), { ...versionHeaders, ...deviceHeader(this.credential) }),
    );
    expect(response.status, await response.clone().text()).toBe(200);
    const answer = pushResponseSchema.parse(await response.json());
    expect(answer.results.map((r) => r.status)).toEqual(events.map(() => 'accepted'));
  }
}
