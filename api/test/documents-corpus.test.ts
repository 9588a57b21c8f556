import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recognizeRequestedItems } from '../src/domain/documents/recognize-items.js';
import type { RequestedItem } from '../src/domain/documents/requested-item.js';
import { extractDocument } from '../src/extraction/extract-document.js';
import { matchRequestedItems, type ItemMatch } from '../src/services/documents/match-requested-items.js';
import { JSON_HEADERS, startTestApp, type TestApp } from './support/harness.js';
import { CORPUS, CORPUS_CATALOGUE, type CorpusDocument, type ExpectedItem } from './support/rfq-corpus.js';

/**
 * The whole pipeline short of HTTP on the corpus: extraction, recognition,
 * and matching against a real catalogue (PostgreSQL search) — asserted item
 * by item, and summed up as the corpus accuracy the note reports.
 */

let t: TestApp;
const results = new Map<string, { expected: ExpectedItem[]; matches: ItemMatch[] }>();

async function runPipeline(document: CorpusDocument) {
  const { items } = recognizeRequestedItems(await extractDocument(await document.bytes()));
  const matches = await matchRequestedItems(t.deps, items);
  results.set(document.name, { expected: document.items, matches });
  return matches;
}

const sameItem = (item: RequestedItem, expected: ExpectedItem) =>
  item.description === expected.description &&
  item.quantity === expected.quantity &&
  item.unit.normalized === expected.unit &&
  JSON.stringify(item.location) === JSON.stringify(expected.location);

const chosenSku = (match: ItemMatch) => (match.verdict.status === 'matched' ? match.verdict.chosen.sku : null);

beforeAll(async () => {
  t = await startTestApp({ GRAPH_SYNC_INTERVAL_MS: '60000', JOBS_POLL_MS: '60000' });
  const admin = await t.user('admin', 'Ada Admin');
  for (const product of CORPUS_CATALOGUE) {
    const response = await t.request('/api/products', { method: 'POST', headers: { ...JSON_HEADERS, ...admin.auth }, body: JSON.stringify(product) });
    expect(response.status, await response.clone().text()).toBe(201);
  }
});

afterAll(async () => {
  await t?.close();
});

describe('the RFQ corpus, extracted, recognised and matched', () => {
  for (const document of CORPUS) {
    it(`matches every item of the ${document.name} to the right SKU, or flags it as no confident match`, async () => {
      const matches = await runPipeline(document);
      expect(matches.map((m) => ({ description: m.item.description, sku: chosenSku(m) }))).toEqual(
        document.items.map((e) => ({ description: e.description, sku: e.sku })),
      );
      for (const match of matches) {
        if (match.verdict.status === 'matched') {
          expect(match.verdict.chosen.reasons.length, match.item.description).toBeGreaterThan(0);
          expect(match.verdict.chosen.score).toBeGreaterThanOrEqual(0.6);
        } else {
          expect(match.verdict.reason).not.toBe('');
        }
      }
    });
  }

  it('explains a near-duplicate choice by the attribute that decided it', async () => {
    const [match] = await matchRequestedItems(t.deps, [
      { description: 'Sub-compact drill driver 12V kit', specification: null, brand: null, code: null, remarks: null, quantity: 1, unit: { written: null, normalized: null }, location: { kind: 'line', line: 1 }, confidence: 0.8 },
    ]);
    expect(match?.verdict.status).toBe('matched');
    if (match?.verdict.status !== 'matched') return;
    expect(match.verdict.chosen.sku).toBe('DCD701D2');
    expect(match.verdict.chosen.reasons).toEqual(expect.arrayContaining(['voltage 12V', 'kit']));
    const kit18 = match.verdict.candidates.find((c) => c.sku === 'DCD791D2');
    expect(kit18?.conflicts).toContain('voltage 12V ≠ 18V');
  });

  it('never matches on the brand alone', async () => {
    const [match] = await matchRequestedItems(t.deps, [
      { description: 'Laser distance meter', specification: null, brand: 'DeWalt', code: null, remarks: null, quantity: 2, unit: { written: null, normalized: null }, location: { kind: 'line', line: 1 }, confidence: 0.9 },
    ]);
    expect(match?.verdict.status).toBe('no-confident-match');
  });

  it('says an item is ambiguous rather than picking between equal near-duplicates', async () => {
    const [match] = await matchRequestedItems(t.deps, [
      { description: 'Cable ties 200mm', specification: null, brand: null, code: null, remarks: null, quantity: 5, unit: { written: 'packs', normalized: 'PACK' }, location: { kind: 'line', line: 1 }, confidence: 0.8 },
    ]);
    expect(match?.verdict).toMatchObject({ status: 'no-confident-match', reason: expect.stringMatching(/fit equally well/) });
    expect(match?.verdict.candidates.map((c) => c.sku).slice(0, 2).sort()).toEqual(['TIE-200-BLK', 'TIE-200-WHT']);
  });

  it('forgives a typo in a model code', async () => {
    const [match] = await matchRequestedItems(t.deps, [
      { description: 'Angle grinder', specification: null, brand: 'Makita', code: 'GA-4503', remarks: null, quantity: 1, unit: { written: null, normalized: null }, location: { kind: 'line', line: 1 }, confidence: 0.9 },
    ]);
    expect(match?.verdict.status === 'matched' && match.verdict.chosen.sku).toBe('GA4530');
  });

  it('reports the corpus accuracy', () => {
    let expectedItems = 0;
    let extractedExactly = 0;
    let falsePositives = 0;
    let expectedSkus = 0;
    let skusRight = 0;
    let expectedUnmatched = 0;
    let unmatchedFlagged = 0;
    let wrongMatches = 0;
    for (const { expected, matches } of results.values()) {
      expectedItems += expected.length;
      const used = new Set<number>();
      for (const match of matches) {
        const index = expected.findIndex((e, i) => !used.has(i) && sameItem(match.item, e));
        if (index < 0) {
          falsePositives += 1;
          continue;
        }
        used.add(index);
        extractedExactly += 1;
        const want = expected[index]!.sku;
        const got = chosenSku(match);
        if (want === null) {
          expectedUnmatched += 1;
          if (got === null) unmatchedFlagged += 1;
          else wrongMatches += 1;
        } else {
          expectedSkus += 1;
          if (got === want) skusRight += 1;
          else if (got !== null) wrongMatches += 1;
        }
      }
    }
    const pct = (n: number, d: number) => `${n}/${d} (${d === 0 ? '—' : ((100 * n) / d).toFixed(1)}%)`;
    console.log(
      [
        `RFQ corpus accuracy (${results.size} documents, ${expectedItems} requested items):`,
        `  items extracted exactly      ${pct(extractedExactly, expectedItems)}`,
        `  SKUs right                   ${pct(skusRight, expectedSkus)}`,
        `  unmatched correctly flagged  ${pct(unmatchedFlagged, expectedUnmatched)}`,
        `  false positives (extra items) ${falsePositives}`,
        `  wrong matches                ${wrongMatches}`,
      ].join('\n'),
    );
    expect(results.size).toBe(CORPUS.length);
    expect(extractedExactly).toBe(expectedItems);
    expect(falsePositives).toBe(0);
    expect(wrongMatches).toBe(0);
  });
});
