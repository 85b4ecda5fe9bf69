import type { ProgressEvent } from '../../collectors/framework/scan.js';

/**
 * Scan progress on stderr: a live one-line bar in a terminal, plain lines otherwise (CI logs), nothing with --quiet.
 */
export function progressReporter(stream: NodeJS.WriteStream, options: { quiet: boolean; total: () => number }): (event: ProgressEvent) => void {
  if (options.quiet) return () => undefined;
  let done = 0;
  let calls = 0;
  let failed = 0;
  const running = new Set<string>();
  const live = stream.isTTY === true;
  const draw = () => {
    const total = options.total();
    const width = 24;
    const filled = total === 0 ? 0 : Math.round((done / total) * width);
    const current = [...running].slice(-2).join(', ');
    const line = `scanning [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} · ${calls} calls${failed ? ` · ${failed} failed` : ''}${current ? ` · ${current}` : ''}`;
    stream.write(`\r\u001b[2K${line.slice(0, (stream.columns ?? 100) - 1)}`);
  };
  return (event) => {
    if (event.kind === 'plan') return;
    if (event.kind === 'phase') {
      if (live) stream.write(`\r\u001b[2K${event.message}\n`);
      else stream.write(`${event.message}\n`);
      return;
    }
    const key = `${event.service} ${event.region}`;
    if (event.kind === 'start') running.add(key);
    else {
      running.delete(key);
      done++;
      calls += event.calls;
      failed += event.failed;
      if (!live) stream.write(`scanned ${event.service} in ${event.region}: ${event.calls} calls${event.failed ? `, ${event.failed} failed` : ''}\n`);
    }
    if (live) {
      draw();
      if (done === options.total() && running.size === 0) stream.write('\r\u001b[2K');
    }
  };
}
