/**
 * At most `size` holders at once, served in the order of their numbers (a holder
 * numbered n is never let in before every lower number was): the layout parts,
 * which wait for the parts before them, can then never wait on one another in a
 * ring. Releasing is idempotent per holder.
 */
export class Slots {
  readonly #size: number;
  readonly #holders = new Set<number>();
  readonly #waiting: Array<{ holder: number; enter(): void }> = [];

  constructor(size: number) {
    this.#size = size;
  }

  acquire(holder: number): Promise<void> {
    return new Promise((resolve) => {
      this.#waiting.push({ holder, enter: resolve });
      this.#waiting.sort((a, b) => a.holder - b.holder);
      this.#admit();
    });
  }

  release(holder: number): void {
    if (this.#holders.delete(holder)) this.#admit();
  }

  #admit(): void {
    while (this.#holders.size < this.#size && this.#waiting.length > 0) {
      const next = this.#waiting.shift()!;
      this.#holders.add(next.holder);
      next.enter();
    }
  }
}
