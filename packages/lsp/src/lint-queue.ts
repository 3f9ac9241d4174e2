/**
 * Documents waiting to be linted. Linting starts once `quietMs` pass without a new document to lint (typing comes
 * in bursts, and so do an editor's opened documents), then lints one document per turn of the event loop: the
 * editor's requests (a hover, an edit) are answered between two lints, however many documents wait. Documents
 * being edited go before those only opened or whose files changed.
 */
export class LintQueue {
  private readonly edited = new Set<string>();
  private readonly others = new Set<string>();
  private quiet: NodeJS.Timeout | undefined;
  private draining = false;

  /** `lint` lints the document open at `uri` and publishes its findings; it never rejects. */
  constructor(
    private readonly lint: (uri: string) => Promise<void>,
    private readonly quietMs: number,
  ) {}

  add(uri: string, edited: boolean): void {
    if (edited) {
      this.others.delete(uri);
      this.edited.add(uri);
    } else if (!this.edited.has(uri)) this.others.add(uri);
    clearTimeout(this.quiet);
    this.quiet = setTimeout(() => this.drain(), this.quietMs);
  }

  remove(uri: string): void {
    this.edited.delete(uri);
    this.others.delete(uri);
  }

  private drain(): void {
    this.quiet = undefined;
    if (this.draining) return;
    this.draining = true;
    setImmediate(() => void this.next());
  }

  private async next(): Promise<void> {
    const uri = (this.edited.size > 0 ? this.edited : this.others).values().next().value;
    // A new document to lint pauses the queue until the next quiet moment.
    if (uri === undefined || this.quiet !== undefined) {
      this.draining = false;
      return;
    }
    this.remove(uri);
    await this.lint(uri);
    setImmediate(() => void this.next());
  }
}
