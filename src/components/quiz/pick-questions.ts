/**
 * The full quiz's choice of questions: a seeded shuffle of every question, dealt out a round at a
 * time, so pressing "New quiz" again and again reaches every question before any comes back.
 */

/** A small seeded generator (mulberry32): the same seed gives the same order. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `items` in an order fixed by `seed` (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const next = random(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/**
 * The questions of round `round` (0, 1, …): `count` of them from the seeded order, continuing
 * where the last round stopped; past the end the order starts again, reshuffled, with no
 * question twice in one round.
 */
export function pickRound<T>(items: readonly T[], count: number, seed: number, round: number): T[] {
  const size = Math.max(1, Math.min(count, items.length));
  const picked: T[] = [];
  let position = round * size;
  while (picked.length < size && items.length > 0) {
    const pass = Math.floor(position / items.length);
    const order = shuffled(items, seed + pass * 7919);
    const item = order[position % items.length] as T;
    if (!picked.includes(item)) picked.push(item);
    position += 1;
  }
  return picked;
}
