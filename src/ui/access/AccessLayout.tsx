import type { ComponentChildren } from 'preact';
import type { Lang } from '../i18n.ts';

/**
 * The frame of every access screen: a title, a line saying what this is, the content, and the
 * language switch (nobody has reached the settings yet).
 */
export function AccessLayout({
  id,
  title,
  intro,
  lang,
  onLangChange,
  wide = false,
  children,
}: {
  id: string;
  title: string;
  intro?: ComponentChildren;
  lang: Lang;
  onLangChange: (lang: Lang) => void;
  wide?: boolean;
  children: ComponentChildren;
}) {
  return (
    <section class={`access${wide ? ' access--wide' : ''}`} aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`} class="access__title">
        {title}
      </h2>
      {intro && <p class="access__intro">{intro}</p>}
      {children}
      <fieldset class="access__langs">
        <legend class="visually-hidden">Språk / Language</legend>
        {(['sv', 'en'] as const).map((l) => (
          <button
            key={l}
            type="button"
            class="button button--quiet access__lang"
            lang={l}
            aria-pressed={l === lang}
            onClick={() => onLangChange(l)}
          >
            {l === 'sv' ? 'Svenska' : 'English'}
          </button>
        ))}
      </fieldset>
    </section>
  );
}
