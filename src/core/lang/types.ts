// What a language module must provide. Stages never hard-code words; they read them from here.
export type Gender = 'male' | 'female' | 'plural' | 'neuter' | 'relative' | 'self';

export interface LanguageData {
  code: string;
  /** Speech and reporting verbs: lemma → inflected forms (multi-word forms such as "pointed out" allowed). */
  cues: Record<string, string[]>;
  /** Verbs of position, intention and evidence ("plans to", "endorsed"): they give stances, never claims. */
  stanceOnlyCues: Record<string, string[]>;
  /** Cue forms that pass judgement on the speaker ("claimed", "admitted"). */
  loadedCues: string[];
  /** Cue forms whose content is a direct object ("described X as", "called X"). */
  objectCues: string[];
  /** Cue forms that count only with a that-clause, a quote or a clear speaker. */
  weakCues: string[];
  /** Stance verbs ("criticized", "hopes"): attributions only when a named actor is the subject. */
  stanceCues: string[];
  /** Objects and phrases that belong to the cue ("told reporters", "said in a statement"). */
  cueObjects: string[];
  /** Words after "according to" that make it a manner ("according to plan"), not a source. */
  accordingToNonSources: string[];
  pronouns: Record<string, Gender>;
  /** Capitalised titles before a name ("Secretary General Mark Rutte"). */
  titles: string[];
  /** Lowercase role nouns that stand for a person ("the mayor"). */
  roleNouns: string[];
  genderedTitles: Record<string, 'male' | 'female'>;
  /** Capital city → country it stands for ("Pyongyang" → "North Korea"). */
  capitalMetonyms: Record<string, string>;
  /** Country → adjectives and other names of it or its government. */
  countries: Record<string, string[]>;
  /** Capitalised words that make a name an organisation ("Ministry", "Service"). */
  organizationWords: string[];
  knownOrganizations: string[];
  anonymousHeads: string[];
  anonymityMarkers: string[];
  anonymityReasons: string[];
  groupHeads: string[];
  /** Words that make a number a share of people ("59 percent", "a majority of voters", "4 in 10"). */
  proportions: string[];
  documentHeads: string[];
  hedges: string[];
  abbreviations: string[];
  terminalAbbreviations: string[];
  sentenceOpeners: string[];
  monthsAndDays: string[];
  nonNameWords: string[];
  subordinators: string[];
  determiners: string[];
  adverbsBeforeCue: string[];
}
