/**
 * Drafts of help articles and compliance tips (issue 14: "the same for help articles and
 * compliance tips"), written in the editor page next to the recorded tour drafts.
 *
 * A draft holds what the editor's form holds (lists as lists, optional texts possibly empty);
 * {@link articleDraftToItem} and {@link tipDraftToRule} build the content item in the file format
 * (features/help/schema.ts, features/rules/schema.ts), and {@link checkArticleDraft} /
 * {@link checkTipDraft} validate it with the build's own schemas and words (lib/content/explain.ts,
 * lib/content/references.ts), so a problem reads as `npm run build` would print it, with the path
 * inside the item (`tip.i18n.en.body`).
 *
 * What a trainer may change of the compliance rules: the **tips** (text in 中文 + English, when and
 * where they show, how often, acknowledgement). Markers and field guards are not edited here: a
 * marker is a locator the rules engine trusts to report a fact about a page (a wrong one silently
 * switches a tip on or off for everyone), and a guard is data-validation logic (validators, report
 * rules, page clocks) that needs a developer's test fixtures. Tips name markers only by id, chosen
 * from the markers in force.
 *
 * Framework-free: used by the editor page, its background routes and the publish step.
 */
import { z } from 'zod';
import { explainIssues } from '../../lib/content/explain';
import { unknownId } from '../../lib/content/references';
import { formatIssuePath } from '../../lib/content/explain';
import { HelpArticleSchema, type HelpArticle, type HelpArticleInput } from '../help/schema';
import { ROLES, type Role } from '../profile/roles';
import {
  FREQUENCIES,
  SEVERITIES,
  TIP_ACTIONS,
  TipRuleSchema,
  type Frequency,
  type Severity,
  type TipActionKind,
  type TipRule,
  type TipRuleInput,
} from '../rules/schema';
import { TOUR_MODULES, type TourModule } from '../tour/schema';

const text = (max: number) => z.string().max(max);
const MAX_BODY = 20_000;
const MAX_LIST = 40;

