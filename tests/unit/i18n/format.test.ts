/** lib/i18n/format.ts: one table of strings per UI language, and a view's `t` in one language. */
import { describe, expect, it } from 'vitest';
import {
  bilingualTranslator,
  fillPlaceholders,
  inLanguage,
  translator,
} from '../../../lib/i18n/format';
import { translate } from '../../../lib/i18n/messages';

const text = translator({
  zh_CN: { score: '得分 {score} / {max}', done: '完成' },
  en: { score: 'Score {score} / {max}', done: 'Done' },
});

describe('inLanguage', () => {
  it('gives the strings of the one language it is bound to, placeholders filled', () => {
    const zh = inLanguage(text, 'zh_CN');
    const en = inLanguage(text, 'en');
    expect(zh('score', { score: 80, max: 100 })).toBe('得分 80 / 100');
    expect(en('score', { score: 80, max: 100 })).toBe('Score 80 / 100');
    expect(en('done')).toBe('Done');
  });

  it('works over the extension-wide table as the views use it', () => {
    expect(inLanguage(translate, 'en')('dashAcks')).toBe(translate('en', 'dashAcks'));
    expect(inLanguage(translate, 'zh_CN')('dashAcks')).toBe(translate('zh_CN', 'dashAcks'));
    expect(translate('en', 'dashAcks')).not.toBe(translate('zh_CN', 'dashAcks'));
  });
});

describe('fillPlaceholders', () => {
  it('fills known names and leaves an unknown one as written', () => {
    expect(fillPlaceholders('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});

describe('bilingualTranslator', () => {
  it('gives the Chinese table for zh_CN and the English one for en, placeholders filled', () => {
    const quizLike = bilingualTranslator(
      { best: '最好成绩 {score} 分', never: '尚未测验' },
      { best: 'Best score {score}', never: 'Not taken yet' },
    );
    expect(quizLike('zh_CN', 'best', { score: 90 })).toBe('最好成绩 90 分');
    expect(quizLike('en', 'best', { score: 90 })).toBe('Best score 90');
    expect(quizLike('en', 'never')).toBe('Not taken yet');
  });
});
