/**
 * 培训效果评估 for the whole organisation, computed from the LRS's statements (pure, no I/O).
 *
 * Input: statements as the LRS returns them (read defensively: anything malformed or from another
 * activity base is counted in `skipped`, never thrown), and the catalog of this build (tours and
 * quizzes with their module, the role checklists).
 *
 * Who: a learner is one xAPI agent (`actor.account` homePage + name). Department and role are the
 * context extensions `<base>extensions/department` / `<base>extensions/role` that
 * features/xapi/statements.ts adds (the latest statement that carries each wins); without them
 * the learner is counted under 未注明.
 *
 * Indicators (培训方案 七、效果评估; targets from features/exam/indicators.ts):
 * - 清单完成率 checklist completion: the tours of the learner's role checklist
 *   (tours/checklists.yaml) with a `completed` statement / all of them; target ≥ 95% (the plan's
 *   实操完成率). Learners without a role have no checklist and are not in the denominator.
 * - 笔试 / 实操 首次通过率 and 最终通过率: per (learner, quiz) and (learner, assessed tour): the
 *   first attempt's verdict, and whether any attempt passed. Verdict = `result.success`, else the
 *   verb (passed / failed); the pass mark (80) is applied where the score is made
 *   (features/quiz/grading.ts, features/exam/scoring.ts). Final pass target: everyone (100%).
 * - 满意度: (非常满意 + 满意) / answers of the satisfaction survey; target ≥ 90%.
 * - 补训 remedial: every (learner, assessment) whose first attempt failed needs remedial
 *   training; status `passed` (a later attempt passed), `retrained` (after the failure the learner
 *   finished its 补训 run — a `completed` statement with `result.extensions <base>extensions/
 *   remedial` = true, which is not a checklist completion — completed the tour again, or tried
 *   again; not passed yet), `pending` (nothing since).
 * - Weekly trend (weeks start Monday 00:00 China Standard Time, UTC+8): cumulative checklist
 *   completion at the week's end, first-attempt pass rate and satisfaction of that week's events,
 *   active learners.
 *
 * Per department, per role and per module (认知/操作/规范/安全/进阶: a tour's or quiz's module;
 * a survey counts for the module of what it rated).
 */
import { INDICATOR_TARGETS, SATISFACTION_LEVELS } from '../exam/indicators';
import { ROLES } from '../profile/roles';
import { normalizeBase } from '../xapi/vocabulary';

export const UNSPECIFIED = '未注明';
/** Module of an activity this build does not know (an older or newer tour). */
export const OTHER_MODULE = '其他';

export const VERB_IDS = {
  attempted: 'http://adlnet.gov/expapi/verbs/attempted',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
} as const;

/** The verbs the evaluation reads (step statements are not needed and are most of the volume). */
export const EVALUATION_VERBS: readonly string[] = Object.values(VERB_IDS);

export interface CatalogEntry {
  id: string;
  title: string;
  module: string;
}

export interface Catalog {
  /** The deployment's activity base (LRS policy `activityBase`, default in features/xapi). */
  activityBase: string;
  tours: readonly CatalogEntry[];
  quizzes: readonly CatalogEntry[];
  /** Role → tour ids of its onboarding checklist. */
  checklists: Readonly<Record<string, readonly string[]>>;
}

export type IndicatorId =
  | 'checklist-completion'
  | 'written-first'
  | 'written-final'
  | 'practical-first'
  | 'practical-final'
  | 'satisfaction';

export interface OrgIndicator {
  id: IndicatorId;
  numerator: number;
  denominator: number;
  /** null when there is nothing to count. */
  rate: number | null;
  /** The plan's target; null when the plan sets none. */
  target: number | null;
  /** rate ≥ target (on whole counts); null when either is unknown. */
  met: boolean | null;
}

export const INDICATOR_LABELS: Record<IndicatorId, { zh: string; en: string }> = {
  'checklist-completion': { zh: '清单完成率', en: 'Checklist completion' },
  'written-first': { zh: '笔试首次通过率', en: 'Written test, first-attempt pass' },
  'written-final': { zh: '笔试最终通过率（含补训）', en: 'Written test, final pass' },
  'practical-first': { zh: '实操首次通过率', en: 'Practical exam, first-attempt pass' },
  'practical-final': { zh: '实操最终通过率（含补训）', en: 'Practical exam, final pass' },
  satisfaction: { zh: '满意度', en: 'Satisfaction' },
};

