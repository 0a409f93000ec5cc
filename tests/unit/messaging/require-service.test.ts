/** requireService (lib/messaging/router.ts): a feature set up without its service refuses, saying why. */
import { describe, expect, it } from 'vitest';
import { dispatch, MessageRefused, requireService } from '../../../lib/messaging/router';
import { createAssessmentRoutes } from '../../../features/exam/background/routes';
import { createFrameRoutes } from '../../../features/frames/background/routes';

describe('requireService', () => {
  it('gives the service when there is one', () => {
    const service = { name: 'frames' };
    expect(requireService(service, 'frames are not available')()).toBe(service);
  });

  it('refuses with the reason when the background has none', () => {
    const need = requireService<{ name: string }>(undefined, 'frames are not available');
    expect(need).toThrow(MessageRefused);
    expect(need).toThrow('frames are not available');
  });

  it('is how exam and frame routes refuse without their services', async () => {
    const page = {
      ok: true,
      kind: 'extension-page',
      url: 'chrome-extension://x/dashboard.html',
    } as const;
    await expect(
      dispatch(
        createAssessmentRoutes(undefined),
        'page:startRemedial',
        { assessmentId: 1, tabId: 3 },
        page,
      ),
    ).rejects.toThrow('assessments are not available');
    const content = {
      ok: true,
      kind: 'content',
      tabId: 3,
      frameId: 0,
      url: 'http://localhost/',
    } as const;
    await expect(
      dispatch(createFrameRoutes(undefined), 'content:frameRelease', { id: 'x' }, content),
    ).rejects.toThrow('cross-origin frames are not available');
  });
});
