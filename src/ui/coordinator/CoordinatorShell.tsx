import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { can } from '../../domain/auth/roles.ts';
import { useApp } from '../app-context.ts';
import { useLang } from '../i18n.ts';
import { RouteLink } from './RouteLink.tsx';
import { type CoordinatorSection, SECTION_LINKS, visibleSections } from './sections.ts';
import { shellStrings } from './strings.ts';
import './coordinator.css';

export type { CoordinatorSection } from './sections.ts';

interface CoordinatorShellProps {
  /** The section this screen belongs to: its link is marked as the current page. */
  section: CoordinatorSection;
  /** The screen's heading (also the document title). */
  title: string;
  /** Buttons beside the heading (exports, print). */
  actions?: ComponentChildren;
  children: ComponentChildren;
}

/**
 * The frame of every coordinator screen: a heading, the navigation between the coordinators'
 * sections (only those the signed-in role may use) and the screen's content. The content is shown
 * only to a user whose role may read the section; the server checks the same on every call.
 */
export function CoordinatorShell({ section, title, actions, children }: CoordinatorShellProps) {
  const { user } = useApp();
  const lang = useLang();
  const t = shellStrings[lang];
  const links = visibleSections(user?.role ?? null);
  const required = SECTION_LINKS.find((link) => link.section === section)?.permission ?? 'overview:read';
  const allowed = user !== null && can(user.role, required);

  useEffect(() => {
    document.title = `${title} · ${t.title}`;
  }, [title, t.title]);

  return (
    <div class="coordinator">
      <a class="coordinator__skip" href="#coordinator-content">
        {t.skipToContent}
      </a>
      <header class="coordinator__header">
        <p class="coordinator__brand">{t.title}</p>
        {user && <p class="coordinator__user">{t.signedInAs(user.name, t.roles[user.role])}</p>}
      </header>
      {links.length > 0 && (
        <nav class="coordinator__nav" aria-label={t.navLabel}>
          <ul>
            {links.map((link) => (
              <li key={link.section}>
                <RouteLink route={link.route} aria-current={link.section === section ? 'page' : undefined}>
                  {t.sections[link.section]}
                </RouteLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <section class="coordinator__content" id="coordinator-content" tabIndex={-1} aria-labelledby="coordinator-title">
        <div class="coordinator__heading">
          <h1 class="coordinator__title" id="coordinator-title">
            {title}
          </h1>
          {allowed && actions && <div class="coordinator__actions">{actions}</div>}
        </div>
        {allowed ? (
          children
        ) : (
          <p class="message message--error" role="alert">
            {t.notAllowed}
          </p>
        )}
      </section>
    </div>
  );
}
