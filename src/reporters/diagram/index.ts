/**
 * The network topology diagram (SVG) of the evidence pack, generated from snapshot resources: VPCs, public and private
 * subnets per Availability Zone, load balancers, NAT and internet gateways, instances and databases with their security
 * groups. Pure and deterministic: the same resources give the same bytes.
 */
import type { Resource } from '../../core/index.js';
import { renderTopologySvg, type DiagramOptions } from './svg.js';
import { buildTopology } from './topology.js';

export { buildTopology, type Topology, type DiagramNode, type DiagramSubnet, type DiagramVpc } from './topology.js';
export type { DiagramOptions } from './svg.js';

export function renderNetworkDiagram(resources: readonly Resource[], options: DiagramOptions = {}): string {
  return renderTopologySvg(buildTopology(resources), options);
}
