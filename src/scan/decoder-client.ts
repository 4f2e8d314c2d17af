// Main-thread side of the decoder: creates the worker on first use, hands it one frame at a time
// (the pixel buffer is transferred, not copied) and drops frames that arrive while it is busy, so the
// camera never queues up stale frames.
import type { RawRead } from './decode-frame.ts';
import type { DecoderRequest, DecoderResponse } from './decoder-protocol.ts';

/** RGBA (or gray) pixels, e.g. an ImageData. */
export interface FramePixels {
  data: Uint8ClampedArray | Uint8Array;
  width: number;
  height: number;
}

export interface DecodeOutcome {
  reads: RawRead[];
  /** Time spent decoding inside the worker. */
  decodeMs: number;
}

export interface DecoderClient {
  /** A frame is being decoded; new frames are dropped until it is done. */
  readonly busy: boolean;
  /** Starts the worker and loads the wasm ahead of the first frame. */
  warmUp(): Promise<void>;
  /**
   * Decodes one frame, or resolves null at once when a frame is already being decoded (or after
   * dispose). The frame's buffer is transferred to the worker: the caller must not reuse it.
   */
  decode(frame: FramePixels): Promise<DecodeOutcome | null>;
  /** Ends the worker; pending work resolves null. */
  dispose(): void;
}

export class DecoderError extends Error {
  override name = 'DecoderError';
}

function createDecoderWorker(): Worker {
  // This exact form lets Vite find, bundle and hash the worker.
  return new Worker(new URL('./decoder.worker.ts', import.meta.url), { type: 'module', name: 'lagerkoll-decoder' });
}

interface Pending {
  id: number;
  resolve(outcome: DecodeOutcome | null): void;
  reject(error: Error): void;
}

export function createDecoderClient(createWorker: () => Worker = createDecoderWorker): DecoderClient {
  let worker: Worker | null = null;
  let disposed = false;
  let nextId = 1;
  let pending: Pending | null = null;
  let warmUp: { promise: Promise<void>; resolve(): void; reject(error: Error): void } | null = null;

  const fail = (error: Error) => {
    pending?.reject(error);
    pending = null;
    warmUp?.reject(error);
  };

  const onMessage = (event: MessageEvent<DecoderResponse>) => {
    const message = event.data;
    if (message.type === 'ready') {
      warmUp?.resolve();
      return;
    }
    if (message.type === 'failed' && message.id === null) {
      fail(new DecoderError(message.message));
      return;
    }
    if (!pending || message.id !== pending.id) return;
    const settled = pending;
    pending = null;
    if (message.type === 'decoded') settled.resolve({ reads: message.reads, decodeMs: message.decodeMs });
    else settled.reject(new DecoderError(message.message));
  };

  const ensureWorker = (): Worker => {
    if (worker) return worker;
    worker = createWorker();
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      fail(new DecoderError(event.message || 'the decoder worker failed to load'));
    });
    return worker;
  };

  const post = (request: DecoderRequest, transfer: Transferable[] = []) =>
    ensureWorker().postMessage(request, transfer);

  return {
    get busy() {
      return pending !== null;
    },

    warmUp() {
      if (disposed) return Promise.reject(new DecoderError('decoder disposed'));
      if (!warmUp) {
        let resolve!: () => void;
        let reject!: (error: Error) => void;
        const promise = new Promise<void>((res, rej) => {
          resolve = res;
          reject = rej;
        });
        warmUp = { promise, resolve, reject };
        post({ type: 'warm-up' });
      }
      return warmUp.promise;
    },

    decode(frame) {
      if (disposed || pending) return Promise.resolve(null);
      const id = nextId++;
      // A view on part of a larger buffer cannot be transferred as is: copy just the pixels then.
      const whole = frame.data.byteOffset === 0 && frame.data.byteLength === frame.data.buffer.byteLength;
      const pixels = (whole ? frame.data.buffer : frame.data.slice().buffer) as ArrayBuffer;
      return new Promise<DecodeOutcome | null>((resolve, reject) => {
        pending = { id, resolve, reject };
        post({ type: 'decode', id, width: frame.width, height: frame.height, pixels }, [pixels]);
      });
    },

    dispose() {
      if (disposed) return;
      disposed = true;
      pending?.resolve(null);
      pending = null;
      warmUp?.reject(new DecoderError('decoder disposed'));
      worker?.terminate();
      worker = null;
    },
  };
}
