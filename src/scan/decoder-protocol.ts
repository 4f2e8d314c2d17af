// Messages between the main thread (decoder-client.ts) and the decoder worker (decoder.worker.ts).
import type { RawRead } from './decode-frame.ts';

export type DecoderRequest =
  /** Load the wasm now (e.g. when the camera is about to start), not on the first frame. */
  | { type: 'warm-up' }
  /** RGBA or gray pixels; the buffer is transferred, not copied. */
  | { type: 'decode'; id: number; width: number; height: number; pixels: ArrayBuffer };

export type DecoderResponse =
  | { type: 'ready' }
  | { type: 'decoded'; id: number; reads: RawRead[]; decodeMs: number }
  | { type: 'failed'; id: number | null; message: string };
