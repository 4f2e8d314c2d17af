import { useCallback, useEffect, useState } from 'preact/hooks';

export type Route =
  | { name: 'start' }
  | { name: 'quick' }
  | { name: 'settings' }
  | { name: 'locations'; stockTakeId: string }
  | { name: 'count'; stockTakeId: string; locationCode: string }
  | { name: 'summary'; stockTakeId: string; locationCode: string }
  | { name: 'review'; stockTakeId: string };

const enc = encodeURIComponent;

export function routeToPath(route: Route): string {
  switch (route.name) {
    case 'start':
      return '/';
    case 'quick':
      return '/quick';
    case 'settings':
      return '/settings';
    case 'locations':
      return `/st/${enc(route.stockTakeId)}`;
    case 'count':
      return `/st/${enc(route.stockTakeId)}/loc/${enc(route.locationCode)}`;
    case 'summary':
      return `/st/${enc(route.stockTakeId)}/loc/${enc(route.locationCode)}/summary`;
    case 'review':
      return `/st/${enc(route.stockTakeId)}/review`;
  }
}

export function pathToRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [a, b, c, d, e] = parts;
  if (a === 'quick' && parts.length === 1) return { name: 'quick' };
  if (a === 'settings' && parts.length === 1) return { name: 'settings' };
  if (a === 'st' && b) {
    if (parts.length === 2) return { name: 'locations', stockTakeId: b };
    if (c === 'review' && parts.length === 3) return { name: 'review', stockTakeId: b };
    if (c === 'loc' && d && parts.length === 4) return { name: 'count', stockTakeId: b, locationCode: d };
    if (c === 'loc' && d && e === 'summary' && parts.length === 5)
      return { name: 'summary', stockTakeId: b, locationCode: d };
  }
  return { name: 'start' };
}

/** The current screen, kept in the address bar so that the back button and deep links work (offline too). */
export function useRoute(): [Route, (route: Route, replace?: boolean) => void] {
  const [route, setRoute] = useState<Route>(() => pathToRoute(location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(pathToRoute(location.pathname));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((next: Route, replace = false) => {
    const path = routeToPath(next);
    if (replace) history.replaceState(null, '', path);
    else if (path !== location.pathname) history.pushState(null, '', path);
    setRoute(next);
    scrollTo(0, 0);
  }, []);
  return [route, navigate];
}
