/**
 * Draws a Topology as SVG. The layout is a fixed grid, so the same snapshot always gives the same picture: per VPC,
 * one column per Availability Zone, public subnets above private ones (and subnets of unknown tier below), load
 * balancers as bars across the subnets they sit in, and what is known to be in the VPC but not in which subnet in a
 * row of its own. Long lists are capped with "+N more". Every name is escaped; tooltips carry the full uid.
 */
import { oneLine, truncate } from '../_lib/text.js';
import { xmlAttr, xmlText } from '../_lib/xml.js';
import { KIND_LABEL, type NodeKind } from './members.js';
import type { DiagramAccount, DiagramNode, DiagramRegion, DiagramSubnet, DiagramVpc, Tier, Topology } from './topology.js';

export interface DiagramOptions {
  title?: string;
  subtitle?: string;
}

const FONT = 'Helvetica, Arial, sans-serif';
const MARGIN = 24;
const COL = 264;
const GAP = 14;
const BOX = COL - GAP;
const PAD = 14;
const CARD_H = 54;
const CARD_GAP = 8;
const SUBNET_HEAD = 40;
const MORE_H = 18;
const LIMITS = { cards: 5, bars: 4, unplaced: 8, outside: 9, vpcs: 6, edge: 9 };
const MIN_WIDTH = 900;

const KIND_COLOR: Record<NodeKind, string> = {
  'load-balancer': '#8C4FFF',
  nat: '#8C4FFF',
  instance: '#ED7100',
  function: '#ED7100',
  database: '#C925D1',
  cache: '#C925D1',
  search: '#8C4FFF',
  cdn: '#8C4FFF',
  api: '#E7157B',
};

const TIER_STYLE: Record<Tier, { fill: string; stroke: string; label: string; dash: string }> = {
  public: { fill: '#EEF6E8', stroke: '#7AA116', label: 'Public subnet', dash: '' },
  private: { fill: '#E6F3F7', stroke: '#00A4A6', label: 'Private subnet', dash: '' },
  unknown: { fill: '#F4F4F4', stroke: '#8A8A8A', label: 'Subnet (tier not known)', dash: ' stroke-dasharray="5 3"' },
};

/** Untrusted text cut to what fits `px` pixels at `size` (an average glyph is ~0.6 em wide). */
function fit(value: string, px: number, size: number, bold = false): string {
  const chars = Math.max(4, Math.floor(px / (size * (bold ? 0.6 : 0.52))));
  return xmlText(truncate(oneLine(value), chars));
}

function label(x: number, y: number, value: string, px: number, style: { size?: number; bold?: boolean; fill?: string; italic?: boolean; anchor?: string } = {}): string {
  const size = style.size ?? 11;
  const attrs = [
    `x="${x}"`,
    `y="${y}"`,
    `font-size="${size}"`,
    style.bold ? 'font-weight="bold"' : '',
    style.italic ? 'font-style="italic"' : '',
    `fill="${style.fill ?? '#232F3E'}"`,
    style.anchor ? `text-anchor="${style.anchor}"` : '',
  ].filter(Boolean);
  return `<text ${attrs.join(' ')}>${fit(value, px, size, style.bold)}</text>`;
}

interface Block {
  parts: string[];
  height: number;
}

function card(x: number, y: number, w: number, node: DiagramNode): string {
  const sgs = node.securityGroups.length > 0 ? `SG: ${node.securityGroups.join(', ')}` : node.kind === 'nat' || node.kind === 'cdn' || node.kind === 'api' ? '' : 'no security group seen';
  const badge = node.public ? 64 : 0;
  return [
    `<g><title>${xmlText(`${KIND_LABEL[node.kind]} ${node.name}\n${node.uid}`)}</title>`,
    `<rect x="${x}" y="${y}" width="${w}" height="${CARD_H}" rx="4" fill="#FFFFFF" stroke="#C6CBD1"/>`,
    `<rect x="${x}" y="${y}" width="6" height="${CARD_H}" rx="2" fill="${KIND_COLOR[node.kind]}"/>`,
    label(x + 14, y + 18, node.name, w - 22 - badge, { size: 12, bold: true }),
    label(x + 14, y + 33, [KIND_LABEL[node.kind], node.detail].filter(Boolean).join(' · '), w - 22, { fill: '#545B64' }),
    sgs !== '' ? label(x + 14, y + 47, sgs, w - 22, { size: 10, fill: '#6B7280' }) : '',
    node.public ? `<rect x="${x + w - badge - 4}" y="${y + 6}" width="${badge}" height="16" rx="8" fill="#D13212"/><text x="${x + w - badge / 2 - 4}" y="${y + 18}" font-size="10" font-weight="bold" fill="#FFFFFF" text-anchor="middle">internet</text>` : '',
    '</g>',
  ].join('');
}

