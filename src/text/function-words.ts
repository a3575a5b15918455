/**
 * Closed-class English function words the question and passage checks share (Quirk et al., "A Comprehensive
 * Grammar of the English Language": auxiliaries, modals and central determiners). Kept as data, one list each.
 */

/** The primary auxiliaries and the modals: "is", "has", "will", "could"… */
export const AUXILIARIES: ReadonlySet<string> = new Set(['will', 'would', 'shall', 'should', 'may', 'might', 'must', 'can', 'could', 'do', 'does', 'did', 'have', 'has', 'had', 'be', 'is', 'are', 'was', 'were', 'been', 'being']);

/** Determiners that open a noun phrase: "the deal", "their position", "each side". */
export const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'each', 'every', 'any', 'some']);
