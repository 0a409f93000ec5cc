import type { AdvanceRejection } from '../advance';
import type { MissingReason } from '../runner';
import type { Placement, Tour } from '../schema';
import type { FrameTarget } from '../../frames/content/delegate';

/** What the overlay shows for the running tour: derived by the controller, drawn by React. */
export interface TourView {
  tour: Tour;
  stepIndex: number;
  /** `located`: next to `element`; `centred`: no target; `missing`: 找不到该元素. */
  mode: 'located' | 'centred' | 'missing';
  element: Element | null;
  /** Cross-origin frames: the target inside a frame of another origin (instead of `element`). */
  frameTarget?: FrameTarget | null;
  placement: Placement;
  /** Why the learner's last action did not complete the step. */
  rejection: AdvanceRejection | null;
  /** The validator's own words for the rejection (shown instead of the generic message). */
  rejectionMessage?: string | null;
  /** Why the target is missing (mode `missing`). */
  missingReason: MissingReason | null;
  /** The one-click problem report of a missing step. */
  report: 'idle' | 'sending' | 'sent' | 'failed';
}

/** An offer to continue a tour interrupted earlier. */
export interface ResumeView {
  tourId: string;
  title: string;
  stepIndex: number;
  stepCount: number;
}
