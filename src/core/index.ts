// Public entry of the engine: `import { analyze } from "source-trace"`.
export * from './types';
export { analyze } from './analyze';
export { RULES, ruleInfo } from './rules';
export type { RuleInfo } from './rules';
export { attributionChain, actorById, sentenceAt, claimsIn, claimsOf, claimsRelayedBy } from './chains';
export type { ChainLink } from './chains';
export { createEvidenceIndex, parseSourceDocument, verifyQuote, describeEvidence, SOURCE_EXTENSIONS } from './evidence';
export type { EvidenceIndex, QuoteVerification } from './evidence';
export { parseRegister, registerFromFrontMatter, sourceGlobsFromFrontMatter, REGISTER_FILE, RegisterError } from './register';
export { createSearchIndex } from './search-index';
