import en from './en';
import type { LanguageData } from './types';

export type { LanguageData, Gender } from './types';

const LANGUAGES: Record<string, LanguageData> = { en };

export function languageData(code: string = 'en'): LanguageData {
  return LANGUAGES[code] ?? en;
}
