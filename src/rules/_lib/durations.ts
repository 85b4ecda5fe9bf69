/** Recovery objectives for messages: seconds as the largest whole unit (3600 → "1h", 5400 → "90m"). */
export function formatSeconds(seconds: number): string {
  const units: Array<[string, number]> = [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
  ];
  for (const [unit, size] of units) if (seconds >= size && seconds % size === 0) return `${seconds / size}${unit}`;
  return `${seconds}s`;
}
