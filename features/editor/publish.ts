/**
 * 发布 (issue 14): recorded drafts turned into a signed content pack file in the editor page,
 * without a developer and without the command line.
 *
 * The trainer chooses their private key file (the JWK `npm run pack:keygen` writes, or PKCS8
 * PEM); it is read into memory for this one signing and dropped: never stored, never sent to the
 * background. The pack is made by the same code as `npm run pack:sign` (features/packs/sign.ts,
 * canonical.ts) and checked, before it is offered for download, exactly as a learner's extension
 * will check it (features/packs/open.ts: signature with the key's public half, then content with
 * the build's schemas). Versions only grow: a version not above the last one published for the
 * pack id (here, or applied in this browser) is refused, since learners would refuse it as a
 * rollback anyway. Framework-free; the view (views/PublishSection.tsx) only wires it.
 *
 * Help articles and compliance tips written in the editor (./content-drafts.ts) go in the same
 * pack, next to the tours: articles as `help[]`, tips as one rules file `rules[0].tips`. Each is
 * checked as the build checks its file (schema, linked tours, named markers) before signing.
 */
import { checkDraft, draftToTour, type TourDraft } from '../author/draft';
import type { Tour } from '../tour/schema';
import {
  articleDraftToItem,
  checkArticleDraft,
  checkTipDraft,
  tipDraftToRule,
  type ArticleDraft,
  type TipDraft,
} from './content-drafts';
import { exportPublicKey, importPrivateKey, keyIdOf } from '../packs/crypto';
import { KEBAB_ID, PACK_LIMITS } from '../packs/format';
import { openPack } from '../packs/open';
import { publicKeyOf, signPack } from '../packs/sign';
import { VALIDATOR_IDS } from '../../lib/validators';

/** One problem that stops publishing; `where` names the draft (its title) or the pack. */
export interface PublishIssue {
  where: string;
  path: string;
  message: string;
}

export interface PublishRequest {
  packId: string;
  version: number;
  drafts: readonly TourDraft[];
  /** Help-article drafts published with them (default none). */
  articles?: readonly ArticleDraft[];
  /** Compliance-tip drafts published with them (default none). */
  tips?: readonly TipDraft[];
  /**
   * The tours in force where the pack will run (bundled and applied packs): articles may link
   * them, and the learner's check is run against them. Default none.
   */
  toursInForce?: readonly Tour[];
  /** Ids of the markers in force (tips name them in `where.marker` and `due.since`). */
  markerIds?: readonly string[];
  /** The highest version published or applied for this pack id, or null when none. */
  lastVersion: number | null;
  now: Date;
}

/** Why the pack id cannot be used, in words (中文 / English), or null when it can. */
export function packIdProblem(packId: string): string | null {
  if (!packId) return '请填写内容包 id / the pack id is required';
  if (!KEBAB_ID.test(packId))
    return '内容包 id 只能用小写字母、数字和连字符（如 xunlian-gongwen） / the pack id must be kebab-case (e.g. xunlian-gongwen)';
  return null;
}

/** Why `version` cannot be published after `lastVersion`, or null when it can. */
export function versionProblem(version: number, lastVersion: number | null): string | null {
  if (!Number.isSafeInteger(version) || version < 1)
    return '版本号须为正整数 / the version must be a positive integer';
  if (lastVersion !== null && version <= lastVersion)
    return `版本号须大于上次发布的第 ${lastVersion} 版，否则学员端会作为版本回退拒绝 / the version must be above ${lastVersion}, the last one published: learners refuse an older or equal version as a rollback`;
  return null;
}

/** The version to suggest: one above the last one, or 1. */
export function nextVersion(lastVersion: number | null): number {
  return lastVersion === null ? 1 : lastVersion + 1;
}

/** The pack file's name: says what it is, which pack and which version. */
export function packFileName(packId: string, version: number): string {
  return `zhiyin-pack-${packId}-v${version}.json`;
}

/**
 * The pack payload of the drafts, or every issue that stops it: each draft checked with the
 * build's tour schema (as the editor shows it), tour ids unique, and the payload checked as a
 * learner's extension checks a pack (features/packs/validate.ts, through openPack below).
 */
