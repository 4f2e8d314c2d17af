// The camera half of scanning: video with a viewfinder square, torch and camera switch where there are
// any, a flash on every read, and a plain-words explanation with a way forward for every problem.
// The decoder (zxing-wasm in a worker, ~400 KB gzipped) is imported only when the camera starts.
import { useEffect, useRef, useState } from 'preact/hooks';
import { CameraController, type CameraProblem, type CameraStatus } from '../../scan/camera.ts';
import type { RawRead } from '../../scan/decode-frame.ts';
import type { DecoderClient } from '../../scan/decoder-client.ts';
import type { FeedbackKind } from '../../scan/feedback.ts';
import { ReadFilter } from '../../scan/read-filter.ts';
import { detectPlatform, type Platform } from './platform.ts';
import { type Lang, SCANNER_STRINGS, type ScannerStrings } from './strings.ts';
import './scanner.css';

export interface CameraScannerProps {
  lang: Lang;
  /** The camera runs while true; false releases it (and its light). */
  active: boolean;
  /** Called once per new code (repeat sightings within `repeatWindowMs` are dropped). */
  onRead(read: RawRead): void;
  /** What the last read turned out to be, to colour the flash; give each outcome a new id. */
  outcome?: { id: number; kind: FeedbackKind } | null;
  repeatWindowMs?: number;
}

interface Flash {
  id: number;
  kind: FeedbackKind | 'read';
}

