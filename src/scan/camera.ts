// Camera controller: opens the rear camera (or the one the user chose last time), runs the frame loop,
// crops the viewfinder region and hands frames to the decoder, and turns every failure into one of a
// few states the screen can explain in plain words.
import type { RawRead } from './decode-frame.ts';
import type { DecoderClient } from './decoder-client.ts';
import { DEFAULT_ROI, type FrameCrop, type RegionOfInterest, roiCrop } from './roi.ts';

export type CameraProblem =
  | 'permission-denied'
  | 'no-camera'
  | 'camera-busy'
  /** No camera API here (an old browser, or a page not served over https). */
  | 'unsupported'
  /** The decoder could not start (its worker or wasm failed to load). */
  | 'decoder-failed'
  | 'failed';

export interface CameraDevice {
  deviceId: string;
  label: string;
}

export type CameraStatus =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | {
      kind: 'scanning';
      devices: CameraDevice[];
      deviceId: string | null;
      torchSupported: boolean;
      torchOn: boolean;
      /** The camera can be asked to focus again (tap to focus). */
      refocusSupported: boolean;
    }
  | { kind: 'problem'; problem: CameraProblem; detail: string };

export interface FrameInfo {
  width: number;
  height: number;
  decodeMs: number;
  /** Where the frame came from in the video, to map read positions back onto the picture. */
  crop: FrameCrop;
}

