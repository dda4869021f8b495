/** Exact conversions between the model's unix milliseconds and OTLP's unix nanoseconds. */

const NS_PER_MS = 1_000_000n;
const NS_PER_S = 1_000_000_000n;

/**
 * Unix milliseconds to unix nanoseconds, exactly for whole milliseconds
 * (1735689600123 → 1735689600123000000n); a fractional millisecond rounds to the nearest ns.
 */
export function msToUnixNanos(ms: number): bigint {
  if (!Number.isFinite(ms)) throw new RangeError(`not a time in milliseconds: ${ms}`);
  const whole = Math.floor(ms);
  // `ms - whole` is exact in floating point, so only this one rounding happens.
  return BigInt(whole) * NS_PER_MS + BigInt(Math.round((ms - whole) * 1e6));
}

/** Unix nanoseconds as the `[seconds, nanoseconds]` pair the OpenTelemetry SDK calls HrTime. */
export function unixNanosToHrTime(ns: bigint): [number, number] {
  return [Number(ns / NS_PER_S), Number(ns % NS_PER_S)];
}

/**
 * Unix nanoseconds (≥ 0) to unix milliseconds, the nearest double: whole milliseconds stay
 * exact and the sub-millisecond part is rounded once, where the double runs out of digits.
 */
export function unixNanosToMs(ns: bigint): number {
  return Number(ns / NS_PER_MS) + Number(ns % NS_PER_MS) / 1e6;
}
