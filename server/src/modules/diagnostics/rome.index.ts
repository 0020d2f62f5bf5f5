import type { RomeAppellation } from '@spie/contract/diagnostics';
import { searchText } from '../../db/referenceData';

/** A title and its searchable text (as stored in `rome_appellations.search_text`). */
export interface RomeTitle {
  item: RomeAppellation;
  text: string;
}

/** An entry matching every typed word: total edits, and whether the title starts with the first one. */
interface Candidate {
  index: number;
  edits: number;
  leads: boolean;
}

interface Entry {
  item: RomeAppellation;
  text: string;
  /** Ids of the title's distinct words in the dictionary. */
  words: number[];
}

/** Edits a typed word may differ by: none under 4 letters, one up to 6, two from 7. */
const allowedEdits = (length: number) => (length < 4 ? 0 : length < 7 ? 1 : 2);

// Rows of the distance table, reused: the autocomplete compares a typed word with thousands.
let rows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal string alignment distance (Levenshtein plus swapped neighbours), stopping as soon as
 * it exceeds `max`, of `a` and the first `bLength` letters of `b`.
 */
export function editDistance(a: string, b: string, max: number, bLength = b.length): number {
  if (Math.abs(a.length - bLength) > max) return max + 1;
  if ((rows[0]?.length ?? 0) <= bLength) rows = rows.map(() => new Int32Array(bLength * 2 + 1));
  let [prev2, prev, cur] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= bLength; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= bLength; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (ai === bj ? 0 : 1),
      );
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        d = Math.min(d, (prev2[j - 2] as number) + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[bLength] as number;
}

/**
 * The ROME job titles held in memory for the autocomplete. They are national reference data,
 * loaded once from `rome_appellations` and never edited, and 11,000 short titles: a scan here
 * answers in a millisecond, where trigram word similarity in the database took 10–40 ms
 * (measured on PGlite and PostgreSQL alike), too slow for a field that searches as one types.
 */
export class RomeIndex {
  private readonly entries: Entry[];
  private readonly dictionary: string[];
  private readonly entriesByWord: number[][];

  constructor(titles: RomeTitle[]) {
    const wordIds = new Map<string, number>();
    this.dictionary = [];
    this.entriesByWord = [];
    // Shortest titles first: for a prefix, "Boulanger / Boulangère" before "Boulanger-traiteur…".
    const prepared = [...titles].sort(
      (x, y) =>
        x.text.length - y.text.length ||
        (x.text < y.text ? -1 : x.text > y.text ? 1 : 0) ||
        (x.item.code < y.item.code ? -1 : 1),
    );
    this.entries = prepared.map(({ item, text }, index) => {
      const words = [...new Set(text.split(' ').filter(Boolean))].map((w) => {
        let id = wordIds.get(w);
        if (id === undefined) {
          id = this.dictionary.length;
          wordIds.set(w, id);
          this.dictionary.push(w);
          this.entriesByWord.push([]);
        }
        this.entriesByWord[id]?.push(index);
        return id;
      });
      return { item, text, words };
    });
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * Best first, in three tiers: 0. the title starts with what was typed; 1. every typed word
   * starts a word of the title, in any order ("soignant aide"); 2. every typed word of 4 letters
   * or more is one or two typos away from (the start of) a word of the title ("boulenger"),
   * shorter words still starting one. Within tiers 0 and 1, shorter titles first; in tier 2,
   * fewer typos first. A ROME code ("F1402") lists the titles of its sheet.
   */
  search(typed: string, limit: number): RomeAppellation[] {
    const norm = searchText(typed);
    if (/^[a-n]\d{4}$/.test(norm)) {
      const code = norm.toUpperCase();
      return this.entries
        .filter((e) => e.item.romeCode === code)
        .slice(0, limit)
        .map((e) => e.item);
    }
    const typedWords = norm.split(' ').filter(Boolean);
    if (typedWords.length === 0) return [];

    const found: RomeAppellation[] = [];
    const taken = new Set<number>();
    const take = (index: number) => {
      const entry = this.entries[index];
      if (!entry || taken.has(index) || found.length >= limit) return;
      taken.add(index);
      found.push(entry.item);
    };
    this.entries.forEach((e, i) => {
      if (e.text.startsWith(norm)) take(i);
    });
    if (found.length >= limit) return found;

    // Per typed word: dictionary words it starts (0 edits), or resembles (1–2 edits).
    const perWord = typedWords.map((w) => this.matchingWords(w));
    const candidates = this.entriesWithAll(perWord);
    const exact = candidates.filter((c) => c.edits === 0).map((c) => c.index);
    for (const index of exact.sort((a, b) => a - b)) take(index);
    const fuzzy = candidates
      .filter((c) => c.edits > 0)
      .sort((a, b) => a.edits - b.edits || Number(b.leads) - Number(a.leads) || a.index - b.index);
    for (const c of fuzzy) take(c.index);
    return found;
  }

  /**
   * Dictionary word id → fewest edits from the typed word to the word or to its start (a word
   * still being typed, give or take a letter). Typos are looked for among words with the same
   * first letter: people rarely miss the first one, and it keeps the scan to a few hundred words.
   */
  private matchingWords(typed: string): Map<number, number> {
    const max = allowedEdits(typed.length);
    const matches = new Map<number, number>();
    const first = typed.charCodeAt(0);
    for (let id = 0; id < this.dictionary.length; id++) {
      const word = this.dictionary[id] as string;
      if (word.charCodeAt(0) !== first) continue;
      if (word.startsWith(typed)) {
        matches.set(id, 0);
        continue;
      }
      if (max === 0 || word.length < typed.length - max) continue;
      let best = editDistance(typed, word, max);
      for (let n = typed.length - 1; n <= typed.length + 1 && best > 0; n++) {
        if (n > 0 && n < word.length) best = Math.min(best, editDistance(typed, word, max, n));
      }
      if (best <= max) matches.set(id, best);
    }
    return matches;
  }

  /** Entries holding a match for every typed word, with the total of edits. */
  private entriesWithAll(perWord: Map<number, number>[]): Candidate[] {
    // Walk the entries of the typed word with the fewest matches, check the others on them.
    const rarest = perWord.reduce<Map<number, number> | null>(
      (a, b) => (a === null || b.size < a.size ? b : a),
      null,
    );
    if (!rarest) return [];
    const out: Candidate[] = [];
    const seen = new Set<number>();
    for (const wordId of rarest.keys()) {
      for (const index of this.entriesByWord[wordId] ?? []) {
        if (seen.has(index)) continue;
        seen.add(index);
        const entry = this.entries[index];
        if (!entry) continue;
        let edits = 0;
        for (const matches of perWord) {
          let best = Number.POSITIVE_INFINITY;
          for (const w of entry.words) best = Math.min(best, matches.get(w) ?? Number.POSITIVE_INFINITY);
          edits += best;
        }
        const leads = entry.words[0] !== undefined && perWord[0]?.has(entry.words[0]) === true;
        if (Number.isFinite(edits)) out.push({ index, edits, leads });
      }
    }
    return out;
  }
}