export function buildPayload(
  request: PublishRequest,
): { payload: Record<string, unknown>; issues: [] } | { payload: null; issues: PublishIssue[] } {
  const issues: PublishIssue[] = [];
  const idProblem = packIdProblem(request.packId);
  if (idProblem) issues.push({ where: '内容包 / pack', path: 'id', message: idProblem });
  const versionIssue = versionProblem(request.version, request.lastVersion);
  if (versionIssue) issues.push({ where: '内容包 / pack', path: 'version', message: versionIssue });
  const articles = request.articles ?? [];
  const tips = request.tips ?? [];
  if (request.drafts.length === 0 && articles.length === 0 && tips.length === 0) {
    issues.push({
      where: '内容包 / pack',
      path: 'tours',
      message: '请至少选择一份草稿 / choose at least one draft',
    });
  }
  if (articles.length > PACK_LIMITS.help) {
    issues.push({
      where: '内容包 / pack',
      path: 'help',
      message: `一个内容包最多 ${PACK_LIMITS.help} 篇帮助文章 / at most ${PACK_LIMITS.help} articles in a pack`,
    });
  }
  if (request.drafts.length > PACK_LIMITS.tours) {
    issues.push({
      where: '内容包 / pack',
      path: 'tours',
      message: `一个内容包最多 ${PACK_LIMITS.tours} 个引导 / at most ${PACK_LIMITS.tours} tours in a pack`,
    });
  }
  const seen = new Map<string, string>();
  for (const draft of request.drafts) {
    const where = draft.title || draft.tourId || draft.id;
    for (const issue of checkDraft(draft).issues) {
      issues.push({ where, path: issue.path, message: issue.message });
    }
    const other = seen.get(draft.tourId);
    if (other !== undefined) {
      issues.push({
        where,
        path: 'id',
        message: `引导 id "${draft.tourId}" 与草稿“${other}”相同，请修改其中一个 / tour id "${draft.tourId}" is also used by the draft "${other}"`,
      });
    } else seen.set(draft.tourId, where);
  }

  // Articles may link the tours in force and those of this pack.
  const tourIds = new Set([
    ...(request.toursInForce ?? []).map((tour) => tour.id),
    ...request.drafts.map((draft) => draft.tourId),
  ]);
  const seenArticles = new Map<string, string>();
  for (const article of articles) {
    const where = `帮助文章 / article “${article.title || article.articleId || article.id}”`;
    for (const issue of checkArticleDraft(article, { tourIds }).issues) {
      issues.push({ where, path: issue.path, message: issue.message });
    }
    const other = seenArticles.get(article.articleId);
    if (other !== undefined) {
      issues.push({
        where,
        path: 'id',
        message: `文章 id "${article.articleId}" 与草稿“${other}”相同，请修改其中一个 / article id "${article.articleId}" is also used by the draft "${other}"`,
      });
    } else seenArticles.set(article.articleId, article.title || article.id);
  }
  const seenTips = new Map<string, string>();
  const markerIds = request.markerIds ?? [];
  for (const tip of tips) {
    const where = `规范提示 / tip “${tip.title || tip.tipId || tip.id}”`;
    for (const issue of checkTipDraft(tip, { markerIds }).issues) {
      issues.push({ where, path: issue.path, message: issue.message });
    }
    const other = seenTips.get(tip.tipId);
    if (other !== undefined) {
      issues.push({
        where,
        path: 'id',
        message: `提示 id "${tip.tipId}" 与草稿“${other}”相同，请修改其中一个 / tip id "${tip.tipId}" is also used by the draft "${other}"`,
      });
    } else seenTips.set(tip.tipId, tip.title || tip.id);
  }

  if (issues.length > 0) return { payload: null, issues };
  return {
    payload: {
      id: request.packId,
      version: request.version,
      createdAt: request.now.toISOString(),
      tours: request.drafts.map((draft) => draftToTour(draft)),
      help: articles.map((article) => articleDraftToItem(article)),
      rules: tips.length > 0 ? [{ tips: tips.map((tip) => tipDraftToRule(tip)) }] : [],
      quizzes: [],
      retire: [],
      renames: {},
    },
    issues: [],
  };
}

export interface PublishedPack {
  fileName: string;
  /** The pack file's text (JSON, as `npm run pack:sign` writes it). */
  text: string;
  packId: string;
  version: number;
  tourIds: string[];
  articleIds: string[];
  tipIds: string[];
  /** The signing key's id and public key (base64 SPKI: what the policy's publicKeys holds). */
  keyId: string;
  publicKey: string;
}

/**
 * Signs the drafts as a pack with the private key in `keyText` and checks the result as a
 * learner's extension will. The key text is only read here; nothing keeps it.
 */
export async function publishPack(
  request: PublishRequest,
  keyText: string,
): Promise<{ pack: PublishedPack; issues: [] } | { pack: null; issues: PublishIssue[] }> {
  const built = buildPayload(request);
  if (!built.payload) return { pack: null, issues: built.issues };
  const keyIssue = (message: string) => ({
    pack: null,
    issues: [{ where: '私钥 / private key', path: '', message }],
  });
  if (!keyText.trim()) return keyIssue('请选择私钥文件 / choose the private key file');
  let privateKey: CryptoKey;
  let publicKey: CryptoKey;
  try {
    privateKey = await importPrivateKey(keyText);
    publicKey = await publicKeyOf(privateKey);
  } catch (error) {
    return keyIssue(
      `无法读取私钥：应为 npm run pack:keygen 生成的私钥文件（P-256 JWK）或 PKCS8 PEM / not a private key written by npm run pack:keygen (P-256 JWK) or PKCS8 PEM (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const envelope = await signPack(built.payload, privateKey, publicKey);
  const text = `${JSON.stringify(envelope)}\n`;
  const keyId = await keyIdOf(publicKey);
  // The learner's check, here: a pack that would be refused is not offered.
  const opened = await openPack(text, {
    keys: [{ key: publicKey, keyId }],
    bundledTours: request.toursInForce ?? [],
    validatorIds: VALIDATOR_IDS,
    last: null,
  });
  if (opened.status !== 'valid') {
    const refusal = opened.status === 'refused' ? opened.refusal : null;
    const errors = refusal?.errors ?? [];
    return {
      pack: null,
      issues:
        errors.length > 0
          ? errors.map((error) => ({
              where: '内容包 / pack',
              path: error.path,
              message: error.message,
            }))
          : [
              {
                where: '内容包 / pack',
                path: '',
                message: refusal?.message ?? '内容包自检未通过 / the pack failed its own check',
              },
            ],
    };
  }
  return {
    pack: {
      fileName: packFileName(request.packId, request.version),
      text,
      packId: request.packId,
      version: request.version,
      tourIds: request.drafts.map((draft) => draft.tourId),
      articleIds: (request.articles ?? []).map((article) => article.articleId),
      tipIds: (request.tips ?? []).map((tip) => tip.tipId),
      keyId,
      publicKey: await exportPublicKey(publicKey),
    },
    issues: [],
  };
}
