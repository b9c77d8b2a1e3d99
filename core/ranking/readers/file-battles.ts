// Votes of a file grouped into battles by id (Pnyx's battle_id, compar:IA's conversation_pair_id): while a part of the
// file is read, each vote goes to its battle's four tallies; at the end, the battles of all parts are merged by id (a
// battle's votes may sit in both halves of a file) and become cells of the counts. Votes without an id are each a
// battle of their own and go straight to the counts builder.
import type { CountsBuilder } from '../math/counts';
import type { Outcome } from '../types';
import { createIdTable } from './battle-ids';

/** Battles seen in (part of) a file: id hashes, model indices into `models`, four tallies per battle. */
export interface BattleList {
  h1: Uint32Array;
  h2: Uint32Array;
  models: string[];
  a: Int32Array;
  b: Int32Array;
  tally: Float64Array;
}

export type IdTable = ReturnType<typeof createIdTable>;

// A comparison chain, not a Record lookup: a keyed property load per vote showed in profiles.
const outcomeIndex = (o: Outcome): number => (o === 'a' ? 0 : o === 'b' ? 1 : o === 'tie' ? 2 : 3);

/**
 * The battles of one part of a file. `expected` sizes the id table; `builder` takes the votes without an id; `bad`
 * reports a vote that contradicts its battle. addVote is called once per vote; list() and ids are read at the end.
 */
export function createBattleGroups(expected: number, builder: CountsBuilder, bad: (line: number, reason: string) => void) {
  // Battles by id (hashed): one slot each, model names interned.
  const slots = createIdTable(expected);
  const modelIndex = new Map<string, number>();
  const models: string[] = [];
  // Per battle (slot): both models and the four tallies, in typed arrays grown together (JavaScript arrays of
  // millions of numbers showed in profiles at 10M votes).
  let battles = 0;
  let ba = new Int32Array(256);
  let bb = new Int32Array(256);
  let tally = new Float64Array(1024);
  const intern = (m: string) => {
    let k = modelIndex.get(m);
    if (k === undefined) modelIndex.set(m, (k = models.push(m) - 1));
    return k;
  };
  // The previous vote's battle: its hashes in a typed array, as closure variables they were boxed on every vote.
  const lastId = new Uint32Array(2);
  let lastSlot = -1;
  /**
   * Adds a vote; a battle id comes as its hashes (`id` null without one) and as text for messages. Returns 2 for a
   * battle's first vote (and a vote without id, a battle of its own), 1 for a later vote of a battle, 0 for a vote
   * whose battle was between other models (reported): `if (addVote(…))` reads "if it was counted", and the caller
   * counts categories once per battle without a flag beside the function. Plain numbers, not named constants: an
   * imported binding is one more load per vote.
   */
  const addVote = (modelA: string, modelB: string, outcome: Outcome, id: Uint32Array | null, idText: () => string, line: number): number => {
    if (!id) {
      builder.add(modelA, modelB, outcome);
      return 2;
    }
    const h1 = id[0]!;
    const h2 = id[1]!;
    // Votes of one battle usually follow each other: the previous battle is checked before the table.
    const slot = lastSlot >= 0 && h1 === lastId[0] && h2 === lastId[1] ? lastSlot : slots.slot(h1, h2);
    let o = outcomeIndex(outcome);
    const newBattle = slot === battles;
    if (newBattle) {
      if (battles === ba.length) {
        const ga = new Int32Array(2 * battles);
        ga.set(ba);
        ba = ga;
        const gb = new Int32Array(2 * battles);
        gb.set(bb);
        bb = gb;
        const gt = new Float64Array(8 * battles);
        gt.set(tally);
        tally = gt;
      }
      ba[battles] = intern(modelA);
      bb[battles] = intern(modelB);
      battles++;
    } else {
      const x = models[ba[slot]!]!;
      const y = models[bb[slot]!]!;
      if (x === modelB && y === modelA) o = o === 0 ? 1 : o === 1 ? 0 : o;
      else if (x !== modelA || y !== modelB) {
        bad(line, `battle ${JSON.stringify(idText())} was ${x} vs ${y} on an earlier line, here ${modelA} vs ${modelB}`);
        return 0;
      }
    }
    tally[4 * slot + o] = tally[4 * slot + o]! + 1;
    lastId[0] = h1;
    lastId[1] = h2;
    lastSlot = slot;
    return newBattle ? 2 : 1;
  };
  /** The battles gathered, trimmed to their number (slot k = battle k). */
  const list = (): BattleList => ({ ...slots.keys(), models, a: ba.slice(0, battles), b: bb.slice(0, battles), tally: tally.slice(0, 4 * battles) });
  return { addVote, list, ids: slots };
}

