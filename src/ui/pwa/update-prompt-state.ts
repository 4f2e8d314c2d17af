/**
 * When the update prompt shows. It never interrupts a count: while a location is being counted it
 * waits. "Later" hides it until the next natural pause — the location is finished, or the app is
 * brought back to the screen — when it asks again.
 */
export interface UpdatePromptState {
  dismissed: boolean;
  applying: boolean;
}

export type UpdatePromptEvent = 'later' | 'apply' | 'pause';

export const initialUpdatePromptState: UpdatePromptState = { dismissed: false, applying: false };

export function nextUpdatePromptState(state: UpdatePromptState, event: UpdatePromptEvent): UpdatePromptState {
  switch (event) {
    case 'later':
      return { ...state, dismissed: true };
    case 'apply':
      return { dismissed: false, applying: true };
    case 'pause':
      return state.dismissed ? { ...state, dismissed: false } : state;
  }
}

export function isUpdatePromptVisible(
  state: UpdatePromptState,
  { ready, busy }: { ready: boolean; busy: boolean },
): boolean {
  if (state.applying) return true;
  return ready && !busy && !state.dismissed;
}
