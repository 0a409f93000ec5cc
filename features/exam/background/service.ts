import {
  PRACTICAL_PASS_SCORE,
  collectStepAttempts,
  scorePracticalAssessment,
  scoredStepsOf,
  type PracticalScore,
} from '../scoring';
import type { AssessmentRecord } from '../records';
import type { ZhiyinDatabase } from '../../../app/database';
import { DEADLINES, orDefault } from '../../../lib/platform/deadline';
import type { TourRecord } from '../../tour/runner';
import type { Tour } from '../../tour/schema';
import type { SurveyService } from '../../survey/background/service';
import type { RunEnd, SessionHooks, SessionVariant } from '../../tour/background/sessions';
import type { TourOutcome } from '../../tour/protocol';
import type { ExamOutcome } from '../outcome';

/**
 * The practical assessment (实操考核) side of tour sessions: an AssessmentRecord per exam attempt
 * (running → passed / failed / abandoned), scored with features/exam/scoring.ts when the exam
 * ends, remedial training (补训) completion, the xAPI statement, and the satisfaction survey at
 * the end of a tour or an assessment.
 */
export interface AssessmentServiceOptions {
  db: ZhiyinDatabase;
  surveys: SurveyService;
  /** xAPI passed/failed (features/xapi/background/service.ts practicalAssessed), when wired. */
  assessed?(input: {
    tabId: number;
    tourId: string;
    attemptId: string;
    at: number;
    score: PracticalScore;
  }): Promise<unknown>;
  /**
   * xAPI tour statements of the exam's run (attempted, steps experienced, completed), under the
   * attempt's registration (features/xapi/background/service.ts tourRecords with `registration`),
   * when wired. Sent when the exam ends, before `assessed`, after the result is stored.
   */
  examRecords?(input: {
    tabId: number;
    attemptId: string;
    records: TourRecord[];
  }): Promise<unknown>;
  /**
   * xAPI: the remedial run (补训) of a failed attempt finished (features/xapi/background/service.ts
   * remedialCompleted), when wired. Sent after `remedialCompletedAt` is stored.
   */
  remedialCompleted?(input: {
    tabId: number;
    tourId: string;
    attemptId: string;
    at: number;
  }): Promise<unknown>;
}

export class AssessmentService implements SessionHooks {
  constructor(private readonly options: AssessmentServiceOptions) {}

  /** The survey to offer, or none when its frequency state cannot be read in time. */
  private offerSurvey(kind: 'tour' | 'assessment', tour: Tour) {
    return orDefault(
      () => this.options.surveys.offer(kind, tour.id, tour.title),
      2 * DEADLINES.read,
      null,
      'offering the satisfaction survey',
    );
  }

  async examStarted({ tour, variant }: { tour: Tour; variant: SessionVariant }): Promise<void> {
    if (variant.kind !== 'exam') return;
    await this.options.db.assessments.add({
      tourId: tour.id,
      attemptId: variant.attemptId,
      startedAt: variant.startedAt,
      endedAt: null,
      status: 'running',
      score: null,
      remedialStepIds: [],
      remedialCompletedAt: null,
    });
  }

  async ended(info: RunEnd): Promise<TourOutcome | null> {
    const { variant } = info;
    if (variant?.kind === 'exam') return this.examEnded(info, variant);
    if (variant?.kind === 'remedial') {
      if (info.status !== 'finished') return null;
      await this.options.db.assessments.update(variant.assessmentId, {
        remedialCompletedAt: info.at,
      });
      const assessment = await this.options.db.assessments.get(variant.assessmentId);
      if (assessment)
        await this.options
          .remedialCompleted?.({
            tabId: info.tabId,
            tourId: assessment.tourId,
            attemptId: assessment.attemptId,
            at: info.at,
          })
          .catch(() => undefined);
      return { remedial: { assessmentId: variant.assessmentId, title: info.tour.title } };
    }
    if (info.status !== 'finished') return null;
    const survey = await this.offerSurvey('tour', info.tour);
    return survey ? { survey } : null;
  }

  private async examEnded(
    info: RunEnd,
    variant: Extract<SessionVariant, { kind: 'exam' }>,
  ): Promise<TourOutcome | null> {
    const { db } = this.options;
    const records = variant.observations.filter(
      (observation): observation is TourRecord => observation.kind !== 'advance-rejected',
    );
    // After the result is stored (never in front of it): the run's statements, then, when
    // scored, the assessment's. The xAPI side queues them and returns (background FollowUpQueue).
    const sendRunStatements = () =>
      this.options
        .examRecords?.({ tabId: info.tabId, attemptId: variant.attemptId, records })
        .catch(() => undefined);
    const existing = await db.assessments.where('attemptId').equals(variant.attemptId).first();
    const base: AssessmentRecord = existing ?? {
      tourId: info.tour.id,
      attemptId: variant.attemptId,
      startedAt: variant.startedAt,
      endedAt: null,
      status: 'running',
      score: null,
      remedialStepIds: [],
      remedialCompletedAt: null,
    };
    if (info.status === 'abandoned') {
      // 退出: the learner left the exam; it is kept as abandoned, without a score.
      await db.assessments.put({ ...base, status: 'abandoned', endedAt: info.at });
      await sendRunStatements();
      return null;
    }
    const score = scorePracticalAssessment({
      steps: scoredStepsOf(info.runTour),
      attempts: collectStepAttempts(info.runTour, variant.observations),
      timing: variant.timing,
      elapsedMs: Math.max(0, info.at - variant.startedAt),
    });
    const record: AssessmentRecord = {
      ...base,
      status: score.passed ? 'passed' : 'failed',
      endedAt: info.at,
      score,
      remedialStepIds: score.remedialStepIds,
    };
    const id = (await db.assessments.put(record)) as number;
    await sendRunStatements();
    await this.options
      .assessed?.({
        tabId: info.tabId,
        tourId: info.tour.id,
        attemptId: variant.attemptId,
        at: info.at,
        score,
      })
      .catch(() => undefined);
    const titles = new Map(info.tour.steps.map((step) => [step.id, step.title ?? step.id]));
    const exam: ExamOutcome = {
      assessmentId: id,
      tourId: info.tour.id,
      title: info.tour.title,
      stepScore: score.stepScore,
      timeScore: score.timeScore,
      accuracyScore: score.accuracyScore,
      total: score.total,
      passed: score.passed,
      passScore: PRACTICAL_PASS_SCORE,
      timedOut: score.timedOut,
      remedialSteps: score.remedialStepIds.map((stepId) => ({
        id: stepId,
        title: titles.get(stepId) ?? stepId,
      })),
    };
    const survey = await this.offerSurvey('assessment', info.tour);
    return survey ? { exam, survey } : { exam };
  }
}
