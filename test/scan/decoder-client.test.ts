import { describe, expect, it } from 'vitest';
import type { RawRead } from '../../src/scan/decode-frame.ts';
import { createDecoderClient, DecoderError } from '../../src/scan/decoder-client.ts';
import type { DecoderRequest, DecoderResponse } from '../../src/scan/decoder-protocol.ts';

/** Stands in for the Web Worker: records what it is sent and answers when the test says so. */
class FakeWorker extends EventTarget {
  readonly received: { request: DecoderRequest; transfer: Transferable[] }[] = [];
  terminated = false;

  postMessage(request: DecoderRequest, transfer: Transferable[] = []): void {
    this.received.push({ request, transfer });
  }

  reply(response: DecoderResponse): void {
    this.dispatchEvent(new MessageEvent('message', { data: response }));
  }

  terminate(): void {
    this.terminated = true;
  }
}

const READ: RawRead = {
  text: '0107046261234566',
  symbologyIdentifier: ']d2',
  format: 'DataMatrix',
  contentType: 'GS1',
  isMirrored: false,
  isInverted: false,
  position: {
    topLeft: { x: 0, y: 0 },
    topRight: { x: 1, y: 0 },
    bottomRight: { x: 1, y: 1 },
    bottomLeft: { x: 0, y: 1 },
  },
};

function setup() {
  const workers: FakeWorker[] = [];
  const client = createDecoderClient(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  });
  return { client, workers };
}

const frame = () => ({ data: new Uint8ClampedArray(4 * 4 * 4), width: 4, height: 4 });

describe('decoder client', () => {
  it('creates the worker only when first used', async () => {
    const { client, workers } = setup();
    expect(workers).toHaveLength(0);
    const warm = client.warmUp();
    expect(workers).toHaveLength(1);
    workers[0]?.reply({ type: 'ready' });
    await expect(warm).resolves.toBeUndefined();
  });

  it('transfers the frame buffer and resolves with the worker’s reads', async () => {
    const { client, workers } = setup();
    const pixels = frame();
    const pending = client.decode(pixels);
    const worker = workers[0];
    const sent = worker?.received[0];
    expect(sent?.request.type).toBe('decode');
    expect(sent?.transfer[0]).toBe(pixels.data.buffer);
    if (sent?.request.type !== 'decode') throw new Error('expected a decode request');
    worker?.reply({ type: 'decoded', id: sent.request.id, reads: [READ], decodeMs: 4.2 });
    await expect(pending).resolves.toEqual({ reads: [READ], decodeMs: 4.2 });
    expect(client.busy).toBe(false);
  });

  it('drops frames while busy instead of queueing them', async () => {
    const { client, workers } = setup();
    const first = client.decode(frame());
    expect(client.busy).toBe(true);
    await expect(client.decode(frame())).resolves.toBeNull();
    expect(workers[0]?.received).toHaveLength(1);
    const request = workers[0]?.received[0]?.request;
    if (request?.type !== 'decode') throw new Error('expected a decode request');
    workers[0]?.reply({ type: 'decoded', id: request.id, reads: [], decodeMs: 1 });
    await first;
    expect(client.busy).toBe(false);
  });

  it('copies only the pixels of a view into a larger buffer', async () => {
    const { client, workers } = setup();
    const big = new Uint8ClampedArray(1000);
    void client.decode({ data: big.subarray(100, 164), width: 4, height: 4 });
    const sent = workers[0]?.received[0];
    const transferred = sent?.transfer[0] as ArrayBuffer | undefined;
    expect(transferred?.byteLength).toBe(64);
    expect(big.buffer.byteLength).toBe(1000);
  });

  it('rejects when the worker reports a failure', async () => {
    const { client, workers } = setup();
    const pending = client.decode(frame());
    const request = workers[0]?.received[0]?.request;
    if (request?.type !== 'decode') throw new Error('expected a decode request');
    workers[0]?.reply({ type: 'failed', id: request.id, message: 'CompileError: wasm' });
    await expect(pending).rejects.toBeInstanceOf(DecoderError);
  });

  it('rejects warm-up when the wasm cannot load', async () => {
    const { client, workers } = setup();
    const warm = client.warmUp();
    workers[0]?.reply({ type: 'failed', id: null, message: 'TypeError: Failed to fetch' });
    await expect(warm).rejects.toThrow('Failed to fetch');
  });

  it('terminates the worker on dispose and resolves pending work with null', async () => {
    const { client, workers } = setup();
    const pending = client.decode(frame());
    client.dispose();
    await expect(pending).resolves.toBeNull();
    expect(workers[0]?.terminated).toBe(true);
    await expect(client.decode(frame())).resolves.toBeNull();
  });
});
