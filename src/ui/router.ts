import { useCallback, useEffect, useState } from 'preact/hooks';

export type Route =
  | { name: 'start' }
  | { name: 'quick' }
  | { name: 'settings' }
  | { name: 'locations'; stockTakeId: string }
  | { name: 'count'; stockTakeId: string; locationCode: string }
  | { name: 'summary'; stockTakeId: string; locationCode: string }
  | { name: 'review'; stockTakeId: string }
  // Identity (issue 7): first start of a server, enrolling this device, signing in online.
  | { name: 'setup' }
  | { name: 'enroll'; code: string | null }
  | { name: 'sign-in' }
  // The coordinators' screens (issue 8), for supervisors and administrators.
  | { name: 'overview' }
  | { name: 'drill'; siteCode: string; gtin: string }
  | { name: 'import' }
  | { name: 'labels'; siteCode: string | null }
  | { name: 'stock-takes' }
  | { name: 'stock-take'; stockTakeId: string }
  | { name: 'devices' }
  | { name: 'users' }
  | { name: 'audit' };

/** The coordinators' screens: they need a signed-in supervisor or administrator and a network. */
export const COORDINATOR_ROUTES: ReadonlySet<Route['name']> = new Set([
  'overview',
  'drill',
  'import',
  'labels',
  'stock-takes',
  'stock-take',
  'devices',
  'users',
  'audit',
]);

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
    case 'setup':
      return '/setup';
    case 'enroll':
      return route.code ? `/enroll?code=${enc(route.code)}` : '/enroll';
    case 'sign-in':
      return '/sign-in';
    case 'overview':
      return '/admin';
    case 'drill':
      return `/admin/drill/${enc(route.siteCode)}/${enc(route.gtin)}`;
    case 'import':
      return '/admin/import';
    case 'labels':
      return route.siteCode ? `/admin/labels/${enc(route.siteCode)}` : '/admin/labels';
    case 'stock-takes':
      return '/admin/stock-takes';
    case 'stock-take':
      return `/admin/stock-takes/${enc(route.stockTakeId)}`;
    case 'devices':
      return '/admin/devices';
    case 'users':
      return '/admin/users';
    case 'audit':
      return '/admin/audit';
  }
}

export function pathToRoute(path: string, search = ''): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [a, b, c, d, e] = parts;
  if (a === 'quick' && parts.length === 1) return { name: 'quick' };
  if (a === 'settings' && parts.length === 1) return { name: 'settings' };
  if (a === 'setup' && parts.length === 1) return { name: 'setup' };
  if (a === 'enroll' && parts.length === 1) return { name: 'enroll', code: new URLSearchParams(search).get('code') };
  if (a === 'sign-in' && parts.length === 1) return { name: 'sign-in' };
  if (a === 'admin') return adminRoute(parts.slice(1));
  if (a === 'st' && b) {
    if (parts.length === 2) return { name: 'locations', stockTakeId: b };
    if (c === 'review' && parts.length === 3) return { name: 'review', stockTakeId: b };
    if (c === 'loc' && d && parts.length === 4) return { name: 'count', stockTakeId: b, locationCode: d };
    if (c === 'loc' && d && e === 'summary' && parts.length === 5)
      return { name: 'summary', stockTakeId: b, locationCode: d };
  }
  return { name: 'start' };
}

function adminRoute(parts: readonly string[]): Route {
  const [a, b, c] = parts;
  if (parts.length === 0) return { name: 'overview' };
  if (a === 'drill' && b && c && parts.length === 3) return { name: 'drill', siteCode: b, gtin: c };
  if (a === 'import' && parts.length === 1) return { name: 'import' };
  if (a === 'labels' && parts.length <= 2) return { name: 'labels', siteCode: b ?? null };
  if (a === 'stock-takes' && parts.length === 1) return { name: 'stock-takes' };
  if (a === 'stock-takes' && b && parts.length === 2) return { name: 'stock-take', stockTakeId: b };
  if (a === 'devices' && parts.length === 1) return { name: 'devices' };
  if (a === 'users' && parts.length === 1) return { name: 'users' };
  if (a === 'audit' && parts.length === 1) return { name: 'audit' };
  return { name: 'overview' };
}

/** The current screen, kept in the address bar so that the back button and deep links work (offline too). */
export function useRoute(): [Route, (route: Route, replace?: boolean) => void] {
  const [route, setRoute] = useState<Route>(() => pathToRoute(location.pathname, location.search));
  useEffect(() => {
    const onPop = () => setRoute(pathToRoute(location.pathname, location.search));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((next: Route, replace = false) => {
    const path = routeToPath(next);
    if (replace) history.replaceState(null, '', path);
    else if (path !== location.pathname + location.search) history.pushState(null, '', path);
    setRoute(next);
    scrollTo(0, 0);
  }, []);
  return [route, navigate];
}
