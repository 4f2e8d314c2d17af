import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';

interface DialogProps {
  title: string;
  /** Escape, the close button, or the caller after its action. */
  onClose: () => void;
  children: ComponentChildren;
}

/**
 * A modal dialog on the native <dialog>: showModal() makes the rest of the page inert (focus stays
 * inside, the screen reader reads only the dialog) and Escape closes it. Focus starts on the element
 * marked `data-autofocus`, else the first control; the browser gives it back to the opener on close.
 * Render it only while open.
 */
export function Dialog({ title, onClose, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // The latest onClose, without re-opening the dialog when the parent re-renders.
  const close = useRef(onClose);
  close.current = onClose;

  // A layout effect: its cleanup closes the dialog while it is still in the page, so the browser
  // gives the focus back to the opener (a passive effect's cleanup ran after the <dialog> was gone,
  // and the focus fell to the page's body).
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    const onCancel = (event: Event) => {
      event.preventDefault();
      close.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.close();
    };
  }, []);

  return (
    <dialog ref={ref} class="admin-dialog" aria-labelledby={titleId}>
      <h2 id={titleId} class="admin-dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
