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
import { TOUR_MODULES, UrlGlobSchema } from '../tour/schema';

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = (what: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined ? `${what} is required` : `${what} must be a string`,
    })
    .trim()
    .min(1, { error: `${what} must not be empty` });

export const HelpArticleI18nSchema = z.strictObject({
  en: z
    .strictObject({
      title: text('title').optional(),
      body: text('body').optional(),
      keywords: z.array(text('a keyword')).optional(),
    })
    .optional(),
});

export const HelpArticleSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z
      .string({
        error: (issue) =>
          issue.input === undefined ? 'article id is required' : 'article id must be a string',
      })
      .regex(KEBAB_ID, {
        error:
          'article id must be kebab-case ASCII (a-z, 0-9, single dashes), e.g. faq-login-failed',
      }),
    title: text('title'),
    module: z.enum(TOUR_MODULES, {
      error: `module must be one of ${TOUR_MODULES.join(' / ')}`,
    }),
    keywords: z.array(text('a keyword')).default([]),
    /** URL globs (same syntax as a tour's applies.url) of the pages this article is about. */
    applies: z.array(UrlGlobSchema).default([]),
    /** Ids of tours that show what the article explains; checked against the built tours. */
    tours: z.array(z.string().min(1)).default([]),
    body: text('body'),
    i18n: HelpArticleI18nSchema.optional(),
  })
  .superRefine((article, ctx) => {
    const seen = new Set<string>();
    article.tours.forEach((tourId, index) => {
      if (seen.has(tourId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['tours', index],
          message: `tour "${tourId}" is listed twice`,
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