/**
 * Battles of all parts into `builder`, merged by id: a battle's votes may sit in both halves of a file. The first
 * part's ids (hashes) go into a table; the others' are looked up in it.
 */
export function addBattleLists(builder: CountsBuilder, lists: BattleList[], firstIds?: IdTable): void {
  const addAll = (l: BattleList, tally: Float64Array, skip?: Uint8Array) => {
    // One adder per (model, model) of the list: the builder's pair lookup happens once per pair, not per battle; in
    // a flat array up to 256 models (a larger one would be a slow sparse array; a Map lookup per battle showed in
    // profiles at 10M votes).
    type Adder = ReturnType<typeof builder.pair>;
    const m = l.models.length;
    const flat: Array<Adder | undefined> | null = m * m <= 65_536 ? new Array<Adder | undefined>(m * m) : null;
    const adders = new Map<number, Adder>();
    for (let k = 0; k < l.a.length; k++) {
      if (skip?.[k]) continue;
      const key = l.a[k]! * m + l.b[k]!;
      let add = flat ? flat[key] : adders.get(key);
      if (!add) {
        add = builder.pair(l.models[l.a[k]!]!, l.models[l.b[k]!]!);
        if (flat) flat[key] = add;
        else adders.set(key, add);
      }
      add(tally[4 * k]!, tally[4 * k + 1]!, tally[4 * k + 2]!, tally[4 * k + 3]!, 1);
    }
  };
  const [first, ...rest] = lists.filter((l) => l.a.length > 0);
  if (!first) return;
  if (!rest.length) {
    addAll(first, first.tally);
    return;
  }
  // The first part's own table when it was read here (slot k = battle k): rebuilding it cost ~2 million inserts at 10M votes.
  let table = firstIds && lists[0] === first && firstIds.size === first.h1.length ? firstIds : null;
  if (!table) {
    table = createIdTable();
    for (let i = 0; i < first.h1.length; i++) table.slot(first.h1[i]!, first.h2[i]!);
  }
  const tallyX = first.tally.slice();
  for (const l of rest) {
    const merged = new Uint8Array(l.a.length);
    for (let j = 0; j < l.a.length; j++) {
      const i = table.find(l.h1[j]!, l.h2[j]!);
      if (i < 0) continue;
      const sameWay = first.models[first.a[i]!] === l.models[l.a[j]!] && first.models[first.b[i]!] === l.models[l.b[j]!];
      const otherWay = first.models[first.a[i]!] === l.models[l.b[j]!] && first.models[first.b[i]!] === l.models[l.a[j]!];
      // The same id on another pair across halves stays a battle of its own (within a half it is reported).
      if (!sameWay && !otherWay) continue;
      tallyX[4 * i] = tallyX[4 * i]! + l.tally[4 * j + (sameWay ? 0 : 1)]!;
      tallyX[4 * i + 1] = tallyX[4 * i + 1]! + l.tally[4 * j + (sameWay ? 1 : 0)]!;
      tallyX[4 * i + 2] = tallyX[4 * i + 2]! + l.tally[4 * j + 2]!;
      tallyX[4 * i + 3] = tallyX[4 * i + 3]! + l.tally[4 * j + 3]!;
      merged[j] = 1;
    }
    addAll(l, l.tally, merged);
  }
  addAll(first, tallyX);
}