/** Column pitch and box width of a grid. */
interface Grid {
  col: number;
  box: number;
}

const BASE_GRID: Grid = { col: COL, box: BOX };

function more(x: number, y: number, hidden: number, what: string): string {
  return label(x + 4, y + 13, `+${hidden} more ${what}`, BOX, { italic: true, fill: '#545B64' });
}

/** Cards flowing left to right in `columns` columns. */
function flow(x: number, y: number, nodes: readonly DiagramNode[], columns: number, limit: number, what: string, grid: Grid = BASE_GRID): Block {
  const shown = nodes.slice(0, limit);
  const parts = shown.map((node, i) => card(x + (i % columns) * grid.col, y + Math.floor(i / columns) * (CARD_H + CARD_GAP), grid.box, node));
  let height = Math.ceil(shown.length / columns) * (CARD_H + CARD_GAP);
  if (nodes.length > shown.length) {
    parts.push(more(x, y + height, nodes.length - shown.length, what));
    height += MORE_H;
  }
  return { parts, height };
}

function subnetBox(x: number, y: number, subnet: DiagramSubnet, box: number): Block {
  const style = TIER_STYLE[subnet.tier];
  const inner: string[] = [];
  let cy = y + SUBNET_HEAD;
  if (subnet.nodes.length === 0) {
    inner.push(label(x + 10, cy + 12, 'nothing drawn here', box - 20, { italic: true, size: 10, fill: '#6B7280' }));
    cy += 20;
  } else {
    const block = flow(x + 8, cy, subnet.nodes, 1, LIMITS.cards, 'in this subnet', { col: box, box: box - 16 });
    inner.push(...block.parts);
    cy += block.height;
  }
  const height = cy - y + 4;
  const head = [style.label, subnet.az].filter(Boolean).join(' · ');
  const sub = [subnet.name !== subnet.id ? subnet.name : '', subnet.cidr, subnet.id].filter(Boolean).join(' · ');
  return {
    parts: [
      `<g><title>${xmlText(`${style.label}: ${subnet.uid}\ntier ${subnet.tier}: ${subnet.tierBasis}`)}</title>`,
      `<rect x="${x}" y="${y}" width="${box}" height="${height}" rx="6" fill="${style.fill}" stroke="${style.stroke}" stroke-width="1.5"${style.dash}/>`,
      label(x + 10, y + 16, head, box - 20, { bold: true, fill: style.stroke === '#8A8A8A' ? '#545B64' : style.stroke }),
      label(x + 10, y + 31, sub, box - 20, { size: 10, fill: '#545B64' }),
      '</g>',
      ...inner,
    ],
    height,
  };
}

function columnsOf(vpc: DiagramVpc): string[] {
  const zones = [...new Set(vpc.subnets.map((s) => s.az ?? ''))];
  return zones.sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0));
}

function vpcWidth(vpc: DiagramVpc): number {
  const columns = Math.max(columnsOf(vpc).length, 2);
  return 2 * PAD + columns * COL - GAP;
}

