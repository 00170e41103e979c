// Public entry of the engine: `import { analyze } from "source-trace"`.
export * from './types';
export { analyze } from './analyze';
export { RULES, ruleInfo } from './rules';
export type { RuleInfo } from './rules';
export { attributionChain, actorById, sentenceAt, claimsIn, claimsOf, claimsRelayedBy } from './chains';
export type { ChainLink } from './chains';
