import type { ComponentChildren } from 'preact';
import { useApp } from '../app-context.ts';
import { type Route, routeToPath } from '../router.ts';

interface RouteLinkProps {
  route: Route;
  /** A query string (without `?`) that travels with the address, e.g. the overview's filters. */
  query?: string;
  class?: string;
  title?: string;
  'aria-label'?: string;
  'aria-current'?: 'page';
  children: ComponentChildren;
}

/**
 * A real link to a screen of the app: it has an address (open in a new tab, copy, middle-click) and
 * is reached with Tab, while a plain click navigates inside the app without reloading it.
 */
export function RouteLink({ route, query, children, ...rest }: RouteLinkProps) {
  const { navigate } = useApp();
  const href = routeToPath(route) + (query ? `?${query}` : '');
  return (
    <a
      {...rest}
      href={href}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(route);
        // navigate() writes the route's path only; the query (filters) rides along in the address.
        if (query) history.replaceState(null, '', href);
      }}
    >
      {children}
    </a>
  );
}
