/** The fixed epoch every run starts at: 2025-01-01T00:00:00.000Z. */
export const EPOCH_MS = Date.UTC(2025, 0, 1);
