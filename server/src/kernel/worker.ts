import type { Logger } from 'pino';

/**
 * A polling loop for background jobs (outbox delivery, notifications). One iteration at a
 * time; stop() waits for the running one, so a shutdown never cuts a job in half.
 */
export class Worker {
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #stopped = false;

  constructor(
    private readonly jobs: { name: string; run: () => Promise<unknown> }[],
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.#stopped = false;
    this.#schedule();
  }

  /** One pass over every job (also used by tests and the CLI). */
  async runOnce(): Promise<void> {
    for (const job of this.jobs) {
      try {
        await job.run();
      } catch (error) {
        this.logger.error(
          { job: job.name, err: { message: error instanceof Error ? error.message : String(error) } },
          'job failed',
        );
      }
    }
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#running;
  }

  #schedule(): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#running = this.runOnce().finally(() => {
        this.#running = null;
        this.#schedule();
      });
    }, this.intervalMs);
    this.#timer.unref();
  }
}
