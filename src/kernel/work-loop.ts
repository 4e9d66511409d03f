/**
 * The in-process loop behind every background worker (report jobs, periodic tasks): it calls
 * `step()` until it finds nothing to do, then sleeps until `poke()` (work was requested in this
 * process) or the poll interval (work requested by another process, or due by the clock).
 * `stop()` waits for the step in hand, so the database is not closed under it. The work itself is
 * claimed from a table with `FOR UPDATE SKIP LOCKED`, so several processes never share an item.
 */
export abstract class WorkLoop {
  private running: Promise<void> | null = null;
  private stopped = true;
  /** A poke that came while a step was running: look again before sleeping. */
  private pending = false;
  private wake: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly name: string,
    private readonly log: (message: string, error?: unknown) => void,
    private readonly pollMs: number,
  ) {}

  /** One unit of work: true when it did something (look again at once), false when there was nothing. */
  protected abstract step(): Promise<boolean>;

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.running = this.loop();
  }

  /** Look for work now. */
  poke(): void {
    this.pending = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.poke();
    await this.running;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        if (await this.step()) continue;
      } catch (error) {
        this.log(`${this.name}: claim failed`, error);
      }
      if (this.pending) {
        this.pending = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, this.pollMs);
      });
      if (this.timer) clearTimeout(this.timer);
      this.wake = null;
    }
  }
}
