import { useLayoutEffect, useRef } from 'preact/hooks';

export interface NoticeMessage {
  tone: 'ok' | 'error';
  text: string;
}

/**
 * The outcome of the last action ("The device is revoked."), read out by screen readers. It takes
 * the focus when it appears, so that after a dialog closes (its opener may be gone) the keyboard
 * user is left next to what happened rather than at the top of the page.
 */
export function Notice({ notice }: { notice: NoticeMessage | null }) {
  const ref = useRef<HTMLParagraphElement>(null);
  // A layout effect: the focus moves as the notice appears, never a frame later, when the user
  // may already have clicked on (a late move once pulled the focus out of a field opened after it).
  useLayoutEffect(() => {
    if (notice) ref.current?.focus();
  }, [notice]);
  if (!notice) return null;
  return (
    <p
      ref={ref}
      tabIndex={-1}
      class={`message ${notice.tone === 'ok' ? 'admin-notice--ok' : 'message--error'}`}
      role={notice.tone === 'ok' ? 'status' : 'alert'}
      data-testid="admin-notice"
    >
      {notice.text}
    </p>
  );
}
