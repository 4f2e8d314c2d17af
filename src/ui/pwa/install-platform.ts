/** Where the app is opened, as far as installing it goes: each has its own way to install. */
export type InstallPlatform = 'ios' | 'android' | 'desktop';

/**
 * iPadOS Safari presents itself as a Mac ("Macintosh") by default; a Mac has no touch points, so
 * touch on a "Mac" means an iPad.
 */
export function detectInstallPlatform(
  userAgent: string = navigator.userAgent,
  maxTouchPoints: number = navigator.maxTouchPoints ?? 0,
): InstallPlatform {
  if (/iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1)) return 'ios';
  if (/Android/.test(userAgent)) return 'android';
  return 'desktop';
}

/** True when the app runs from the home screen or as an installed window, not in a browser tab. */
export function isRunningInstalled(): boolean {
  const standaloneIos = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return (
    standaloneIos ||
    ['standalone', 'fullscreen', 'minimal-ui', 'window-controls-overlay'].some(
      (mode) => matchMedia(`(display-mode: ${mode})`).matches,
    )
  );
}
