import * as assert from 'assert';
import { diagnosticModels } from '../../src/vscode/view/diagnostics';
import type { Finding } from '../../src/core/types';
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
