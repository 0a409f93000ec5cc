/**
 * Recorded tour drafts (issue 14): what the recorder (content/recorder.ts) produces, what the
 * editor (features/editor) changes, and how a draft becomes a tour the build accepts.
 *
 * A draft keeps, for every step, ALL the locators the picker proved when the step was recorded
 * (so the editor can switch to another one later without the page), and the advance kind the
 * recorder suggested. It never holds what the trainer typed: an input step keeps only that the
 * field was typed into. {@link draftToTour} builds the tour data (the file format,
 * features/tour/schema.ts); {@link checkDraft} validates it with the build's own schema and
 * explains the issues in the build's words (lib/content/explain.ts); {@link draftYaml} writes the
 * tour file.
 *
 * Framework-free and DOM-free: used by the author script, the background and the editor page.
 */
import { Document, isMap, isSeq, visit } from 'yaml';
import { z } from 'zod';
import { explainIssues, formatIssuePath, type ExplainedIssue } from '../../lib/content/explain';
import { scrubPersonalData } from '../../lib/privacy/personal-data';
import {
  AUDIENCE_ROLES,
  LocatorSchema,
  TOUR_MODULES,
  TourSchema,
  type AudienceRole,
  type Locator,
  type StepInput,
  type Tour,
  type TourInput,
  type TourModule,
} from '../tour/schema';

/** Advance kinds the recorder suggests and the editor offers. */
export const DRAFT_ADVANCE_KINDS = ['click', 'input', 'change', 'navigation', 'next'] as const;
export type DraftAdvanceKind = (typeof DRAFT_ADVANCE_KINDS)[number];

/** Most steps a draft may hold (the build's own limit is higher; a recording is one task). */
export const MAX_DRAFT_STEPS = 60;
/** Most locator proposals kept per step. */
export const MAX_PROPOSALS = 8;
const MAX_TEXT = 2_000;

const text = (max = MAX_TEXT) => z.string().max(max);

/** One proven locator of a recorded step, as the picker proposed it. */
export const DraftProposalSchema = z.strictObject({
  locator: LocatorSchema,
  frame: z.array(LocatorSchema).max(4).nullable(),
  /** `label "文种"`, `role button "提交审核" within role dialog "提交审核"`. */
  description: text(400),
  kind: text(20),
  note: text(400).optional(),
});
export type DraftProposal = z.infer<typeof DraftProposalSchema>;

export const DraftStepSchema = z.strictObject({
  /** Stable key for lists (not the step id, which the author may edit). */
  key: text(40).min(1),
  /** Step id (kebab-case is checked with the tour, so a bad one shows as an issue). */
  id: text(80),
  /** Proven locators, most robust first; empty for a centred step (a route change). */
  proposals: z.array(DraftProposalSchema).max(MAX_PROPOSALS),
  /** Index into proposals. */
  selected: z.int().min(0),
  advance: z.enum(DRAFT_ADVANCE_KINDS),
  /** For `navigation`: the URL glob of the page the action leads to. */
  navigationUrl: text(400).optional(),
  /** The page this step lives on, when the route changed before it. */
  page: text(400).optional(),
  title: text(200),
  body: text(),
  titleEn: text(200).optional(),
  bodyEn: text().optional(),
});
export type DraftStep = z.infer<typeof DraftStepSchema>;

