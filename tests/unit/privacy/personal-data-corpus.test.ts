import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  mightHoldPersonalData,
  scanPersonalData,
  scrubPersonalData,
  SCRUB_KINDS,
} from '../../../lib/privacy/personal-data';
import {
  leakProbes,
  loadCorpus,
  REQUIRED_RATE,
  scoreCorpus,
  formatScore,
} from '../../../scripts/privacy-score';

// The same scoring as `npm run privacy:score`, so CI fails when a change to the detector loses a
// format or damages a clean look-alike.
const corpus = loadCorpus();

describe('personal-data corpus (tests/fixtures/privacy/corpus.yaml)', () => {
  it('is big enough and covers every kind the module claims', () => {
    expect(corpus.personal.length).toBeGreaterThanOrEqual(150);
    expect(corpus.clean.length).toBeGreaterThanOrEqual(50);
    for (const kind of SCRUB_KINDS) {
      const values = corpus.personal.flatMap((item) => item.expect[kind] ?? []);
      expect(values.length, kind).toBeGreaterThanOrEqual(5);
    }
  });

  it(`every claimed kind catches ≥ ${REQUIRED_RATE * 100}% and no clean string is damaged`, () => {
    const score = scoreCorpus(corpus);
    const report = formatScore(score);
    expect(score.damaged, report).toEqual([]);
    expect(score.failingKinds, report).toEqual([]);
    for (const entry of score.kinds) {
      expect(entry.claimed, `${entry.kind} is in the corpus but not in SCRUB_KINDS`).toBe(true);
    }
    expect(score.ok).toBe(true);
  });

  it('scrubbing is idempotent on every corpus string', () => {
    for (const { text } of [...corpus.personal, ...corpus.clean]) {
      const once = scrubPersonalData(text).text;
      expect(scrubPersonalData(once).text, text).toBe(once);
    }
  });

  it('mightHoldPersonalData never says no where the detectors find something', () => {
    // scanPersonalData is findPersonalData without the prefilter.
    const texts = [
      ...corpus.personal.map((item) => item.text),
      ...corpus.personal.flatMap((item) => Object.values(item.expect).flat()),
      ...corpus.clean.map((item) => item.text),
    ];
    let found = 0;
    for (const text of texts) {
      if (scanPersonalData(text).length === 0) continue;
      found += 1;
      expect(mightHoldPersonalData(text), text).toBe(true);
    }
    // The check above is only worth something if it ran on the corpus's personal data.
    expect(found).toBeGreaterThanOrEqual(corpus.personal.length);
  });
});

describe('README', () => {
  it('shows the figures the scorer prints today', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Privacy: what counts as personal data'));
    const block = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const printed = formatScore(scoreCorpus(corpus), { details: false });
    const trim = (text: string) =>
      text
        .split('\n')
        .map((line) => line.trimEnd())
        .filter((line) => line.length > 0);
    // The README's block is the script's output up to the damaged strings.
    const figures = trim(printed).slice(0, trim(block).length);
    expect(trim(block)).toEqual(figures);
    expect(block).toContain('clean strings damaged');
  });
});

describe('the scorer', () => {
  it('counts a value as missed when it, or a piece of it, is still there', () => {
    const score = scoreCorpus({
      personal: [
        { text: '手机 13800138000', expect: { mobile: ['13800138000'] } },
        { text: '我住在北京市朝阳区建国路88号', expect: { address: ['北京市朝阳区建国路88号'] } },
      ],
      clean: [{ text: '请回电 13900139000' }, { text: '京政发〔2024〕12号' }],
    });
    const mobile = score.kinds.find((entry) => entry.kind === 'mobile');
    const address = score.kinds.find((entry) => entry.kind === 'address');
    expect(mobile).toMatchObject({ caught: 1, total: 1 });
    // No cue: not detected, and reported as missed.
    expect(address).toMatchObject({ caught: 0, total: 1 });
    expect(score.damaged.map((item) => item.text)).toEqual(['请回电 13900139000']);
    expect(score.ok).toBe(false);
    expect(score.failingKinds).toContain('address');
  });

  it('probes the pieces of a grouped number and the ends of an address', () => {
    expect(leakProbes('138 0013 8000')).toEqual(['138 0013 8000', '0013', '8000']);
    expect(leakProbes('北京市朝阳区建国路88号')).toEqual([
      '北京市朝阳区建国路88号',
      '北京市朝',
      '路88号',
    ]);
  });
});