export const ORG_TARGETS: Record<IndicatorId, number | null> = {
  'checklist-completion': INDICATOR_TARGETS.practicalCompletion,
  'written-first': null,
  'written-final': INDICATOR_TARGETS.passEventual,
  'practical-first': null,
  'practical-final': INDICATOR_TARGETS.passEventual,
  satisfaction: INDICATOR_TARGETS.satisfaction,
};

export const INDICATOR_IDS = Object.keys(INDICATOR_LABELS) as IndicatorId[];

function indicator(id: IndicatorId, numerator: number, denominator: number): OrgIndicator {
  const target = ORG_TARGETS[id];
  const rate = denominator === 0 ? null : numerator / denominator;
  const met = rate === null || target === null ? null : numerator >= target * denominator - 1e-9;
  return { id, numerator, denominator, rate, target, met };
}

export interface GroupFigures {
  /** Department, role or module name. */
  key: string;
  learners: number;
  indicators: Record<IndicatorId, OrgIndicator>;
  remedial: { needed: number; passed: number; retrained: number; pending: number };
}

export type RemedialStatus = 'passed' | 'retrained' | 'pending';

export interface RemedialEntry {
  learner: string;
  /** actor.name when the deployment sends names. */
  name: string | null;
  department: string;
  role: string;
  kind: 'written' | 'practical';
  subjectId: string;
  title: string;
  module: string;
  failedAt: number;
  /** Score of the failed first attempt (0–100), when sent. */
  score: number | null;
  attempts: number;
  status: RemedialStatus;
  /** When the status was reached (later pass or retraining). */
  statusAt: number | null;
}

export interface WeekFigures {
  /** Monday of the week (China Standard Time), YYYY-MM-DD. */
  week: string;
  activeLearners: number;
  /** Cumulative checklist completion at the end of the week. */
  checklistCompletion: number | null;
  /** First attempts (written and practical) made this week that passed. */
  firstAttemptPass: number | null;
  satisfaction: number | null;
}

export interface Evaluation {
  learners: number;
  statements: { used: number; skipped: number; duplicates: number };
  /** Learners without department / role in their statements. */
  unspecified: { department: number; role: number };
  overall: GroupFigures;
  byDepartment: GroupFigures[];
  byRole: GroupFigures[];
  byModule: GroupFigures[];
  remedial: RemedialEntry[];
  weekly: WeekFigures[];
  /** Time range of the statements used (epoch ms), null when none. */
  range: { from: number; to: number } | null;
}

interface Attempt {
  at: number;
  passed: boolean;
  score: number | null;
}

interface LearnerFacts {
  key: string;
  account: string;
  name: string | null;
  department: { value: string; at: number } | null;
  role: { value: string; at: number } | null;
  /** tourId → first completion time. */
  completed: Map<string, number>;
  /** tourId → completion times (for remedial retraining). */
  completions: Map<string, number[]>;
  /** tourId → times a remedial run (补训) of its assessment finished. */
  retrainings: Map<string, number[]>;
  written: Map<string, Attempt[]>;
  practical: Map<string, Attempt[]>;
  /** [module, level, at] of satisfaction answers. */
  answers: { module: string; satisfied: boolean; at: number }[];
  activity: number[];
}

type Parsed =
  | { kind: 'attempted' | 'completed' | 'remedial'; tourId: string }
  | { kind: 'written' | 'practical'; id: string; attempt: Attempt }
  | { kind: 'survey'; module: string; satisfied: boolean };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, max = 200): string | null {
  return typeof value === 'string' && value.trim() !== '' && value.length <= max
    ? value.trim()
    : null;
}

const SATISFIED = new Set<string>(SATISFACTION_LEVELS.slice(0, 2));
const LEVELS = new Set<string>(SATISFACTION_LEVELS);

/** The Monday (CST, UTC+8) of the week of `at`, as YYYY-MM-DD. */
export function weekOf(at: number): string {
  const cst = new Date(at + 8 * 3_600_000);
  const day = (cst.getUTCDay() + 6) % 7; // Monday = 0
  const monday = new Date(
    Date.UTC(cst.getUTCFullYear(), cst.getUTCMonth(), cst.getUTCDate() - day),
  );
  return monday.toISOString().slice(0, 10);
}

/** End of the week starting `week` (next Monday 00:00 CST), epoch ms. */
function weekEnd(week: string): number {
  return Date.parse(`${week}T00:00:00+08:00`) + 7 * 86_400_000;
}

