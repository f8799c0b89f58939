/** Snowflake-shaped ids that are unique within a test run and sort by creation. */
let next = 1_000_000n;
export function snowflake(): string {
  // Shifted like a real snowflake so discord.js derives a plausible timestamp from it.
  return String((BigInt(Date.now() - 1_420_070_400_000) << 22n) + next++);
}
