const HOUR_MS = 3_600_000;

/** Whether every instant given falls exactly on the hour: the summary answers only such windows exactly. */
export function onTheHour(...instants: readonly string[]): boolean {
  return instants.every((iso) => {
    const ms = Date.parse(iso);
    return Number.isFinite(ms) && ms % HOUR_MS === 0;
  });
}