/** A VPC as wide as `available` allows: its Availability Zone columns share the room. */
function vpcBlock(x: number, y: number, vpc: DiagramVpc, available: number): Block {
  const parts: string[] = [];
  const zones = columnsOf(vpc);
  const columns = Math.max(zones.length, 2);
  const col = Math.max(COL, Math.floor((available - 2 * PAD + GAP) / columns));
  const grid: Grid = { col, box: col - GAP };
  const width = 2 * PAD + columns * col - GAP;
  const colX = (zone: string) => x + PAD + Math.max(0, zones.indexOf(zone)) * col;
  const mid = x + PAD + 75;
  let top = y;
  if (vpc.internetGateway !== undefined) {
    parts.push(
      `<rect x="${mid - 55}" y="${y}" width="110" height="24" rx="12" fill="#F2F3F3" stroke="#545B64"/>`,
      label(mid, y + 16, 'Internet', 100, { bold: true, anchor: 'middle' }),
      `<line x1="${mid}" y1="${y + 24}" x2="${mid}" y2="${y + 42}" stroke="#545B64" stroke-width="1.5"/>`,
    );
    top = y + 44;
  }
  const body: string[] = [];
  const heading = ['VPC', vpc.name, vpc.name !== vpc.id ? vpc.id : '', vpc.cidr, vpc.isDefault ? 'default VPC' : '', vpc.inSnapshot ? '' : 'not in the snapshot'].filter(Boolean).join(' · ');
  let cy = top + (vpc.internetGateway !== undefined ? 34 : 22);
  body.push(label(x + PAD, cy, heading, width - 2 * PAD - 120, { size: 13, bold: true, fill: '#5A30B5' }));
  if (vpc.flowLogs !== undefined) {
    body.push(label(x + width - PAD, cy, vpc.flowLogs > 0 ? 'flow logs on' : 'no flow logs', 110, { size: 10, fill: vpc.flowLogs > 0 ? '#1D8102' : '#B0651C', anchor: 'end' }));
  }
  cy += 14;
  for (const tier of ['public', 'private', 'unknown'] as const) {
    const tierSubnets = vpc.subnets.filter((s) => s.tier === tier);
    if (tierSubnets.length === 0) continue;
    // Rows: the k-th subnet of each Availability Zone side by side, so a load balancer sits right above the row it spans.
    const rows: DiagramSubnet[][] = [];
    for (const zone of zones) tierSubnets.filter((s) => (s.az ?? '') === zone).forEach((s, k) => (rows[k] ??= []).push(s));
    const rowOf = new Map(rows.flatMap((row, k) => row.map((s) => [s.uid, k] as const)));
    const bars = vpc.spanning.filter((n) => rowOf.has(n.subnets[0] ?? ''));
    const shownBars = new Set(bars.slice(0, LIMITS.bars));
    rows.forEach((row, k) => {
      for (const bar of bars.filter((b) => shownBars.has(b) && Math.min(...b.subnets.map((u) => rowOf.get(u) ?? Infinity)) === k)) {
        const spanned = vpc.subnets.filter((s) => bar.subnets.includes(s.uid)).map((s) => zones.indexOf(s.az ?? ''));
        const from = Math.min(...spanned);
        const to = Math.max(...spanned);
        body.push(card(x + PAD + from * col, cy, (to - from + 1) * col - GAP, bar));
        cy += CARD_H + CARD_GAP;
      }
      if (k === 0 && bars.length > LIMITS.bars) {
        body.push(more(x + PAD, cy, bars.length - LIMITS.bars, 'spanning these subnets'));
        cy += MORE_H;
      }
      let rowHeight = 0;
      for (const subnet of row) {
        const box = subnetBox(colX(subnet.az ?? ''), cy, subnet, grid.box);
        body.push(...box.parts);
        rowHeight = Math.max(rowHeight, box.height);
      }
      cy += rowHeight + GAP;
    });
  }
  if (vpc.subnets.length === 0) {
    body.push(label(x + PAD, cy + 14, 'No subnet of this VPC is in the snapshot.', width - 2 * PAD, { italic: true, fill: '#545B64' }));
    cy += 26;
  }
  if (vpc.unplaced.length > 0) {
    body.push(label(x + PAD, cy + 14, 'In this VPC; subnet not known (no subnet ids in the snapshot)', width - 2 * PAD, { italic: true, fill: '#545B64' }));
    const block = flow(x + PAD, cy + 24, vpc.unplaced, columns, LIMITS.unplaced, 'in this VPC', grid);
    body.push(...block.parts);
    cy += 24 + block.height;
  }
  const height = cy - top + PAD - CARD_GAP;
  parts.push(`<rect x="${x}" y="${top}" width="${width}" height="${height}" rx="8" fill="#FBF9FF" stroke="#8C4FFF" stroke-width="1.5"/>`);
  if (vpc.internetGateway !== undefined) {
    parts.push(
      `<rect x="${mid - 75}" y="${top - 11}" width="150" height="22" rx="4" fill="#FFFFFF" stroke="#8C4FFF"/>`,
      label(mid, top + 4, `IGW ${vpc.internetGateway}`, 140, { size: 10, bold: true, fill: '#5A30B5', anchor: 'middle' }),
    );
  }
  parts.push(...body);
  return { parts, height: top - y + height };
}

function regionBlock(x: number, y: number, width: number, region: DiagramRegion): Block {
  const body: string[] = [label(x + PAD, y + 20, `Region ${region.region}`, width - 2 * PAD, { size: 13, bold: true, fill: '#147EBA' })];
  let cy = y + 34;
  for (const vpc of region.vpcs.slice(0, LIMITS.vpcs)) {
    const block = vpcBlock(x + PAD, cy, vpc, width - 2 * PAD);
    body.push(...block.parts);
    cy += block.height + 18;
  }
  if (region.vpcs.length > LIMITS.vpcs) {
    body.push(more(x + PAD, cy, region.vpcs.length - LIMITS.vpcs, 'VPCs (not drawn)'));
    cy += MORE_H + 8;
  }
  if (region.outside.length > 0) {
    const columns = Math.max(1, Math.floor((width - 2 * PAD + GAP) / COL));
    body.push(label(x + PAD, cy + 12, 'In the Region, outside the VPCs drawn (or no network data)', width - 2 * PAD, { italic: true, fill: '#545B64' }));
    const block = flow(x + PAD, cy + 22, region.outside, columns, LIMITS.outside, 'in this Region');
    body.push(...block.parts);
    cy += 22 + block.height + 4;
  }
  const height = cy - y + 2;
  return { parts: [`<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="8" fill="none" stroke="#147EBA" stroke-width="1.2" stroke-dasharray="6 4"/>`, ...body], height };
}

