/** Colour only when writing to a terminal, and never when NO_COLOR is set (no-color.org) or FORCE_COLOR=0. */
export function useColor(stream: NodeJS.WriteStream): boolean {
  if (process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '') return false;
  if (process.env['FORCE_COLOR'] === '0') return false;
  if (process.env['FORCE_COLOR'] !== undefined) return true;
  return stream.isTTY === true;
}
