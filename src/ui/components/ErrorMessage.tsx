import type { ComponentChildren } from 'preact';

/** A refusal or failure the person must read: announced by screen readers (role=alert); nothing when there is none. */
export function ErrorMessage({ children }: { children: ComponentChildren }) {
  if (children === null || children === undefined || children === false || children === '') return null;
  return (
    <p class="message message--error" role="alert">
      {children}
    </p>
  );
}