export interface CameraControllerOptions {
  video: HTMLVideoElement;
  decoder: DecoderClient;
  onReads(reads: RawRead[], frame: FrameInfo): void;
  onStatus(status: CameraStatus): void;
  roi?: RegionOfInterest;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

export const CAMERA_STORAGE_KEY = 'lagerkoll.camera';

export function classifyCameraError(error: unknown): CameraProblem {
  const name =
    error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error)
      ? String((error as { name: unknown }).name)
      : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'permission-denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return 'no-camera';
    case 'NotReadableError':
    case 'AbortError':
    case 'TrackStartError':
      return 'camera-busy';
    default:
      return 'failed';
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

// Fields that lib.dom does not declare yet (Image Capture extensions to MediaStreamTrack constraints).
interface ExtendedCapabilities extends MediaTrackCapabilities {
  torch?: boolean;
  focusMode?: string[];
}
type ExtendedConstraintSet = MediaTrackConstraintSet & { torch?: boolean; focusMode?: string };

type FrameCallbackVideo = HTMLVideoElement & {
  requestVideoFrameCallback?: (callback: () => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

/** Draws the viewfinder region of the current video frame into a reusable canvas and reads it back. */
class FrameGrabber {
  private canvas: OffscreenCanvas | HTMLCanvasElement | null = null;
  private context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null = null;

  grab(video: HTMLVideoElement, crop: FrameCrop): ImageData | null {
    const { width, height } = crop.output;
    if (!this.canvas || this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas =
        typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(width, height) : document.createElement('canvas');
      this.canvas.width = width;
      this.canvas.height = height;
      // willReadFrequently keeps the canvas on the CPU, where getImageData is cheap.
      this.context = this.canvas.getContext('2d', { willReadFrequently: true }) as typeof this.context;
    }
    if (!this.context) return null;
    const { x, y, width: sw, height: sh } = crop.source;
    this.context.drawImage(video, x, y, sw, sh, 0, 0, width, height);
    return this.context.getImageData(0, 0, width, height);
  }
}

export class CameraController {
  private readonly options: CameraControllerOptions;
  private readonly grabber = new FrameGrabber();
  private stream: MediaStream | null = null;
  private running = false;
  private frameHandle: { kind: 'video' | 'animation'; id: number } | null = null;
  private status: CameraStatus = { kind: 'idle' };
  private devices: CameraDevice[] = [];
  private torchOn = false;

  constructor(options: CameraControllerOptions) {
    this.options = options;
  }

  get currentStatus(): CameraStatus {
    return this.status;
  }

  /** Opens the camera: the remembered one if it is still there, otherwise the rear camera. */
  async start(): Promise<void> {
    if (this.running || this.status.kind === 'starting') return;
    if (typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia) {
      this.setStatus({
        kind: 'problem',
        problem: 'unsupported',
        detail: 'navigator.mediaDevices.getUserMedia is missing',
      });
      return;
    }
    this.setStatus({ kind: 'starting' });
    const remembered = this.storage()?.getItem(CAMERA_STORAGE_KEY) ?? null;
    try {
      this.stream = await this.open(remembered);
    } catch (error) {
      const problem = classifyCameraError(error);
      if (remembered && problem === 'no-camera') {
        // The remembered camera is gone (another device, or unplugged): fall back to the rear camera.
        this.storage()?.removeItem(CAMERA_STORAGE_KEY);
        try {
          this.stream = await this.open(null);
        } catch (retryError) {
          this.fail(retryError);
          return;
        }
      } else {
        this.fail(error);
        return;
      }
    }
    await this.attach();
  }

  stop(): void {
    this.running = false;
    this.cancelFrame();
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
    this.torchOn = false;
    this.options.video.srcObject = null;
    if (this.status.kind !== 'problem') this.setStatus({ kind: 'idle' });
  }

  /** Switches to another camera and remembers the choice for next time. */
  async switchTo(deviceId: string): Promise<void> {
    this.storage()?.setItem(CAMERA_STORAGE_KEY, deviceId);
    this.stop();
    this.setStatus({ kind: 'starting' });
    try {
      this.stream = await this.open(deviceId);
    } catch (error) {
      this.fail(error);
      return;
    }
    await this.attach();
  }

  /** Turns the torch on or off; resolves false where the camera has none. */
  async setTorch(on: boolean): Promise<boolean> {
    const track = this.videoTrack();
    if (!track || !this.capabilities(track).torch) return false;
    try {
      await track.applyConstraints({ advanced: [{ torch: on } as ExtendedConstraintSet] });
      this.torchOn = on;
      this.publishScanning();
      return true;
    } catch {
      return false;
    }
  }

  /** Asks the camera to focus again (for cameras with single-shot focus only). */
  async refocus(): Promise<void> {
    const track = this.videoTrack();
    if (!track || !this.capabilities(track).focusMode?.includes('single-shot')) return;
    await track.applyConstraints({ advanced: [{ focusMode: 'single-shot' } as ExtendedConstraintSet] }).catch(() => {});
  }

  private storage() {
    if (this.options.storage) return this.options.storage;
    try {
      return globalThis.localStorage;
    } catch {
      return undefined;
    }
  }

  private open(deviceId: string | null): Promise<MediaStream> {
    const size = { width: { ideal: 1280 }, height: { ideal: 720 } };
    const video: MediaTrackConstraints = deviceId
      ? { ...size, deviceId: { exact: deviceId } }
      : { ...size, facingMode: { ideal: 'environment' } };
    return navigator.mediaDevices.getUserMedia({ video, audio: false });
  }

  private async attach(): Promise<void> {
    const stream = this.stream;
    const track = this.videoTrack();
    if (!stream || !track) {
      this.fail(new DOMException('The camera gave no video', 'NotFoundError'));
      return;
    }
    const { video } = this.options;
    video.srcObject = stream;
    video.muted = true;
    video.playsInline = true; // iOS would otherwise go full screen
    video.setAttribute('playsinline', '');
    track.addEventListener('ended', () => {
      if (!this.running) return;
      this.stop();
      this.setStatus({
        kind: 'problem',
        problem: 'camera-busy',
        detail: 'the camera stopped (another app may have taken it)',
      });
    });
    try {
      await video.play();
    } catch (error) {
      this.stop();
      this.fail(error);
      return;
    }
    await this.preferContinuousFocus(track);
    this.devices = await this.listCameras();
    this.running = true;
    this.publishScanning();
    this.scheduleFrame();
  }

  private async preferContinuousFocus(track: MediaStreamTrack): Promise<void> {
    if (!this.capabilities(track).focusMode?.includes('continuous')) return;
    await track.applyConstraints({ advanced: [{ focusMode: 'continuous' } as ExtendedConstraintSet] }).catch(() => {});
  }

  private async listCameras(): Promise<CameraDevice[]> {
    try {
      const all = await navigator.mediaDevices.enumerateDevices();
      return all
        .filter((device) => device.kind === 'videoinput' && device.deviceId)
        .map((device, index) => ({ deviceId: device.deviceId, label: device.label || `Camera ${index + 1}` }));
    } catch {
      return [];
    }
  }

  private videoTrack(): MediaStreamTrack | null {
    return this.stream?.getVideoTracks()[0] ?? null;
  }

  private capabilities(track: MediaStreamTrack): ExtendedCapabilities {
    return typeof track.getCapabilities === 'function' ? (track.getCapabilities() as ExtendedCapabilities) : {};
  }

  private publishScanning(): void {
    const track = this.videoTrack();
    const capabilities = track ? this.capabilities(track) : {};
    this.setStatus({
      kind: 'scanning',
      devices: this.devices,
      deviceId: track?.getSettings().deviceId ?? null,
      torchSupported: capabilities.torch === true,
      torchOn: this.torchOn,
      refocusSupported: capabilities.focusMode?.includes('single-shot') ?? false,
    });
  }

  private setStatus(status: CameraStatus): void {
    this.status = status;
    this.options.onStatus(status);
  }

  private fail(error: unknown): void {
    this.setStatus({ kind: 'problem', problem: classifyCameraError(error), detail: describe(error) });
  }

  private scheduleFrame(): void {
    if (!this.running) return;
    const video = this.options.video as FrameCallbackVideo;
    // requestVideoFrameCallback fires once per new camera frame; rAF (Firefox) once per screen refresh.
    this.frameHandle =
      typeof video.requestVideoFrameCallback === 'function'
        ? { kind: 'video', id: video.requestVideoFrameCallback(this.onFrame) }
        : { kind: 'animation', id: requestAnimationFrame(this.onFrame) };
  }

  private cancelFrame(): void {
    const handle = this.frameHandle;
    this.frameHandle = null;
    if (!handle) return;
    const video = this.options.video as FrameCallbackVideo;
    if (handle.kind === 'video') video.cancelVideoFrameCallback?.(handle.id);
    else cancelAnimationFrame(handle.id);
  }

  private readonly onFrame = (): void => {
    if (!this.running) return;
    this.scheduleFrame();
    const { video, decoder } = this.options;
    // Skip frames while the worker is busy: decoding the newest frame beats queueing old ones.
    if (decoder.busy || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) return;
    const element = video.getBoundingClientRect();
    const crop = roiCrop(
      { width: video.videoWidth, height: video.videoHeight },
      { width: element.width, height: element.height },
      this.options.roi ?? DEFAULT_ROI,
    );
    const frame = this.grabber.grab(video, crop);
    if (!frame) return;
    decoder
      .decode(frame)
      .then((outcome) => {
        if (!outcome || !this.running || outcome.reads.length === 0) return;
        this.options.onReads(outcome.reads, {
          width: frame.width,
          height: frame.height,
          decodeMs: outcome.decodeMs,
          crop,
        });
      })
      .catch((error: unknown) => {
        if (!this.running) return;
        this.stop();
        this.setStatus({ kind: 'problem', problem: 'decoder-failed', detail: describe(error) });
      });
  };
}
