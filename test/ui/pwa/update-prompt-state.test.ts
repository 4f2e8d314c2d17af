import { describe, expect, it } from 'vitest';
import {
  initialUpdatePromptState,
  isUpdatePromptVisible,
  nextUpdatePromptState,
  type UpdatePromptEvent,
} from '../../../src/ui/pwa/update-prompt-state.ts';

const stateAfter = (...events: UpdatePromptEvent[]) => events.reduce(nextUpdatePromptState, initialUpdatePromptState);

describe('the update prompt: never during a count, asks again at the next pause', () => {
  it('shows only when a new version is ready and nobody is counting a location', () => {
    expect(isUpdatePromptVisible(initialUpdatePromptState, { ready: false, busy: false })).toBe(false);
    expect(isUpdatePromptVisible(initialUpdatePromptState, { ready: true, busy: true })).toBe(false);
    expect(isUpdatePromptVisible(initialUpdatePromptState, { ready: true, busy: false })).toBe(true);
  });

  it('"Later" hides it until the location is finished or the app is shown again', () => {
    expect(isUpdatePromptVisible(stateAfter('later'), { ready: true, busy: false })).toBe(false);
    expect(isUpdatePromptVisible(stateAfter('later', 'pause'), { ready: true, busy: false })).toBe(true);
  });

  it('once the person said "Update now" it stays, showing progress, until the page reloads', () => {
    const applying = stateAfter('apply');
    expect(applying.applying).toBe(true);
    expect(isUpdatePromptVisible(applying, { ready: true, busy: true })).toBe(true);
    expect(nextUpdatePromptState(applying, 'pause')).toBe(applying);
  });
});
