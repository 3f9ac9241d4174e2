/**
 * Values computed in one run for the next, by key (a section's text, say): a run takes what the last one computed
 * and keeps only what it used, so that what a report no longer holds is let go.
 */
export class KeptValues<V> {
  private current = new Map<string, V>();
  private changed = false;

  constructor(private previous: ReadonlyMap<string, V> = new Map()) {}

  get(key: string): V | undefined {
    const found = this.current.get(key) ?? this.previous.get(key);
    if (found !== undefined) this.current.set(key, found);
    return found;
  }

  set(key: string, value: V): void {
    this.current.set(key, value);
    this.changed = true;
  }

  /** Starts a new run: the values that the last one did not use are let go. */
  nextRun(): void {
    this.previous = this.current;
    this.current = new Map();
    this.changed = false;
  }

  /** Whether this run computed a value or left one of the last run's unused. */
  get hasChanged(): boolean {
    return this.changed || this.current.size !== this.previous.size;
  }

  get values(): ReadonlyMap<string, V> {
    return this.current;
  }
}
