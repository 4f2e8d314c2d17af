/// <reference types="vite/client" />
// The decoder's Web Worker: zxing-wasm runs here, off the main thread. The .wasm comes from the app's
// own assets (Vite `?url`, precached by the service worker): never from zxing-wasm's default CDN, so
// scanning works offline.

import { prepareZXingModule } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { decodeFrame } from './decode-frame.ts';
import type { DecoderRequest, DecoderResponse } from './decoder-protocol.ts';

// Typed by hand rather than through the WebWorker lib, which cannot share a program with the DOM lib.
interface DecoderWorkerScope {
  onmessage: ((event: MessageEvent<DecoderRequest>) => void) | null;
  postMessage(message: DecoderResponse): void;
}
const scope = self as unknown as DecoderWorkerScope;

const overrides = {
  locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
};

function loadModule(): Promise<unknown> {
  // Same overrides object every time, so zxing-wasm keeps the one module instance it made.
  return prepareZXingModule({ overrides, fireImmediately: true });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

scope.onmessage = async (event) => {
  const request = event.data;
  if (request.type === 'warm-up') {
    try {
      await loadModule();
      scope.postMessage({ type: 'ready' });
    } catch (error) {
      scope.postMessage({ type: 'failed', id: null, message: errorMessage(error) });
    }
    return;
  }
  try {
    await loadModule();
    const started = performance.now();
    const reads = await decodeFrame({
      data: new Uint8ClampedArray(request.pixels),
      width: request.width,
      height: request.height,
    });
    scope.postMessage({ type: 'decoded', id: request.id, reads, decodeMs: performance.now() - started });
  } catch (error) {
    scope.postMessage({ type: 'failed', id: request.id, message: errorMessage(error) });
  }
};
