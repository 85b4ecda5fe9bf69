// Prints the live benchmark's tables, the ratios and whether the goal of issue 3 is met (at least 10x faster than
// Prowler's FTR framework, with fewer API calls).
import type { LiveResults, Ratios, Tool, ToolRunResult, Via } from './run.js';

export const GOAL_SPEEDUP = 10;

const fixed = (n: number | undefined, digits = 1) => (n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(digits));
const TOOL_LABEL: Record<Tool, string> = { prowler: 'Prowler --compliance FTR', ftr: 'ftr run' };
const VIA_LABEL: Record<Via, string> = { proxy: 'through the fault proxy (calls counted)', direct: 'straight at moto (no proxy)' };

function produced(run: ToolRunResult): string {
  if (run.prowler) {
    const f = run.prowler.findings;
    return `${Object.values(f).reduce((a, b) => a + b, 0)} findings (PASS ${f['PASS'] ?? 0}, FAIL ${f['FAIL'] ?? 0}), ${run.prowler.checksWithFindings} checks; compliance CSV: ${run.prowler.complianceRows} rows, ${run.prowler.requirements.length} requirements`;
  }
  if (run.ftr) {
    const f = run.ftr.findings;
    const total = Object.values(f).reduce((a, b) => a + b, 0);
    const s = run.ftr.summary;
    return `${total} findings (pass ${f['pass'] ?? 0}, fail ${f['fail'] ?? 0}, n/a ${f['not_applicable'] ?? 0}, unknown ${f['unknown'] ?? 0}) on ${run.ftr.resources ?? '?'} resources; 45 requirements: ${s['compliant']} compliant, ${s['partially_compliant']} partial, ${s['non_compliant']} non-compliant, ${s['unknown']} unknown`;
  }
  return `no result (exit ${run.measurement.exitCode})`;
}

/** The Markdown table of one pass: one row per tool (its median run). */
export function passTable(results: LiveResults, via: Via): string[] {
  const rows = [
    '| tool | wall time (s) | CPU time (s) | API calls | calls/s | peak RSS (MB) | moto CPU (s) | produced |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const tool of ['prowler', 'ftr'] as const) {
    const run = results.medians[via]?.[tool];
    if (!run) continue;
    const m = run.measurement;
    // The direct pass has no call log; its calls are the proxy pass's (same estate; stand-in answers aside).
    const calls = run.calls?.total ?? results.medians.proxy?.[tool]?.calls?.total;
    const callsCell = calls === undefined ? '—' : run.calls ? String(calls) : `(${calls})`;
    const rate = calls === undefined ? '—' : `${run.calls ? '' : '~'}${fixed(calls / m.wallSeconds)}`;
    rows.push(`| ${TOOL_LABEL[tool]} | ${fixed(m.wallSeconds)} | ${fixed(m.cpuSeconds)} | ${callsCell} | ${rate} | ${fixed(m.peakTreeRssMb, 0)} | ${fixed(run.motoCpuSeconds)} | ${produced(run)} |`);
  }
  return rows;
}

export function ratioLine(r: Ratios | undefined): string {
  return `Prowler ÷ ftr: wall time ${fixed(r?.wall)}x, API calls ${fixed(r?.calls)}x, CPU time ${fixed(r?.cpu)}x, moto CPU ${fixed(r?.motoCpu)}x, peak RSS ${fixed(r?.rss)}x`;
}

export function printReport(results: LiveResults): void {
  const lines: string[] = [];
  const e = results.estate;
  lines.push(`Estate per account: ${e.total} seeded resources over ${results.settings.regions.join(', ')} (seeded in ${fixed(e.seedSeconds)} s with ${e.seedCalls} calls)`);
  lines.push(
    `Machine: ${results.machine.cpus} CPUs (${results.machine.cpuModel}), load average before ${results.machine.loadBefore.map((l) => l.toFixed(1)).join(' ')}, after ${results.machine.loadAfter.map((l) => l.toFixed(1)).join(' ')}`,
  );
  lines.push(`Prowler ${results.versions.prowler}, moto ${results.versions.moto}, ftr ${results.versions.ftr}; ${results.settings.repeat} run(s) per tool and pass, median by wall time`);
  for (const via of results.settings.via) {
    lines.push('', `${VIA_LABEL[via]}:`, ...passTable(results, via), ratioLine(results.ratios[via]));
  }
  const headline = results.ratios.direct ?? results.ratios.proxy;
  const met = headline?.wall !== undefined && headline.wall >= GOAL_SPEEDUP && headline.calls !== undefined && headline.calls > 1;
  lines.push('', `Goal (>= ${GOAL_SPEEDUP}x faster, fewer calls): ${met ? 'met' : 'NOT met'} (${fixed(headline?.wall)}x faster, ${fixed(headline?.calls)}x fewer calls)`);
  if (results.capacity.length > 0) {
    lines.push(`Emulator capacity (${results.capacity[0]!.operation}): ${results.capacity.map((c) => `${c.via} ${c.concurrency} in flight → ${fixed(c.callsPerSecond, 0)}/s`).join('; ')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