function accountBlock(x: number, y: number, width: number, account: DiagramAccount): Block {
  const title = ['AWS account', account.id, account.name].filter(Boolean).join(' · ');
  const body: string[] = [label(x + PAD, y + 22, title, width - 2 * PAD, { size: 14, bold: true })];
  let cy = y + 36;
  if (account.edge.length > 0) {
    const columns = Math.max(1, Math.floor((width - 2 * PAD + GAP) / COL));
    body.push(label(x + PAD, cy + 12, 'Internet edge (global services)', width - 2 * PAD, { italic: true, fill: '#545B64' }));
    const block = flow(x + PAD, cy + 22, account.edge, columns, LIMITS.edge, 'at the edge');
    body.push(...block.parts);
    cy += 22 + block.height + 6;
  }
  for (const region of account.regions) {
    const block = regionBlock(x + PAD, cy, width - 2 * PAD, region);
    body.push(...block.parts);
    cy += block.height + 16;
  }
  const height = cy - y;
  return { parts: [`<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="10" fill="#FFFFFF" stroke="#232F3E" stroke-width="1.5"/>`, ...body], height };
}

function legend(x: number, y: number): Block {
  const items: string[] = [];
  let cx = x;
  const swatch = (fill: string, stroke: string, text: string, dash = '') => {
    items.push(`<rect x="${cx}" y="${y}" width="18" height="12" rx="2" fill="${fill}" stroke="${stroke}"${dash}/>`, label(cx + 24, y + 10, text, 150, { size: 10, fill: '#545B64' }));
    cx += 30 + Math.ceil(text.length * 5.8);
  };
  for (const tier of ['public', 'private', 'unknown'] as const) swatch(TIER_STYLE[tier].fill, TIER_STYLE[tier].stroke, TIER_STYLE[tier].label, TIER_STYLE[tier].dash);
  for (const [kind, color] of [['compute', KIND_COLOR.instance], ['networking', KIND_COLOR['load-balancer']], ['database / cache', KIND_COLOR.database]] as const) swatch(color, color, kind);
  const second = y + 22;
  items.push(`<rect x="${x}" y="${second - 2}" width="56" height="16" rx="8" fill="#D13212"/><text x="${x + 28}" y="${second + 10}" font-size="10" font-weight="bold" fill="#FFFFFF" text-anchor="middle">internet</text>`);
  items.push(label(x + 62, second + 10, 'reachable from the internet: a public IP, an internet-facing load balancer, a publicly accessible database, a public endpoint', 760, { size: 10, fill: '#545B64' }));
  return { parts: items, height: 42 };
}

export function renderTopologySvg(topology: Topology, options: DiagramOptions = {}): string {
  const widest = Math.max(0, ...topology.accounts.flatMap((a) => a.regions.flatMap((r) => r.vpcs.slice(0, LIMITS.vpcs).map(vpcWidth))));
  const width = Math.max(MIN_WIDTH, widest + 2 * MARGIN + 4 * PAD);
  const parts: string[] = [];
  let y = MARGIN;
  parts.push(label(MARGIN, y + 18, options.title ?? 'Network topology', width - 2 * MARGIN, { size: 18, bold: true }));
  y += 26;
  if (options.subtitle !== undefined) {
    parts.push(label(MARGIN, y + 14, options.subtitle, width - 2 * MARGIN, { size: 11, fill: '#545B64' }));
    y += 20;
  }
  y += 12;
  if (topology.accounts.length === 0) {
    parts.push(label(MARGIN, y + 16, 'No network resources in the snapshots (VPCs, subnets, instances, load balancers, databases).', width - 2 * MARGIN, { italic: true }));
    y += 30;
  }
  for (const account of topology.accounts) {
    const block = accountBlock(MARGIN, y, width - 2 * MARGIN, account);
    parts.push(...block.parts);
    y += block.height + 20;
  }
  const key = legend(MARGIN, y);
  parts.push(...key.parts);
  const height = y + key.height + MARGIN;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xmlAttr(FONT)}">`,
    `<title>${xmlText(options.title ?? 'Network topology')}</title>`,
    `<rect width="${width}" height="${height}" fill="#FFFFFF"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
