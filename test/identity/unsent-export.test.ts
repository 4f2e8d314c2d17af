import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countEventSchema } from '../../src/domain/count-event.ts';
import { unsentExport } from '../../src/identity/unsent-export.ts';
import { LagerkollDb } from '../../src/store/db.ts';
import { applyPushResults, countPending, recordCount } from '../../src/store/events.ts';
import { saveDeviceCredential, saveRevocation } from '../../src/store/identity.ts';

let n = 0;
let db: LagerkollDb;
beforeEach(() => {
  db = new LagerkollDb(`unsent-export-${++n}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('exporting the counts that never reached the server', () => {
  it('holds every unsent event whole (JSON) and as rows (CSV), and changes nothing on the device', async () => {
    await saveDeviceCredential(db, {
      credential: 'lkd_x',
      label: 'Förråd B / platta 2',
      enrolledAt: '2026-11-20T08:00:00Z',
    });
    const sent = await recordCount(db, { raw: 'sent', gtin: '07046261000000', quantity: 1, userId: 'u-anna' });
    await applyPushResults(db, [sent], [{ index: 0, id: sent.id, status: 'accepted' }]);
    const a = await recordCount(db, {
      raw: ']d201070462610000001728063010TX1\u001d21S-1',
      gtin: '07046261000000',
      quantity: 1,
      batch: 'TX1',
      expiry: '2028-06-30',
      serial: 'S-1',
      stockTakeId: 'st-1',
      locationCode: 'R1-H1',
      userId: 'u-anna',
    });
    const b = await recordCount(db, { raw: '=cmd', gtin: '09506000100739', quantity: 12, userId: 'u-bo' });
    await saveRevocation(db, { message: 'Revoked by Bo: lost', at: '2026-11-21T08:00:00Z' });

    const files = await unsentExport(db, new Date('2026-11-22T10:00:00Z'));
    expect(files.count).toBe(2);
    const json = JSON.parse(files.json);
    expect(json).toMatchObject({
      format: 'lagerkoll-unsent-counts',
      deviceId: a.deviceId,
      deviceLabel: 'Förråd B / platta 2',
      revocation: { message: 'Revoked by Bo: lost' },
    });
    expect(json.events.map((e: { id: string }) => e.id)).toEqual([a.id, b.id]);
    for (const event of json.events) expect(countEventSchema.safeParse(event).success).toBe(true);

    const lines = files.csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      'id;deviceId;seq;countedAt;userId;kind;corrects;stockTakeId;locationCode;gtin;batch;expiry;serial;unitLevel;quantity;raw',
    );
    expect(lines[1]).toContain(`${a.id};${a.deviceId};2;`);
    expect(lines[1]).toContain(';u-anna;count;;st-1;R1-H1;07046261000000;TX1;2028-06-30;S-1;pack;1;');
    // A raw scan that looks like a formula is neutralised for Excel.
    expect(lines[2]).toContain(";u-bo;count;;;;09506000100739;;;;pack;12;'=cmd");
    expect(files.fileBase).toBe('lagerkoll-unsent-Forrad-B-platta-2-2026-11-22');

    expect(await countPending(db)).toBe(2);
    expect(await db.events.count()).toBe(3);
  });
});
