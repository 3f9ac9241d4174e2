/**
 * Evidence hits kept between runs. A student lints, edits an answer and lints again: the hits in every other
 * answer are what they were. The engine keeps a store per report (on disk for the command, in memory per open
 * document for the language server); the consistency rule looks hits up there before analysing an answer.
 */
import type { TextBlock } from "@mlops-report/core";
import { isNativeRegExp } from "../linear-regexp.js";
import { type BlockHit, blockHits, type EvidenceHit, findEvidence, type Term, withLines } from "./index.js";

/** The hits of one term list in one answer, in text order; each names its block, so none holds a line. */
export type StoredEvidence = readonly BlockHit[];

/** Hits by `evidenceKey`: what the rule looks up before finding them, and adds to after. */
export interface EvidenceStore {
  get(key: string): StoredEvidence | undefined;
  set(key: string, value: StoredEvidence): void;
}

const blocksKeys = new WeakMap<readonly TextBlock[], string>();
const termsKeys = new WeakMap<readonly Term[], string>();

/**
 * What the analysis reads of the blocks: each one's text, inline code spans and kind (a list item goes on the
 * list a paragraph introduces), not its line or column.
 */
function blocksKey(blocks: readonly TextBlock[]): string {
  let key = blocksKeys.get(blocks);
  if (key === undefined) {
    key = JSON.stringify(blocks.map((b) => [b.text, b.code, b.kind]));
    blocksKeys.set(blocks, key);
  }
  return key;
}

/**
 * A key equal for equal term lists, and only for those: a string term as a JSON string, a regex as its source,
 * flags and engine (what `compileTerm` builds its matcher from: the linear-time engine folds some letters that
 * JavaScript's does not). Each expression holds its own list, built once.
 */
export function termsKey(terms: readonly Term[]): string {
  let key = termsKeys.get(terms);
  if (key === undefined) {
    const regexKey = (t: RegExp) => [t.source, t.flags, isNativeRegExp(t) ? "js" : "linear"];
    key = JSON.stringify(terms.map((t) => (typeof t === "string" ? t : regexKey(t))));
    termsKeys.set(terms, key);
  }
  return key;
}

/**
 * The store's key for the hits of `terms` in `blocks`: the terms and the blocks' texts, written out (two JSON
 * texts after a line break cannot run into each other), so that two keys are equal only when the hits are. Lines
 * are left out: an edit elsewhere in the report moves an answer without changing its hits. The analysis itself is
 * not in the key: a store serves one build of the code (the engine keys what it keeps on disk by the build).
 */
export function evidenceKey(blocks: readonly TextBlock[], terms: readonly Term[]): string {
  return `${termsKey(terms)}\n${blocksKey(blocks)}`;
}

const STATUSES: ReadonlySet<unknown> = new Set(["asserted", "negated", "hypothetical"]);

function isBlockHit(value: unknown): value is BlockHit {
  if (typeof value !== "object" || value === null) return false;
  const { status, term, sentence, block, cue } = value as Partial<Record<keyof BlockHit, unknown>>;
  return (
    STATUSES.has(status) &&
    typeof term === "string" &&
    typeof sentence === "string" &&
    typeof block === "number" &&
    Number.isSafeInteger(block) &&
    block >= 0 &&
    (cue === undefined || typeof cue === "string")
  );
}

/** Whether a value read back (from a file, say) has the shape of stored hits; anything else is to be dropped. */
export function isStoredEvidence(value: unknown): value is StoredEvidence {
  if (!Array.isArray(value)) return false;
  // By index, not `every`: a hole in a sparse array is no hit.
  for (let i = 0; i < value.length; i++) if (!isBlockHit(value[i])) return false;
  return true;
}

/**
 * The hits of `terms` in an answer's blocks, as `findEvidence` finds them: from the store when it holds them
 * for these texts and terms (and they fit these blocks), else found and added to it.
 */
export function answerEvidence(
  blocks: readonly TextBlock[],
  terms: readonly Term[],
  store: EvidenceStore | null,
): EvidenceHit[] {
  if (store === null) return findEvidence(blocks, terms);
  const key = evidenceKey(blocks, terms);
  const kept: unknown = store.get(key);
  if (isStoredEvidence(kept) && kept.every((h) => h.block < blocks.length)) return withLines(kept, blocks);
  const found = blockHits(blocks, terms);
  store.set(key, found);
  return withLines(found, blocks);
}