function earliest(times: readonly number[]): number | null {
  return times.length === 0 ? null : Math.min(...times);
}

const COLLATOR = new Intl.Collator('zh-CN');

/** The plan's order of modules (认知-操作-规范-安全-进阶), others after. */
const MODULE_ORDER = ['认知', '操作', '规范', '安全', '进阶'];
function moduleOrder(module: string): number {
  const i = MODULE_ORDER.indexOf(module);
  return i < 0 ? MODULE_ORDER.length : i;
}

function roleOrder(role: string): number {
  const i = (ROLES as readonly string[]).indexOf(role);
  return i < 0 ? ROLES.length : i;
}

export function evaluate(statements: Iterable<unknown>, catalog: Catalog): Evaluation {
  const base = normalizeBase(catalog.activityBase);
  const prefix = {
    tour: `${base}activities/tour/`,
    assessment: `${base}activities/assessment/`,
    quiz: `${base}activities/quiz/`,
    survey: `${base}activities/survey/`,
  };
  const extDepartment = `${base}extensions/department`;
  const extRemedial = `${base}extensions/remedial`;
  const extRole = `${base}extensions/role`;
  const tourById = new Map(catalog.tours.map((entry) => [entry.id, entry]));
  const quizById = new Map(catalog.quizzes.map((entry) => [entry.id, entry]));
  const tourModule = (id: string) => tourById.get(id)?.module ?? OTHER_MODULE;
  const quizModule = (id: string) => quizById.get(id)?.module ?? OTHER_MODULE;

  /** The id after `start` when `iri` is directly under it (no sub-path), decoded. */
  const idUnder = (iri: string, start: string): string | null => {
    if (!iri.startsWith(start)) return null;
    const rest = iri.slice(start.length);
    if (rest === '' || rest.includes('/')) return null;
    try {
      return decodeURIComponent(rest);
    } catch {
      return null;
    }
  };

  const verdict = (verb: string, result: unknown): Attempt | null => {
    const r = isRecord(result) ? result : {};
    const scoreRaw = isRecord(r.score) && typeof r.score.raw === 'number' ? r.score.raw : null;
    const score = scoreRaw !== null && Number.isFinite(scoreRaw) ? scoreRaw : null;
    const passed =
      typeof r.success === 'boolean'
        ? r.success
        : verb === VERB_IDS.passed
          ? true
          : verb === VERB_IDS.failed
            ? false
            : null;
    return passed === null ? null : { at: 0, passed, score };
  };

  const parse = (
    verb: string,
    objectId: string,
    statement: Record<string, unknown>,
  ): Parsed | null => {
    switch (verb) {
      case VERB_IDS.attempted:
      case VERB_IDS.completed: {
        const tourId = idUnder(objectId, prefix.tour);
        if (tourId === null) return null;
        if (verb !== VERB_IDS.completed) return { kind: 'attempted', tourId };
        // 补训 finished (features/xapi/statements.ts remedialCompleted): remedial training done,
        // not a run of the whole tour (it does not count for the checklist).
        const result = isRecord(statement.result) ? statement.result : null;
        const resultExtensions = result && isRecord(result.extensions) ? result.extensions : null;
        if (resultExtensions?.[extRemedial] === true) return { kind: 'remedial', tourId };
        return { kind: 'completed', tourId };
      }
      case VERB_IDS.passed:
      case VERB_IDS.failed: {
        const attempt = verdict(verb, statement.result);
        if (!attempt) return null;
        const quizId = idUnder(objectId, prefix.quiz);
        if (quizId !== null) return { kind: 'written', id: quizId, attempt };
        const tourId = idUnder(objectId, prefix.assessment);
        if (tourId !== null) return { kind: 'practical', id: tourId, attempt };
        return null;
      }
      case VERB_IDS.answered: {
        if (idUnder(objectId, prefix.survey) === null) return null;
        const response = isRecord(statement.result) ? text(statement.result.response, 20) : null;
        if (response === null || !LEVELS.has(response)) return null;
        const context = isRecord(statement.context) ? statement.context : {};
        const activities = isRecord(context.contextActivities) ? context.contextActivities : {};
        const parent = Array.isArray(activities.parent) ? (activities.parent[0] as unknown) : null;
        const about = isRecord(parent) && typeof parent.id === 'string' ? parent.id : '';
        const tourId = idUnder(about, prefix.tour) ?? idUnder(about, prefix.assessment);
        const quizId = idUnder(about, prefix.quiz);
        const module =
          tourId !== null
            ? tourModule(tourId)
            : quizId !== null
              ? quizModule(quizId)
              : OTHER_MODULE;
        return { kind: 'survey', module, satisfied: SATISFIED.has(response) };
      }
      default:
        return null;
    }
  };

  const learners = new Map<string, LearnerFacts>();
  const seen = new Set<string>();
  let used = 0;
  let skipped = 0;
  let duplicates = 0;
  let from = Infinity;
  let to = -Infinity;

  for (const raw of statements) {
    if (!isRecord(raw)) {
      skipped += 1;
      continue;
    }
    const id = typeof raw.id === 'string' ? raw.id : null;
    if (id !== null) {
      if (seen.has(id)) {
        duplicates += 1;
        continue;
      }
      seen.add(id);
    }
    const actor = isRecord(raw.actor) ? raw.actor : null;
    const account = actor && isRecord(actor.account) ? actor.account : null;
    const homePage = account ? text(account.homePage, 2000) : null;
    const accountName = account ? text(account.name) : null;
    const verb = isRecord(raw.verb) && typeof raw.verb.id === 'string' ? raw.verb.id : null;
    const objectId =
      isRecord(raw.object) && typeof raw.object.id === 'string' ? raw.object.id : null;
    const at = typeof raw.timestamp === 'string' ? Date.parse(raw.timestamp) : NaN;
    if (!homePage || !accountName || !verb || !objectId || !Number.isFinite(at)) {
      skipped += 1;
      continue;
    }
    const fact = parse(verb, objectId, raw);
    if (!fact) {
      skipped += 1;
      continue;
    }
    used += 1;
    from = Math.min(from, at);
    to = Math.max(to, at);
    const key = `${homePage}\n${accountName}`;
    let learner = learners.get(key);
    if (!learner) {
      learner = {
        key,
        account: accountName,
        name: null,
        department: null,
        role: null,
        completed: new Map(),
        completions: new Map(),
        retrainings: new Map(),
        written: new Map(),
        practical: new Map(),
        answers: [],
        activity: [],
      };
      learners.set(key, learner);
    }
    learner.activity.push(at);
    const displayName = actor ? text(actor.name) : null;
    if (displayName) learner.name = displayName;
    const context = isRecord(raw.context) ? raw.context : null;
    const extensions = context && isRecord(context.extensions) ? context.extensions : null;
    if (extensions) {
      const department = text(extensions[extDepartment]);
      if (department && (!learner.department || learner.department.at <= at))
        learner.department = { value: department, at };
      const role = text(extensions[extRole]);
      if (role && (!learner.role || learner.role.at <= at)) learner.role = { value: role, at };
    }
    switch (fact.kind) {
      case 'attempted':
        break;
      case 'completed': {
        const first = learner.completed.get(fact.tourId);
        if (first === undefined || at < first) learner.completed.set(fact.tourId, at);
        const list = learner.completions.get(fact.tourId) ?? [];
        list.push(at);
        learner.completions.set(fact.tourId, list);
        break;
      }
      case 'remedial': {
        const list = learner.retrainings.get(fact.tourId) ?? [];
        list.push(at);
        learner.retrainings.set(fact.tourId, list);
        break;
      }
      case 'written':
      case 'practical': {
        const map = fact.kind === 'written' ? learner.written : learner.practical;
        const list = map.get(fact.id) ?? [];
        list.push({ ...fact.attempt, at });
        map.set(fact.id, list);
        break;
      }
      case 'survey':
        learner.answers.push({ module: fact.module, satisfied: fact.satisfied, at });
        break;
    }
  }

  // Per learner: the facts each indicator counts, tagged with their module.
  interface Counted {
    learner: LearnerFacts;
    department: string;
    role: string;
    checklist: { module: string; completedAt: number | null }[];
    assessments: {
      kind: 'written' | 'practical';
      id: string;
      module: string;
      first: Attempt;
      final: boolean;
      attempts: Attempt[];
    }[];
  }
  const counted: Counted[] = [];
  const remedial: RemedialEntry[] = [];
  /** remedialKeys[i] = the learner key of remedial[i]. */
  const remedialKeys: string[] = [];
  for (const learner of learners.values()) {
    const department = learner.department?.value ?? UNSPECIFIED;
    const role = learner.role?.value ?? UNSPECIFIED;
    const checklistTours = learner.role ? (catalog.checklists[learner.role.value] ?? []) : [];
    const checklist = checklistTours.map((tourId) => ({
      module: tourModule(tourId),
      completedAt: learner.completed.get(tourId) ?? null,
    }));
    const assessments: Counted['assessments'] = [];
    for (const [kind, map] of [
      ['written', learner.written],
      ['practical', learner.practical],
    ] as const) {
      for (const [id, list] of map) {
        const attempts = [...list].sort((a, b) => a.at - b.at);
        const first = attempts[0];
        if (!first) continue;
        const module = kind === 'written' ? quizModule(id) : tourModule(id);
        const finalPass = attempts.find((attempt) => attempt.passed) ?? null;
        assessments.push({ kind, id, module, first, final: finalPass !== null, attempts });
        if (first.passed) continue;
        let status: RemedialStatus = 'pending';
        let statusAt: number | null = null;
        if (finalPass) {
          status = 'passed';
          statusAt = finalPass.at;
        } else {
          const retryAt = attempts[1]?.at ?? null;
          const retrainAt =
            kind === 'practical'
              ? earliest(
                  [
                    ...(learner.completions.get(id) ?? []),
                    ...(learner.retrainings.get(id) ?? []),
                  ].filter((at) => at > first.at),
                )
              : null;
          const candidates = [retryAt, retrainAt].filter((at): at is number => at !== null);
          if (candidates.length > 0) {
            status = 'retrained';
            statusAt = Math.min(...candidates);
          }
        }
        remedialKeys.push(learner.key);
        remedial.push({
          learner: learner.account,
          name: learner.name,
          department,
          role,
          kind,
          subjectId: id,
          title: (kind === 'written' ? quizById.get(id)?.title : tourById.get(id)?.title) ?? id,
          module,
          failedAt: first.at,
          score: first.score,
          attempts: attempts.length,
          status,
          statusAt,
        });
      }
    }
    counted.push({ learner, department, role, checklist, assessments });
  }

  // Remedial entries per learner key, to count them per department / role.
  const remedialByLearner = new Map<string, RemedialEntry[]>();
  remedialKeys.forEach((learnerKey, i) => {
    const entry = remedial[i];
    if (!entry) return;
    const list = remedialByLearner.get(learnerKey) ?? [];
    list.push(entry);
    remedialByLearner.set(learnerKey, list);
  });

  /** Figures of `rows`; with `module`, only what belongs to that module. */
  const figures = (key: string, rows: readonly Counted[], module?: string): GroupFigures => {
    let checklistDone = 0;
    let checklistAll = 0;
    const pass = {
      written: { first: 0, final: 0, all: 0 },
      practical: { first: 0, final: 0, all: 0 },
    };
    let satisfied = 0;
    let answers = 0;
    const remedialCounts = { needed: 0, passed: 0, retrained: 0, pending: 0 };
    let members = 0;
    for (const row of rows) {
      let involved = module === undefined;
      for (const item of row.checklist) {
        if (module !== undefined && item.module !== module) continue;
        involved = true;
        checklistAll += 1;
        if (item.completedAt !== null) checklistDone += 1;
      }
      for (const assessment of row.assessments) {
        if (module !== undefined && assessment.module !== module) continue;
        involved = true;
        const counts = pass[assessment.kind];
        counts.all += 1;
        if (assessment.first.passed) counts.first += 1;
        if (assessment.final) counts.final += 1;
      }
      for (const answer of row.learner.answers) {
        if (module !== undefined && answer.module !== module) continue;
        involved = true;
        answers += 1;
        if (answer.satisfied) satisfied += 1;
      }
      for (const entry of remedialByLearner.get(row.learner.key) ?? []) {
        if (module !== undefined && entry.module !== module) continue;
        remedialCounts.needed += 1;
        remedialCounts[entry.status] += 1;
      }
      if (involved) members += 1;
    }
    return {
      key,
      learners: members,
      indicators: {
        'checklist-completion': indicator('checklist-completion', checklistDone, checklistAll),
        'written-first': indicator('written-first', pass.written.first, pass.written.all),
        'written-final': indicator('written-final', pass.written.final, pass.written.all),
        'practical-first': indicator('practical-first', pass.practical.first, pass.practical.all),
        'practical-final': indicator('practical-final', pass.practical.final, pass.practical.all),
        satisfaction: indicator('satisfaction', satisfied, answers),
      },
      remedial: remedialCounts,
    };
  };

  const byName = (a: string, b: string) =>
    a === b ? 0 : a === UNSPECIFIED ? 1 : b === UNSPECIFIED ? -1 : COLLATOR.compare(a, b);
  const groupBy = (pick: (row: Counted) => string): GroupFigures[] => {
    const groups = new Map<string, Counted[]>();
    for (const row of counted) {
      const key = pick(row);
      const list = groups.get(key) ?? [];
      list.push(row);
      groups.set(key, list);
    }
    return [...groups.entries()]
      .sort(([a], [b]) => byName(a, b))
      .map(([key, rows]) => figures(key, rows));
  };

  const modules = new Set<string>();
  for (const entry of [...catalog.tours, ...catalog.quizzes]) modules.add(entry.module);
  for (const row of counted) {
    for (const item of row.checklist) modules.add(item.module);
    for (const item of row.assessments) modules.add(item.module);
    for (const answer of row.learner.answers) modules.add(answer.module);
  }
  const byModule = [...modules]
    .sort((a, b) => moduleOrder(a) - moduleOrder(b) || COLLATOR.compare(a, b))
    .map((module) => figures(module, counted, module))
    .filter((group) => group.learners > 0);

  const remedialList = [...remedial].sort(
    (a, b) => byName(a.department, b.department) || a.failedAt - b.failedAt,
  );

  return {
    learners: learners.size,
    statements: { used, skipped, duplicates },
    unspecified: {
      department: counted.filter((row) => row.department === UNSPECIFIED).length,
      role: counted.filter((row) => row.role === UNSPECIFIED).length,
    },
    overall: figures('全部', counted),
    byDepartment: groupBy((row) => row.department),
    // The plan's order of learner groups (管理人员, 业务操作人员, 技术支持人员, 基层用户).
    byRole: groupBy((row) => row.role).sort(
      (a, b) => roleOrder(a.key) - roleOrder(b.key) || byName(a.key, b.key),
    ),
    byModule,
    remedial: remedialList,
    weekly: weekly(counted, from, to),
    range: used > 0 ? { from, to } : null,
  };
}

