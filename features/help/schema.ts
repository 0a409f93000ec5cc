/**
 * The help article format: one article per file, `tours/help/<id>.yaml` (or `.yml`, `.json`),
 * validated at build time (features/help/load.ts, features/help/build-plugin.ts) and searched in the popup
 * together with the tours (lib/search).
 *
 * ```yaml
 * id: faq-attachment-upload-failed     # equals the file name; stable (links and search misses)
 * title: 附件上传失败怎么办
 * module: 操作                          # 认知 | 操作 | 规范 | 安全 | 进阶
 * keywords: [上传, 格式, 大小, 缓存]
 * applies: ['/index.html#/docs/new*']   # URL globs of the pages it is about (optional)
 * tours: [gongwen-new-document]         # tours that show it on the page (optional, may be empty)
 * body: |                               # Markdown, rendered by components/markdown/Markdown.tsx
 *   …
 * i18n: { en: { title: …, body: …, keywords: [...] } }
 * ```
 */
import { z } from 'zod';
import { bilingual } from '../../lib/content/explain';
import { TOUR_MODULES, UrlGlobSchema } from '../tour/schema';
import { KEBAB_ID, requiredText } from '../../lib/content/fields';

/** A required text, named in messages by its key (`title`) and, in Chinese, what it is (`标题`). */
const text = requiredText;

export const HelpArticleI18nSchema = z.strictObject({
  en: z
    .strictObject({
      title: text('title', '英文标题').optional(),
      body: text('body', '英文正文').optional(),
      keywords: z.array(text('keywords', '英文关键词')).optional(),
    })
    .optional(),
});

export const HelpArticleSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z
      .string({
        error: (issue) =>
          issue.input === undefined
            ? bilingual('缺少必填项 id（文章 id，与文件名相同）', 'article id is required')
            : bilingual('文章 id 应为文字', 'article id must be text'),
      })
      .regex(KEBAB_ID, {
        error: bilingual(
          '文章 id 只能用小写英文字母、数字和单个连字符，如 faq-login-failed',
          'article id must be kebab-case ASCII (a-z, 0-9, single dashes), e.g. faq-login-failed',
        ),
      }),
    title: text('title', '标题'),
    module: z.enum(TOUR_MODULES, {
      error: bilingual(
        `module 只能是 ${TOUR_MODULES.join('、')}`,
        `module must be one of ${TOUR_MODULES.join(', ')}`,
      ),
    }),
    keywords: z.array(text('keywords', '关键词')).default([]),
    /** URL globs (same syntax as a tour's applies.url) of the pages this article is about. */
    applies: z.array(UrlGlobSchema).default([]),
    /** Ids of tours that show what the article explains; checked against the built tours. */
    tours: z.array(z.string().min(1)).default([]),
    body: text('body', '正文'),
    i18n: HelpArticleI18nSchema.optional(),
  })
  .superRefine((article, ctx) => {
    const seen = new Set<string>();
    article.tours.forEach((tourId, index) => {
      if (seen.has(tourId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['tours', index],
          message: bilingual(`引导 "${tourId}" 写了两次`, `tour "${tourId}" is listed twice`),
        });
      }
      seen.add(tourId);
    });
  })
  .meta({ id: 'HelpArticle', title: 'Zhiyin 指引 help article' });

export type HelpArticle = z.infer<typeof HelpArticleSchema>;
export type HelpArticleInput = z.input<typeof HelpArticleSchema>;

/** Title, body and keywords in the requested language, falling back to the Chinese original. */
export function localizedArticle(
  article: HelpArticle,
  language: 'zh_CN' | 'en',
): { title: string; body: string; keywords: string[] } {
  const en = language === 'en' ? article.i18n?.en : undefined;
  return {
    title: en?.title ?? article.title,
    body: en?.body ?? article.body,
    keywords: en?.keywords ?? article.keywords,
  };
}
