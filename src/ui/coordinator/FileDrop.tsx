import { useRef, useState } from 'preact/hooks';

interface FileDropProps {
  id: string;
  label: string;
  prompt: string;
  accept: string;
  /** What was chosen, shown (and announced) in place of the input's own "no file" text. */
  chosen: string | null;
  onFile: (file: File) => void;
}

/**
 * A file chooser that also takes a file dropped on it. The native input stays visible and focusable
 * (keyboard and screen readers use it as is); the drop area around it is a convenience for the mouse.
 */
export function FileDrop({ id, label, prompt, accept, chosen, onFile }: FileDropProps) {
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for the mouse; the file input inside is the keyboard's way.
    <div
      class="file-drop"
      data-over={over ? 'true' : undefined}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const file = event.dataTransfer?.files[0];
        if (file) onFile(file);
      }}
    >
      <label class="co-field__label" for={id}>
        {label}
      </label>
      <p class="file-drop__prompt">{prompt}</p>
      <input
        ref={input}
        id={id}
        type="file"
        accept={accept}
        class="file-drop__input"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file) onFile(file);
          // Cleared, so choosing the same (corrected) file again is a change too.
          event.currentTarget.value = '';
        }}
      />
      <p class="file-drop__chosen" aria-live="polite" data-testid="file-chosen">
        {chosen}
      </p>
    </div>
  );
}
