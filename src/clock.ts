/**
 * Milliseconds on a monotonic clock, for time limits and durations. `performance.now()` would do,
 * but the first use of `performance` loads eight of Node's internal modules, a few milliseconds
 * of every start; `process.hrtime` is there already.
 */
export function now(): number {
  const [seconds, nanoseconds] = process.hrtime();
  return seconds * 1e3 + nanoseconds / 1e6;
}
