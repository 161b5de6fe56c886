// Comments accepted per client address in the last hour, in memory (a restart forgets them).

const HOUR = 3600_000;

export class HourlyLimit {
  private readonly times = new Map<string, number[]>();
  private readonly perHour: number;
  private readonly now: () => number;

  constructor(perHour: number, now: () => number) {
    this.perHour = perHour;
    this.now = now;
  }

  private recent(address: string): number[] {
    const since = this.now() - HOUR;
    const kept = (this.times.get(address) ?? []).filter((t) => t > since);
    if (kept.length === 0) this.times.delete(address);
    else this.times.set(address, kept);
    return kept;
  }

  /** Whole minutes until `address` may send again, or undefined when it may now (0 = no limit). */
  retryMinutes(address: string): number | undefined {
    if (this.perHour === 0) return undefined;
    const recent = this.recent(address);
    if (recent.length < this.perHour) return undefined;
    const freeAt = recent[recent.length - this.perHour]! + HOUR;
    return Math.max(1, Math.ceil((freeAt - this.now()) / 60_000));
  }

  count(address: string): void {
    if (this.perHour === 0) return;
    this.times.set(address, [...this.recent(address), this.now()]);
  }
}
