import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../i18n.ts';
import { pwaStrings } from './strings.ts';
import {
  initialUpdatePromptState,
  isUpdatePromptVisible,
  nextUpdatePromptState,
  type UpdatePromptEvent,
} from './update-prompt-state.ts';
import { applyUpdate } from './update-state.ts';
import { useUpdateReady } from './use-pwa-state.ts';
import './pwa.css';

export interface UpdatePromptProps {
  lang: Lang;
  /** The person is counting a location: the prompt waits until they are done. */
  busy: boolean;
}

/** "A new version is ready — Update now / Later", at the bottom of the screen, never during a count. */
export function UpdatePrompt({ lang, busy }: UpdatePromptProps) {
  const t = pwaStrings[lang].update;
  const ready = useUpdateReady();
  const [state, setState] = useState(initialUpdatePromptState);
  const send = (event: UpdatePromptEvent) => setState((s) => nextUpdatePromptState(s, event));

  const wasBusy = useRef(busy);
  useEffect(() => {
    if (wasBusy.current && !busy) send('pause');
    wasBusy.current = busy;
  }, [busy]);
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') send('pause');
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  const visible = isUpdatePromptVisible(state, { ready, busy });
  const box = useRef<HTMLElement>(null);
  useReservedSpace(visible ? box : null);
  if (!visible) return null;

  return (
    <aside ref={box} class="pwa-update" aria-labelledby="pwa-update-title" data-testid="update-prompt">
      <div class="pwa-update__text" role="status">
        <p id="pwa-update-title" class="pwa-update__title">
          <span aria-hidden="true" class="pwa-update__icon">
            ↻
          </span>{' '}
          {t.title}
        </p>
        <p class="pwa-update__body">{t.body}</p>
      </div>
      <div class="pwa-update__actions">
        <button
          type="button"
          class="button button--primary"
          disabled={state.applying}
          onClick={() => {
            send('apply');
            applyUpdate();
          }}
        >
          {state.applying ? t.applying : t.now}
        </button>
        {!state.applying && (
          <button type="button" class="button" onClick={() => send('later')}>
            {t.later}
          </button>
        )}
      </div>
    </aside>
  );
}

/**
 * The prompt floats over the bottom of the page; while it shows, the page gets that much room below
 * its end (`--pwa-update-space`, see pwa.css) so that nothing under it is out of reach.
 */
function useReservedSpace(box: { current: HTMLElement | null } | null): void {
  useEffect(() => {
    const element = box?.current;
    if (!element) return;
    const root = document.documentElement;
    const reserve = () => root.style.setProperty('--pwa-update-space', `${element.offsetHeight + 16}px`);
    reserve();
    const observer = new ResizeObserver(reserve);
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--pwa-update-space');
    };
  }, [box]);
}