function weekly(
  rows: readonly {
    learner: LearnerFacts;
    checklist: { completedAt: number | null }[];
    assessments: { first: Attempt }[];
  }[],
  from: number,
  to: number,
): WeekFigures[] {
  if (!Number.isFinite(from)) return [];
  const weeks: string[] = [];
  for (let week = weekOf(from); ;) {
    weeks.push(week);
    const next = weekOf(weekEnd(week));
    if (next > weekOf(to) || weeks.length > 520) break;
    week = next;
  }
  const index = new Map(weeks.map((week, i) => [week, i]));
  const active = weeks.map(() => new Set<string>());
  const completedIn = weeks.map(() => 0);
  const firstPass = weeks.map(() => ({ passed: 0, all: 0 }));
  const satisfaction = weeks.map(() => ({ satisfied: 0, all: 0 }));
  let assigned = 0;
  for (const row of rows) {
    for (const at of row.learner.activity) {
      const i = index.get(weekOf(at));
      if (i !== undefined) active[i]?.add(row.learner.key);
    }
    for (const item of row.checklist) {
      assigned += 1;
      if (item.completedAt === null) continue;
      const i = index.get(weekOf(item.completedAt));
      if (i !== undefined) completedIn[i] = (completedIn[i] ?? 0) + 1;
    }
    for (const assessment of row.assessments) {
      const slot = firstPass[index.get(weekOf(assessment.first.at)) ?? -1];
      if (!slot) continue;
      slot.all += 1;
      if (assessment.first.passed) slot.passed += 1;
    }
    for (const answer of row.learner.answers) {
      const slot = satisfaction[index.get(weekOf(answer.at)) ?? -1];
      if (!slot) continue;
      slot.all += 1;
      if (answer.satisfied) slot.satisfied += 1;
    }
  }
  let cumulative = 0;
  return weeks.map((week, i) => {
    cumulative += completedIn[i] ?? 0;
    const pass = firstPass[i] ?? { passed: 0, all: 0 };
    const sat = satisfaction[i] ?? { satisfied: 0, all: 0 };
    return {
      week,
      activeLearners: active[i]?.size ?? 0,
      checklistCompletion: assigned === 0 ? null : cumulative / assigned,
      firstAttemptPass: pass.all === 0 ? null : pass.passed / pass.all,
      satisfaction: sat.all === 0 ? null : sat.satisfied / sat.all,
    };
  });
}
