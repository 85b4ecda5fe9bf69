/** Left-aligned columns, the last one wrapped to the width; for listings like `ftr rules`. */
export function table(rows: string[][], width = 120): string {
  if (rows.length === 0) return '';
  const columns = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: columns - 1 }, (_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const lead = widths.reduce((a, b) => a + b + 2, 0);
  const room = Math.max(20, width - lead);
  return rows
    .map((row) => {
      const head = widths.map((w, i) => (row[i] ?? '').padEnd(w + 2)).join('');
      const last = row[columns - 1] ?? '';
      const lines: string[] = [];
      let line = '';
      for (const word of last.split(' ')) {
        if (line && line.length + word.length + 1 > room) {
          lines.push(line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      lines.push(line);
      return [head + lines[0], ...lines.slice(1).map((l) => ' '.repeat(lead) + l)].join('\n').trimEnd();
    })
    .join('\n');
}
