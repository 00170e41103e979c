import * as assert from 'assert';
import { diagnosticModels } from '../../src/vscode/view/diagnostics';
import type { Finding } from '../../src/core/types';
import { analyze } from '../../src/core';
import { RULES } from '../../src/core/rules';
import { sampleAnalysis } from './view-sample';

describe('view: diagnostics', () => {
  it('keeps the engine severity unless the user chose one, and puts the standard in the message', () => {
    const models = diagnosticModels(sampleAnalysis().findings, {}, 100);
    assert.deepStrictEqual(models.map((model) => [model.code, model.severity]), [
      ['unattributed-claim', 'warning'],
      ['loaded-cue', 'info'],
    ]);
    assert.match(models[0].message, /without a source\.\nAP\/Reuters:/);
  });

  it('maps per-rule severities and drops rules set to off', () => {
    const models = diagnosticModels(sampleAnalysis().findings, { 'unattributed-claim': 'error', 'loaded-cue': 'off' }, 100);
    assert.deepStrictEqual(models.map((model) => [model.code, model.severity]), [['unattributed-claim', 'error']]);
  });

  it('caps the number reported, in reading order, after dropping rules that are off', () => {
    const finding = (start: number, rule: Finding['rule']): Finding => ({ start, end: start + 1, rule, severity: 'warning', message: 'm', standard: 's' });
    const findings = [finding(30, 'loaded-cue'), finding(10, 'hedge-in-own-voice'), finding(20, 'loaded-cue'), finding(5, 'quote-no-speaker')];
    const models = diagnosticModels(findings, { 'quote-no-speaker': 'off' }, 2);
    assert.deepStrictEqual(models.map((model) => model.start), [10, 20]);
    assert.deepStrictEqual(diagnosticModels(findings, {}, 0), []);
  });

  it('adds nothing the engine did not report', () => {
    assert.deepStrictEqual(diagnosticModels([], {}, 100), []);
  });
});

describe('view: diagnostics never lint stances', () => {
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

  it('a draft of stances only produces no diagnostic', () => {
    const text =
      'Governor Elena Marsh said the budget was balanced. Marsh plans to veto the transit levy. The board criticized the contract. ' +
      'The contractor was accused of inflating the repair bills. Marsh endorsed the new mayor. She refuses to sign the deal.';
    const analysis = analyze(text);
    assert.deepStrictEqual(
      (analysis.stances ?? []).map((stance) => stance.cue?.text),
      ['plans to', 'criticized', 'accused', 'endorsed', 'refuses'],
    );
    assert.deepStrictEqual(diagnosticModels(analysis.findings, {}, 100), []);
    // Even with every rule at its strictest.
    const strictest = Object.fromEntries(RULES.map((rule) => [rule.id, 'error' as const]));
    assert.deepStrictEqual(diagnosticModels(analysis.findings, strictest, 100), []);
  });

  it('next to a linted claim, only the claim is flagged', () => {
    const text =
      'Council member Tom Reyes claimed that the vote had been rushed. Marsh plans to veto the transit levy. ' +
      'The contractor was accused of inflating the repair bills.';
    const analysis = analyze(text);
    const stances = analysis.stances ?? [];
    assert.strictEqual(stances.length, 2);
    const models = diagnosticModels(analysis.findings, {}, 100);
    assert.deepStrictEqual(models.map((model) => [model.code, text.slice(model.start, model.end)]), [['loaded-cue', 'claimed']]);
    for (const model of models) {
      for (const stance of stances) assert.ok(!overlaps(model, stance.sentence), `${model.code} on stance ${stance.id}`);
    }
  });

  it('a quoted word inside a stance raises no quote diagnostic', () => {
    const analysis = analyze('Critics slammed the "reckless" plan.');
    const stances = analysis.stances ?? [];
    assert.deepStrictEqual(stances.flatMap((stance) => stance.quotes.map((quote) => quote.text)), ['"reckless"']);
    assert.deepStrictEqual(analysis.claims, []);
    assert.deepStrictEqual(diagnosticModels(analysis.findings, {}, 100), []);
  });
});
