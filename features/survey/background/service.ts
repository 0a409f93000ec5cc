import type { SurveyAnswerInput } from '../protocol';
import { SATISFACTION_LEVELS } from '../../exam/indicators';
import type { SurveyAnswerRecord } from '../records';
import type { ZhiyinDatabase } from '../../../app/database';
import { DEFAULT_SURVEY_POLICY, type SurveyPolicy } from '../../../app/policy/policy';
import type { SurveyPrompt } from '../protocol';
import { scrubPersonalData } from '../../../lib/privacy/personal-data';

/**
 * The satisfaction survey (满意度: 非常满意 / 满意 / 一般 / 不满意 + a comment) offered at the end of
 * a tour or an assessment, never more often than the policy allows, and its answers (stored in
 * `surveyAnswers`, sent as xAPI `answered`).
 */

// The frequency is an administrator's setting (lib/policy: `survey` in the managed policy).
export { DEFAULT_SURVEY_POLICY, type SurveyPolicy } from '../../../app/policy/policy';

export const SURVEY_COMMENT_MAX = 500;
const DAY_MS = 24 * 60 * 60 * 1000;
const OFFERS_KEY = 'surveyOffers';

/** Where offers are remembered (browser.storage.local in the extension). */
export interface SurveyKeyValue {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

interface OfferLog {
  /** Offers per subject key (`tour:<id>` / `assessment:<id>`), ever. */
  subjects: Record<string, number>;
  /** Times of the offers of the last 24 hours. */
  recent: number[];
}

export class SurveyRefused extends Error {
  override name = 'SurveyRefused';
}

export interface SurveyServiceOptions {
  db: ZhiyinDatabase;
  store: SurveyKeyValue;
  now: () => number;
  policy?: () => Promise<SurveyPolicy>;
  /** Whether a subject exists (a bundled tour id). */
  knownSubject(kind: SurveyAnswerInput['subjectKind'], id: string): boolean;
  /** xAPI `answered` (features/xapi/background/service.ts), when wired. */
  answered?(record: SurveyAnswerRecord & { id: number }): Promise<unknown>;
}

export class SurveyService {
  constructor(private readonly options: SurveyServiceOptions) {}

  /** A prompt when the survey may be offered now for this subject (and counts the offer). */
  async offer(
    subjectKind: SurveyPrompt['subjectKind'],
    subjectId: string,
    title: string,
  ): Promise<SurveyPrompt | null> {
    const policy = (await this.options.policy?.()) ?? DEFAULT_SURVEY_POLICY;
    const now = this.options.now();
    const log = await this.readLog(now);
    const key = `${subjectKind}:${subjectId}`;
    if ((log.subjects[key] ?? 0) >= policy.perSubject) return null;
    if (log.recent.length >= policy.perDay) return null;
    const answered = await this.options.db.surveyAnswers
      .where('[subjectKind+subjectId]')
      .equals([subjectKind, subjectId])
      .count();
    if (answered > 0) return null;
    log.subjects[key] = (log.subjects[key] ?? 0) + 1;
    log.recent.push(now);
    await this.options.store.set(OFFERS_KEY, log);
    return { subjectKind, subjectId, title };
  }

  /** Stores an answer; refuses an unknown subject or rating with a readable reason. */
  async answer(input: SurveyAnswerInput): Promise<SurveyAnswerRecord & { id: number }> {
    if (input.subjectKind !== 'tour' && input.subjectKind !== 'assessment')
      throw new SurveyRefused('未知的评价对象');
    if (
      typeof input.subjectId !== 'string' ||
      !this.options.knownSubject(input.subjectKind, input.subjectId)
    )
      throw new SurveyRefused(`未找到评价对象「${String(input.subjectId)}」`);
    if (!(SATISFACTION_LEVELS as readonly string[]).includes(input.rating))
      throw new SurveyRefused('请选择满意程度：非常满意、满意、一般或不满意');
    const comment = typeof input.comment === 'string' ? input.comment.trim() : '';
    if (comment.length > SURVEY_COMMENT_MAX)
      throw new SurveyRefused(`意见不能超过 ${SURVEY_COMMENT_MAX} 字`);
    // Comments are free text: people write "我的身份证号 … 办不了" there. What is stored (and sent
    // as xAPI from the stored row) is scrubbed.
    const record: SurveyAnswerRecord = {
      at: this.options.now(),
      subjectKind: input.subjectKind,
      subjectId: input.subjectId,
      rating: input.rating,
      comment: scrubPersonalData(comment).text,
    };
    const id = await this.options.db.surveyAnswers.add(record);
    const stored = { ...record, id: id as number };
    try {
      await this.options.answered?.(stored);
    } catch {
      // The answer is stored; a failing xAPI queue must not lose or refuse it.
    }
    return stored;
  }

  /**
   * A pack renamed tours: the offers counted under an old id count for the new one (`perSubject`
   * would otherwise offer the survey about the same tour again). Idempotent: nothing is left
   * under an old id after a first run.
   */
  async moveOffers(renames: Readonly<Record<string, string>>): Promise<void> {
    const log = await this.readLog(this.options.now());
    let moved = false;
    for (const [from, to] of Object.entries(renames)) {
      if (from === to) continue;
      for (const kind of ['tour', 'assessment'] as const) {
        const count = log.subjects[`${kind}:${from}`];
        if (count === undefined) continue;
        log.subjects[`${kind}:${to}`] = (log.subjects[`${kind}:${to}`] ?? 0) + count;
        delete log.subjects[`${kind}:${from}`];
        moved = true;
      }
    }
    if (moved) await this.options.store.set(OFFERS_KEY, log);
  }

  private async readLog(now: number): Promise<OfferLog> {
    const raw = (await this.options.store.get(OFFERS_KEY)) as Partial<OfferLog> | undefined;
    const subjects =
      raw && typeof raw.subjects === 'object' && raw.subjects !== null ? { ...raw.subjects } : {};
    const recent = Array.isArray(raw?.recent)
      ? raw.recent.filter((at): at is number => typeof at === 'number' && now - at < DAY_MS)
      : [];
    return { subjects, recent };
  }
}