export function CameraScanner({ lang, active, onRead, outcome = null, repeatWindowMs = 1500 }: CameraScannerProps) {
  const t = SCANNER_STRINGS[lang];
  const videoRef = useRef<HTMLVideoElement>(null);
  const controllerRef = useRef<CameraController | null>(null);
  const onReadRef = useRef(onRead);
  onReadRef.current = onRead;
  const [status, setStatus] = useState<CameraStatus>({ kind: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const [flash, setFlash] = useState<Flash | null>(null);

  useEffect(() => {
    const video = videoRef.current;
    if (!active || !video) return;
    let cancelled = false;
    let decoder: DecoderClient | null = null;
    let controller: CameraController | null = null;
    const filter = new ReadFilter({ windowMs: repeatWindowMs });
    const report = (next: CameraStatus) => {
      if (!cancelled) setStatus(next);
    };
    const decoderFailed = (error: unknown) => {
      if (cancelled) return;
      controller?.stop();
      setStatus({ kind: 'problem', problem: 'decoder-failed', detail: String(error) });
    };
    setStatus({ kind: 'starting' });

    void (async () => {
      try {
        const { createDecoderClient } = await import('../../scan/decoder-client.ts');
        if (cancelled) return;
        decoder = createDecoderClient();
        // Load the wasm while the camera opens; a failure here means scanning cannot work at all.
        decoder.warmUp().catch(decoderFailed);
        controller = new CameraController({
          video,
          decoder,
          onStatus: report,
          onReads: (reads) => {
            for (const read of reads) {
              if (!filter.accept(read.text)) continue;
              setFlash((previous) => ({ id: (previous?.id ?? 0) + 1, kind: 'read' }));
              onReadRef.current(read);
            }
          },
        });
        controllerRef.current = controller;
        await controller.start();
      } catch (error) {
        // The decoder's chunk did not load (offline before it was ever cached).
        decoderFailed(error);
      }
    })();

    return () => {
      cancelled = true;
      controller?.stop();
      decoder?.dispose();
      controllerRef.current = null;
      setStatus({ kind: 'idle' });
    };
  }, [active, attempt, repeatWindowMs]);

  useEffect(() => {
    if (outcome) setFlash((previous) => ({ id: (previous?.id ?? 0) + 1, kind: outcome.kind }));
  }, [outcome?.id]);

  const scanning = status.kind === 'scanning' ? status : null;
  const currentIndex = scanning ? scanning.devices.findIndex((device) => device.deviceId === scanning.deviceId) : -1;

  const switchCamera = () => {
    if (!scanning || scanning.devices.length < 2) return;
    const next = scanning.devices[(currentIndex + 1) % scanning.devices.length];
    if (next) void controllerRef.current?.switchTo(next.deviceId);
  };

  return (
    <section class="scanner" data-status={status.kind}>
      <div class="scanner__stage" hidden={status.kind === 'problem' || !active}>
        <video ref={videoRef} class="scanner__video" muted playsInline aria-label={t.videoLabel} />
        {scanning && <div class="scanner__viewfinder" aria-hidden="true" />}
        {scanning?.refocusSupported && (
          <button
            type="button"
            class="scanner__focus"
            aria-label={t.tapToFocus}
            onClick={() => void controllerRef.current?.refocus()}
          />
        )}
        {flash && <div key={flash.id} class={`scanner__flash scanner__flash--${flash.kind}`} aria-hidden="true" />}
        {status.kind === 'starting' && (
          <p class="scanner__overlay-text" role="status">
            {t.starting}
          </p>
        )}
      </div>

      {scanning && (
        <div class="scanner__bar">
          <p class="scanner__hint">{scanning.refocusSupported ? `${t.aimHint} · ${t.tapToFocus}` : t.aimHint}</p>
          <div class="scanner__controls">
            {scanning.torchSupported && (
              <button
                type="button"
                class="scanner__button"
                aria-pressed={scanning.torchOn}
                onClick={() => void controllerRef.current?.setTorch(!scanning.torchOn)}
              >
                <TorchIcon on={scanning.torchOn} />
                {scanning.torchOn ? t.torchOff : t.torchOn}
              </button>
            )}
            {scanning.devices.length > 1 && (
              <button type="button" class="scanner__button" onClick={switchCamera}>
                <SwitchIcon />
                {t.switchCamera(currentIndex + 1, scanning.devices.length)}
              </button>
            )}
          </div>
        </div>
      )}

      {status.kind === 'problem' && (
        <ProblemPanel t={t} problem={status.problem} detail={status.detail} onRetry={() => setAttempt((n) => n + 1)} />
      )}
    </section>
  );
}

function problemText(t: ScannerStrings, problem: CameraProblem): { title: string; body: string } {
  switch (problem) {
    case 'permission-denied':
      return { title: t.permissionDeniedTitle, body: t.permissionDeniedBody };
    case 'no-camera':
      return { title: t.noCameraTitle, body: t.noCameraBody };
    case 'camera-busy':
      return { title: t.cameraBusyTitle, body: t.cameraBusyBody };
    case 'unsupported':
      return { title: t.unsupportedTitle, body: t.unsupportedBody };
    case 'decoder-failed':
      return { title: t.decoderFailedTitle, body: t.decoderFailedBody };
    case 'failed':
      return { title: t.failedTitle, body: t.failedBody };
  }
}

interface ProblemPanelProps {
  t: ScannerStrings;
  problem: CameraProblem;
  detail: string;
  onRetry(): void;
}

function ProblemPanel({ t, problem, detail, onRetry }: ProblemPanelProps) {
  const { title, body } = problemText(t, problem);
  const platform: Platform =
    typeof navigator === 'undefined' ? 'desktop' : detectPlatform(navigator.userAgent, navigator.maxTouchPoints);
  const others = (['android', 'ios', 'desktop'] as const).filter((p) => p !== platform);

  return (
    <div class="scanner__problem" role="alert" data-problem={problem}>
      <h2 class="scanner__problem-title">
        <WarningIcon />
        {title}
      </h2>
      <p>{body}</p>
      {problem === 'permission-denied' && (
        <>
          <ol class="scanner__steps">
            {t.permissionSteps[platform].map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          <details class="scanner__details">
            <summary>{t.otherDevices}</summary>
            {others.map((other) => (
              <div key={other}>
                <h3>{t.platformNames[other]}</h3>
                <ol class="scanner__steps">
                  {t.permissionSteps[other].map((step) => (
                    <li key={step}>{step}</li>
                  ))}
                </ol>
              </div>
            ))}
          </details>
        </>
      )}
      <p class="scanner__meanwhile">{t.meanwhile}</p>
      {problem !== 'unsupported' && (
        <button type="button" class="scanner__button scanner__button--primary" onClick={onRetry}>
          {t.tryAgain}
        </button>
      )}
      <details class="scanner__details">
        <summary>{t.technicalDetail}</summary>
        <code>{detail}</code>
      </details>
    </div>
  );
}

function TorchIcon({ on }: { on: boolean }) {
  return (
    <svg class="scanner__icon" viewBox="0 0 24 24" aria-hidden="true">
      <path
        d="M7 2h10v4l-3 4v12h-4V10L7 6z"
        fill={on ? 'currentColor' : 'none'}
        stroke="currentColor"
        stroke-width="2"
      />
    </svg>
  );
}

function SwitchIcon() {
  return (
    <svg class="scanner__icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M4 8h13l-3-3M20 16H7l3 3" fill="none" stroke="currentColor" stroke-width="2" />
    </svg>
  );
}

function WarningIcon() {
  return (
    <svg class="scanner__icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M12 3 2 21h20zM12 10v5M12 17v2" fill="none" stroke="currentColor" stroke-width="2" />
    </svg>
  );
}
