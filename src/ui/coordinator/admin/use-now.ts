import { useEffect, useState } from 'preact/hooks';

/** The current time, updated every `intervalMs` (a countdown, "3 minutes ago"). */
export function useNow(intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
