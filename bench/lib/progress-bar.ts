/** A one-line progress bar on stderr (redrawn in place on a terminal, a line every 10 % otherwise). */
export class ProgressBar {
  private done = 0;
  private lastDraw = 0;
  private lastDecile = -1;
  private readonly started = Date.now();

  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {}

  tick(n = 1): void {
    this.done += n;
    const now = Date.now();
    if (this.done < this.total && now - this.lastDraw < 200) return;
    this.lastDraw = now;
    this.draw();
  }

  private draw(): void {
    const ratio = this.total === 0 ? 1 : Math.min(1, this.done / this.total);
    const width = 30;
    const filled = Math.round(ratio * width);
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(this.done / seconds) : 0;
    const eta = rate > 0 ? Math.round((this.total - this.done) / rate) : 0;
    const line = `${this.label.padEnd(22)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ${this.done.toLocaleString('en')}/${this.total.toLocaleString('en')} ${rate.toLocaleString('en')}/s eta ${eta}s`;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${line}`);
    } else {
      const decile = Math.floor(ratio * 10);
      if (decile !== this.lastDecile) process.stderr.write(`${line}\n`);
      this.lastDecile = decile;
    }
  }

  finish(): void {
    this.done = Math.max(this.done, this.total);
    this.draw();
    if (process.stderr.isTTY) process.stderr.write('\n');
  }
}