export const ArticleDraftSchema = z.strictObject({
  kind: z.literal('article'),
  /** Draft id (not the article id): a UUID. */
  id: text(64).min(1),
  articleId: text(80),
  title: text(200),
  titleEn: text(200).optional(),
  module: z.enum(TOUR_MODULES),
  keywords: z.array(text(80)).max(MAX_LIST),
  keywordsEn: z.array(text(80)).max(MAX_LIST),
  /** URL globs of the pages the article is about. */
  applies: z.array(text(400)).max(10),
  /** Ids of tours that show what the article explains. */
  tours: z.array(text(80)).max(20),
  body: text(MAX_BODY),
  bodyEn: text(MAX_BODY).optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type ArticleDraft = z.infer<typeof ArticleDraftSchema>;

export const ROLE_MODES = ['all', 'only', 'except'] as const;
export type RoleMode = (typeof ROLE_MODES)[number];
export const DUE_UNKNOWN = ['first-run', 'always', 'never'] as const;

export const TipDraftSchema = z.strictObject({
  kind: z.literal('tip'),
  id: text(64).min(1),
  tipId: text(80),
  severity: z.enum(SEVERITIES),
  title: text(200),
  body: text(MAX_BODY),
  titleEn: text(200).optional(),
  bodyEn: text(MAX_BODY).optional(),
  /** Content version (acknowledgements name it): raise when the text changes materially. */
  version: z.number(),
  source: text(200).optional(),
  actions: z.array(z.enum(TIP_ACTIONS)).max(TIP_ACTIONS.length),
  urls: z.array(text(400)).max(10),
  /** A marker id ('' or absent: none). */
  marker: text(80).optional(),
  names: z.array(text(80)).max(10),
  /** For export / copy: only when the data holds personal data (absent: either way). */
  personalData: z.boolean().optional(),
  roleMode: z.enum(ROLE_MODES),
  roles: z.array(z.enum(ROLES)).max(ROLES.length),
  frequency: z.enum(FREQUENCIES),
  acknowledge: z.boolean(),
  /** Snooze length ("1h", "3mo"), or '' for no 稍后提醒. */
  snooze: text(20),
  dismissible: z.boolean(),
  /** A due reminder: marker id whose last sighting starts the clock ('' or absent: none). */
  dueSince: text(80).optional(),
  dueAfter: text(20).optional(),
  dueUnknown: z.enum(DUE_UNKNOWN).optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type TipDraft = z.infer<typeof TipDraftSchema>;

export const ContentDraftSchema = z.discriminatedUnion('kind', [
  ArticleDraftSchema,
  TipDraftSchema,
]);
export type ContentDraft = ArticleDraft | TipDraft;
export type ContentDraftKind = ContentDraft['kind'];

/** A draft as Dexie stores it (table `contentDrafts`, key `id`, since database version 6). */
export type ContentDraftRecord = ContentDraft;

/** A short listing for the editor's list of drafts. */
export interface ContentDraftListing {
  id: string;
  kind: ContentDraftKind;
  /** The article or tip id. */
  itemId: string;
  title: string;
  updatedAt: number;
}

export function listingOf(draft: ContentDraft): ContentDraftListing {
  return {
    id: draft.id,
    kind: draft.kind,
    itemId: draft.kind === 'article' ? draft.articleId : draft.tipId,
    title: draft.title,
    updatedAt: draft.updatedAt,
  };
}

/** Parse an untrusted draft (a message): the draft, or the first problem in words. */
export function parseContentDraft(value: unknown): { draft: ContentDraft } | { error: string } {
  const parsed = ContentDraftSchema.safeParse(value);
  if (parsed.success) return { draft: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    error: issue ? `${formatIssuePath(issue.path)}: ${issue.message}` : 'invalid draft',
  };
}

// ---------------------------------------------------------------------------------------------
// New drafts

/** `prefix-20261207-0451`: a kebab-case id a new draft suggests (the trainer renames it). */
function suggestId(prefix: string, now: number): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${prefix}-${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}`;
}

export function newArticleDraft(id: string, now: number): ArticleDraft {
  return {
    kind: 'article',
    id,
    articleId: suggestId('wenzhang', now),
    title: '',
    module: '操作' satisfies TourModule,
    keywords: [],
    keywordsEn: [],
    applies: [],
    tours: [],
    body: '',
    createdAt: now,
    updatedAt: now,
  };
}

export function newTipDraft(id: string, now: number): TipDraft {
  return {
    kind: 'tip',
    id,
    tipId: suggestId('tishi', now),
    severity: 'warning' satisfies Severity,
    title: '',
    body: '',
    version: 1,
    actions: ['page-open'] satisfies TipActionKind[],
    urls: [],
    names: [],
    roleMode: 'all',
    roles: [],
    frequency: 'session' satisfies Frequency,
    acknowledge: false,
    snooze: '1h',
    dismissible: false,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * A draft of an article in force (bundled or from a pack), to change it: published under the
 * same id, the pack's version replaces the bundled one for every learner (features/packs/catalog.ts).
 */
export function articleToDraft(article: HelpArticle, id: string, now: number): ArticleDraft {
  const en = article.i18n?.en;
  return {
    kind: 'article',
    id,
    articleId: article.id,
    title: article.title,
    ...(en?.title ? { titleEn: en.title } : {}),
    module: article.module,
    keywords: [...article.keywords],
    keywordsEn: [...(en?.keywords ?? [])],
    applies: [...article.applies],
    tours: [...article.tours],
    body: article.body,
    ...(en?.body ? { bodyEn: en.body } : {}),
    createdAt: now,
    updatedAt: now,
  };
}

/** A draft of a tip in force, to change it (same id: the published tip replaces it). */
export function ruleToTipDraft(rule: TipRule, id: string, now: number): TipDraft {
  const { where, tip } = rule;
  const en = tip.i18n?.en;
  const roles = where.roles?.only ?? where.roles?.except ?? [];
  return {
    kind: 'tip',
    id,
    tipId: rule.id,
    severity: tip.severity,
    title: tip.title,
    body: tip.body,
    ...(en ? { titleEn: en.title, bodyEn: en.body } : {}),
    version: tip.version,
    ...(tip.source === undefined ? {} : { source: tip.source }),
    actions: Array.isArray(where.action) ? [...where.action] : [where.action],
    urls: where.url === undefined ? [] : Array.isArray(where.url) ? [...where.url] : [where.url],
    ...(where.marker === undefined ? {} : { marker: where.marker }),
    names: [...(where.names ?? [])],
    ...(where.personalData === undefined ? {} : { personalData: where.personalData }),
    roleMode: where.roles?.only ? 'only' : where.roles?.except ? 'except' : 'all',
    roles: [...roles],
    frequency: rule.frequency,
    acknowledge: rule.acknowledge,
    snooze: rule.snooze === false ? '' : rule.snooze,
    dismissible: rule.dismissible,
    ...(rule.due
      ? { dueSince: rule.due.since, dueAfter: rule.due.after, dueUnknown: rule.due.unknown }
      : {}),
    createdAt: now,
    updatedAt: now,
  };
}

// ---------------------------------------------------------------------------------------------
// Draft → content item

const filled = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/** The article in the file format (features/help/schema.ts), not yet validated. */
export function articleDraftToItem(draft: ArticleDraft): HelpArticleInput {
  const titleEn = filled(draft.titleEn);
  const bodyEn = filled(draft.bodyEn);
  const en = {
    ...(titleEn ? { title: titleEn } : {}),
    ...(bodyEn ? { body: bodyEn } : {}),
    ...(draft.keywordsEn.length > 0 ? { keywords: [...draft.keywordsEn] } : {}),
  };
  return {
    id: draft.articleId,
    title: draft.title,
    module: draft.module,
    keywords: [...draft.keywords],
    applies: [...draft.applies],
    tours: [...draft.tours],
    body: draft.body,
    ...(Object.keys(en).length > 0 ? { i18n: { en } } : {}),
  };
}

/** The tip rule in the file format (features/rules/schema.ts), not yet validated. */
export function tipDraftToRule(draft: TipDraft): TipRuleInput {
  const titleEn = filled(draft.titleEn);
  const bodyEn = filled(draft.bodyEn);
  const source = filled(draft.source);
  const marker = filled(draft.marker);
  const dueSince = filled(draft.dueSince);
  const where: Record<string, unknown> = {
    action: draft.actions.length === 1 ? draft.actions[0] : [...draft.actions],
    ...(draft.urls.length > 0
      ? { url: draft.urls.length === 1 ? draft.urls[0] : [...draft.urls] }
      : {}),
    ...(marker ? { marker } : {}),
    ...(draft.names.length > 0 ? { names: [...draft.names] } : {}),
    ...(draft.personalData === undefined ? {} : { personalData: draft.personalData }),
    ...(draft.roleMode === 'all' ? {} : { roles: { [draft.roleMode]: [...draft.roles] } }),
  };
  // English needs both title and body (the schema says which is missing when one is).
  const en =
    titleEn || bodyEn
      ? { ...(titleEn ? { title: titleEn } : {}), ...(bodyEn ? { body: bodyEn } : {}) }
      : undefined;
  return {
    id: draft.tipId,
    where: where as TipRuleInput['where'],
    tip: {
      severity: draft.severity,
      title: draft.title,
      body: draft.body,
      version: draft.version,
      ...(source ? { source } : {}),
      ...(en ? { i18n: { en: en as { title: string; body: string } } } : {}),
    },
    frequency: draft.frequency,
    acknowledge: draft.acknowledge,
    snooze: filled(draft.snooze) ?? false,
    dismissible: draft.dismissible,
    ...(dueSince
      ? {
          due: {
            since: dueSince,
            after: draft.dueAfter?.trim() ?? '',
            unknown: draft.dueUnknown ?? 'first-run',
          },
        }
      : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Checks

/** One problem of a draft: the path inside the item (as the pack and the build print it). */
export interface ContentIssue {
  path: string;
  /** Bilingual: 中文 / English (the build's own words). */
  message: string;
}

const TOUR_NOUN = { zh: '引导', en: 'tour' };
const MARKER_NOUN = { zh: '标记', en: 'marker' };

function explained(
  issues: readonly { path: PropertyKey[]; message: string }[],
  schema: unknown,
  data: unknown,
): ContentIssue[] {
  return explainIssues(issues, { schema: schema as never, data }).map((issue) => ({
    path: formatIssuePath(issue.path),
    message: issue.message,
  }));
}

/**
 * The article checked as the build checks a file of tours/help/ (features/help/load.ts): the
 * schema, then every linked tour among `tourIds` (the tours in force and those published with it).
 */
export function checkArticleDraft(
  draft: ArticleDraft,
  known: { tourIds: Iterable<string> },
): { article: HelpArticle | null; issues: ContentIssue[] } {
  const data = articleDraftToItem(draft);
  const tourIds = new Set(known.tourIds);
  const issues: ContentIssue[] = [];
  draft.tours.forEach((tourId, index) => {
    if (tourId !== '' && !tourIds.has(tourId))
      issues.push({ path: `tours[${index}]`, message: unknownId(TOUR_NOUN, tourId, tourIds) });
  });
  const parsed = HelpArticleSchema.safeParse(data);
  if (!parsed.success) {
    issues.unshift(...explained(parsed.error.issues, HelpArticleSchema, data));
  }
  return { article: parsed.success && issues.length === 0 ? parsed.data : null, issues };
}

/**
 * The tip checked as the build checks a tip of tours/rules/ (features/rules/load.ts): the
 * schema, then the markers it names (`where.marker`, `due.since`) among `markerIds`.
 */
export function checkTipDraft(
  draft: TipDraft,
  known: { markerIds: Iterable<string> },
): { rule: TipRule | null; issues: ContentIssue[] } {
  const data = tipDraftToRule(draft);
  const markerIds = new Set(known.markerIds);
  const issues: ContentIssue[] = [];
  const marker = filled(draft.marker);
  if (marker && !markerIds.has(marker))
    issues.push({ path: 'where.marker', message: unknownId(MARKER_NOUN, marker, markerIds) });
  const since = filled(draft.dueSince);
  if (since && !markerIds.has(since))
    issues.push({ path: 'due.since', message: unknownId(MARKER_NOUN, since, markerIds) });
  const parsed = TipRuleSchema.safeParse(data);
  if (!parsed.success) {
    issues.unshift(...explained(parsed.error.issues, TipRuleSchema, data));
  }
  return { rule: parsed.success && issues.length === 0 ? parsed.data : null, issues };
}

/** What the editor knows to check references against. */
export interface KnownIds {
  tourIds: Iterable<string>;
  markerIds: Iterable<string>;
}

export function checkContentDraft(draft: ContentDraft, known: KnownIds): ContentIssue[] {
  return draft.kind === 'article'
    ? checkArticleDraft(draft, known).issues
    : checkTipDraft(draft, known).issues;
}

/** A list typed in one box: split on commas (, ，), 、 and new lines; blanks dropped. */
export function parseList(textValue: string): string[] {
  return textValue
    .split(/[,，、\n]/u)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** URL patterns (may hold commas): one per line, blanks dropped. */
export function parseLines(textValue: string): string[] {
  return textValue
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

export type { Role };