export const TourDraftSchema = z.strictObject({
  /** Draft id (not the tour id): a UUID. */
  id: text(64).min(1),
  tourId: text(80),
  title: text(200),
  summary: text(),
  titleEn: text(200).optional(),
  summaryEn: text().optional(),
  module: z.enum(TOUR_MODULES),
  audience: z.array(z.enum(AUDIENCE_ROLES)).max(AUDIENCE_ROLES.length),
  /** applies.url globs. */
  urls: z.array(text(400)).max(10),
  steps: z.array(DraftStepSchema).max(MAX_DRAFT_STEPS),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type TourDraft = z.infer<typeof TourDraftSchema>;

/** A draft as Dexie stores it (table `tourDrafts`, key `id`). */
export type TourDraftRecord = TourDraft;

/** A short listing for the editor's list of drafts. */
export interface DraftListing {
  id: string;
  tourId: string;
  title: string;
  stepCount: number;
  updatedAt: number;
}

// ---------------------------------------------------------------------------------------------
// URLs

/**
 * The glob of a page for `page:`, `applies.url` and `navigation` advances: path + hash, without
 * the query (it may carry personal data), with path or hash segments that hold digits (record
 * ids, dates) widened to `*`. `http://h/index.html?x=1#/docs/doc-17` → `/index.html#/docs/*`.
 */
export function pageGlob(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '*';
  }
  const widen = (part: string): string =>
    part
      .split('/')
      .map((segment) => (/\d/u.test(segment) ? '*' : segment))
      .join('/')
      .replace(/\*(?:\/\*)+/gu, '*');
  const hash = parsed.hash.split('?')[0] ?? '';
  return `${widen(parsed.pathname)}${hash ? widen(hash) : ''}`;
}

/** Text from the page that will be stored: personal data (ids, phones, names with cues) masked. */
export function safeText(value: string): string {
  return scrubPersonalData(value).text;
}

// ---------------------------------------------------------------------------------------------
// Draft → tour

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

/** The tour data of a draft, in the file format (features/tour/schema.ts), not yet validated. */
export function draftToTour(draft: TourDraft): TourInput {
  const steps: StepInput[] = draft.steps.map((step) => {
    const proposal = step.proposals[step.selected] ?? step.proposals[0];
    const advance =
      step.advance === 'navigation'
        ? { on: 'navigation' as const, url: step.navigationUrl ?? '' }
        : { on: step.advance };
    return {
      id: step.id,
      ...(proposal ? { target: proposal.locator } : {}),
      ...(proposal?.frame ? { frame: proposal.frame } : {}),
      ...(step.page ? { page: step.page } : {}),
      ...(step.title.trim() ? { title: step.title.trim() } : {}),
      body: step.body,
      ...(step.advance === 'next' ? {} : { advance }),
    } as StepInput;
  });
  const enSteps: Record<string, { title?: string; body?: string }> = {};
  for (const step of draft.steps) {
    const title = step.titleEn?.trim();
    const body = step.bodyEn?.trim();
    if (title || body)
      enSteps[step.id] = { ...(title ? { title } : {}), ...(body ? { body } : {}) };
  }
  const en = {
    ...(draft.titleEn?.trim() ? { title: draft.titleEn.trim() } : {}),
    ...(draft.summaryEn?.trim() ? { summary: draft.summaryEn.trim() } : {}),
    ...(Object.keys(enSteps).length > 0 ? { steps: enSteps } : {}),
  };
  return {
    id: draft.tourId,
    title: draft.title,
    summary: draft.summary,
    module: draft.module,
    audience: [...draft.audience],
    applies: { url: draft.urls.length === 1 ? (draft.urls[0] ?? '') : [...draft.urls] },
    start: { on: 'manual' },
    ...(Object.keys(en).length > 0 ? { i18n: { en } } : {}),
    steps,
  };
}

/** One problem of a draft, placed where the editor shows it. */
export interface DraftIssue {
  /** `steps[2].body`, `audience`, '' for the whole tour. */
  path: string;
  /** Index of the step it belongs to, when it belongs to one. */
  stepIndex?: number;
  /** Bilingual: 中文 / English (the build's own words). */
  message: string;
}

/**
 * The draft checked with the build's tour schema: the parsed tour when valid, and every issue
 * explained as the build explains it. The id must be kebab-case here too (the folder name).
 */
export function checkDraft(draft: TourDraft): { tour: Tour | null; issues: DraftIssue[] } {
  const data = draftToTour(draft);
  const parsed = TourSchema.safeParse(data);
  if (parsed.success) return { tour: parsed.data, issues: [] };
  const explained: ExplainedIssue[] = explainIssues(parsed.error.issues, {
    schema: TourSchema,
    data,
  });
  return {
    tour: null,
    issues: explained.map((issue) => {
      const stepIndex =
        issue.path[0] === 'steps' && typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
      return {
        path: formatIssuePath(issue.path),
        ...(stepIndex === undefined ? {} : { stepIndex }),
        message: issue.message,
      };
    }),
  };
}

/** The tour file (tour.yaml) of a draft: locators in flow style, as the hand-written tours are. */
export function draftYaml(draft: TourDraft): string {
  const doc = new Document(draftToTour(draft));
  visit(doc, {
    Pair(_, pair) {
      const key = String((pair.key as { value?: unknown } | null)?.value ?? '');
      if (
        (key === 'target' || key === 'advance' || key === 'within' || key === 'start') &&
        isMap(pair.value) &&
        !pair.value.has('css')
      )
        pair.value.flow = true;
      if ((key === 'frame' || key === 'audience') && isSeq(pair.value)) {
        if (key === 'audience') pair.value.flow = true;
        for (const item of pair.value.items) if (isMap(item) && !item.has('css')) item.flow = true;
      }
    },
  });
  const header =
    '# yaml-language-server: $schema=../schema.json\n# 由指引录制器生成，可在编辑器中继续修改 / Recorded with the Zhiyin recorder\n';
  return header + doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

// ---------------------------------------------------------------------------------------------
// New drafts

/** A step id not yet used in `taken`, from `base` (kebab-case), `-2`, `-3`… appended. */
export function uniqueStepId(base: string, taken: ReadonlySet<string>): string {
  const root = KEBAB.test(base) ? base : 'step';
  if (!taken.has(root)) return root;
  for (let n = 2; ; n++) {
    const id = `${root}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/** A draft id: a random UUID. */
export function newDraftId(): string {
  return crypto.randomUUID();
}

/** The tour id a new draft suggests: `luzhi-` and the date, e.g. `luzhi-20261207-0451`. */
export function suggestTourId(now: number): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `luzhi-${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}`;
}

/** A new draft around recorded steps, with the defaults a trainer changes in the editor. */
export function newDraft(input: {
  id: string;
  steps: DraftStep[];
  startUrl: string;
  pageTitle: string;
  now: number;
}): TourDraft {
  const title = safeText(input.pageTitle.trim()).slice(0, 60) || '录制的引导';
  return {
    id: input.id,
    tourId: suggestTourId(input.now),
    title: `${title}（录制）`,
    summary: `在「${title}」中逐步完成录制的操作。`,
    module: '操作' satisfies TourModule,
    audience: ['业务操作人员'] satisfies AudienceRole[],
    urls: [pageGlob(input.startUrl)],
    steps: input.steps.slice(0, MAX_DRAFT_STEPS),
    createdAt: input.now,
    updatedAt: input.now,
  };
}

/** Parse an untrusted draft (a message): the draft, or the first problem in words. */
export function parseDraft(value: unknown): { draft: TourDraft } | { error: string } {
  const parsed = TourDraftSchema.safeParse(value);
  if (parsed.success) {
    const draft = parsed.data;
    for (const step of draft.steps) {
      if (step.selected >= Math.max(1, step.proposals.length))
        return { error: `steps: selected ${step.selected} out of range` };
    }
    return { draft };
  }
  const issue = parsed.error.issues[0];
  return {
    error: issue ? `${formatIssuePath(issue.path)}: ${issue.message}` : 'invalid draft',
  };
}

export type { Locator };
