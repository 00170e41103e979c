import type { Analysis, AnalyzeOptions } from './types';

/** Reads a draft and reports who claimed what. Pure: no I/O, no globals mutated. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  void text; void options;
  return { version: 1, actors: [], claims: [], sentences: [], unattributed: [], findings: [] };
}
