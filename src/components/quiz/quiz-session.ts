/**
 * A quiz being taken, as plain state: which questions, which one is asked, and the score. The first
 * answer to a question is the one that counts; starting a question over does not change it.
 */

/** Where a quiz stands. */
export interface SessionPosition {
  /** 1-based number of the question asked, or the total once the quiz is over. */
  number: number;
  total: number;
  /** True once every question has been answered and the reader moved past the last. */
  finished: boolean;
}

/** One sitting of a quiz over a fixed list of questions. */
export class QuizSession {
  readonly #ids: readonly string[];
  readonly #results = new Map<string, boolean>();
  #index = 0;
  #finished = false;

  constructor(ids: readonly string[]) {
    if (ids.length === 0) throw new Error('A quiz needs at least one question.');
    this.#ids = [...ids];
  }

  /** The questions, in the order asked. */
  get ids(): readonly string[] {
    return this.#ids;
  }

  /** The id of the question asked now. */
  get current(): string {
    return this.#ids[this.#index] as string;
  }

  /** Where the quiz stands. */
  get position(): SessionPosition {
    return { number: this.#index + 1, total: this.#ids.length, finished: this.#finished };
  }

  /** Questions answered right so far. */
  get score(): number {
    return [...this.#results.values()].filter(Boolean).length;
  }

  /** Whether a question has been answered (its first answer is kept). */
  answered(id: string): boolean {
    return this.#results.has(id);
  }

  /** Whether the first answer to a question was right; undefined if not answered. */
  result(id: string): boolean | undefined {
    return this.#results.get(id);
  }

  /** Records an answer to the current question; only the first one counts. Returns whether it counted. */
  answer(correct: boolean): boolean {
    if (this.#finished || this.#results.has(this.current)) return false;
    this.#results.set(this.current, correct);
    return true;
  }

  /** Moves to the next question, or finishes after the last; returns false once finished. */
  next(): boolean {
    if (!this.#results.has(this.current)) throw new Error('Answer the question before moving on.');
    if (this.#index + 1 < this.#ids.length) {
      this.#index += 1;
      return true;
    }
    this.#finished = true;
    return false;
  }
}
