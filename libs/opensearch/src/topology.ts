/** Cluster shape of a search domain: validated before synth, with messages that say what AWS allows. */

export interface DedicatedMastersProps {
  /** 3 or 5 (an odd quorum; AWS recommends 3). */
  readonly count: number;
  /** e.g. "m6g.large.search". */
  readonly instanceType: string;
}

export interface ZoneAwarenessProps {
  /** Availability zones the data nodes spread over: 2 or 3. One private subnet per zone. */
  readonly azCount: 2 | 3;
}

export interface TopologyInput {
  readonly domainName: string;
  readonly instanceCount: number;
  readonly subnetCount: number;
  readonly dedicatedMasters?: DedicatedMastersProps;
  readonly zoneAwareness?: ZoneAwarenessProps;
}

const DOMAIN_NAME_RE = /^[a-z][a-z0-9-]{2,27}$/;

export function validateTopology(t: TopologyInput): void {
  const where = `SearchDomain ${t.domainName}`;
  if (!DOMAIN_NAME_RE.test(t.domainName)) {
    throw new RangeError(`${where}: domain name must be 3-28 characters, start with a lowercase letter, and use only a-z, 0-9 and hyphens`);
  }
  if (!Number.isInteger(t.instanceCount) || t.instanceCount < 1) throw new RangeError(`${where}: instanceCount must be a positive integer`);
  if (t.dedicatedMasters) {
    const c = t.dedicatedMasters.count;
    if (c !== 3 && c !== 5) throw new RangeError(`${where}: dedicated masters need a quorum of 3 or 5 nodes, got ${c}`);
  }
  const zones = t.zoneAwareness?.azCount ?? 1;
  if (t.zoneAwareness) {
    if (t.instanceCount % zones !== 0) {
      throw new RangeError(
        `${where}: instanceCount ${t.instanceCount} must be a multiple of the ${zones} availability zones so every zone holds the same number of nodes`,
      );
    }
  }
  if (t.subnetCount !== zones) {
    throw new RangeError(`${where}: give exactly ${zones} private subnet${zones === 1 ? "" : "s"} (one per availability zone in use), got ${t.subnetCount}`);
  }
}
