import { type ServiceLinkedRoleService, referenceRegistry } from "@infra/core";
import type { IConstruct } from "constructs";
import { type KeyServiceName, keyServiceOfPrincipal } from "./key-policy";

/**
 * A use of a customer-managed key by an AWS service acting on its own behalf, which only the key
 * policy can allow (an IAM policy cannot grant a service principal anything):
 * - `service`: a service principal, e.g. CloudWatch Logs encrypting a log group (`logs`),
 *   CloudWatch alarms and EventBridge publishing to an encrypted topic (`cloudwatch`, `events`),
 *   SNS delivering to an encrypted queue (`sns`), CloudFront reading SSE-KMS objects (`cloudfront`);
 * - `service-linked-role`: a service-linked role using the key for the account, e.g. Auto Scaling
 *   launching instances with CMK-encrypted EBS volumes (key use plus `kms:CreateGrant` for AWS
 *   resources).
 * The construct that makes the key's user declares the use (`declareKeyUse` or the key's
 * `allow*` methods); the key's policy is the union of its declared uses. Nothing is hand-listed.
 */
export type KeyUse =
  | {
      readonly kind: "service";
      readonly service: KeyServiceName;
      /** Extra actions beyond the service's defaults (e.g. `kms:DescribeKey` for EventBridge buses). @default none */
      readonly extraActions?: readonly string[];
      /**
       * Only these resources of the service (`aws:SourceArn`, static patterns; e.g. the one trail that
       * writes into a bucket). A use without them widens the key's statement to every resource of the
       * service in the account. @default every resource of the service in the account
       */
      readonly sourceArns?: readonly string[];
    }
  | { readonly kind: "service-linked-role"; readonly service: ServiceLinkedRoleService };

/** What a key does with a declared use: the EncryptionKey construct. */
export interface KeyUseSink {
  allow(use: KeyUse, by?: IConstruct): void;
}

const keys = referenceRegistry<KeyUseSink>();

/**
 * Make a key findable by the strings its users hold (its ARN, id and alias tokens), so a construct
 * that only received `kmsKeyArn: string` can still declare what it does with the key. One
 * registry per app: keys of one env are found from any of its stacks.
 */
export function registerKey(key: KeyUseSink & IConstruct, references: readonly string[]): void {
  keys.register(key, references);
}

/**
 * Declare that the construct `by` makes an AWS service use the key `keyRef` (an ARN, id or alias
 * as passed around; undefined is a no-op). Returns false when `keyRef` is not a key of this app
 * (an AWS managed key, or a key made elsewhere), whose policy is not ours to derive.
 */
export function declareKeyUse(by: IConstruct, keyRef: string | undefined, use: KeyUse): boolean {
  const key = keys.find(by, keyRef);
  if (!key) return false;
  key.allow(use, by);
  return true;
}

/** A log group encrypted with `keyRef`: CloudWatch Logs (logs.<region>.amazonaws.com) must use the key. */
export function declareLogGroupKey(by: IConstruct, keyRef: string | undefined): boolean {
  return declareKeyUse(by, keyRef, { kind: "service", service: "logs" });
}

/**
 * A resource policy lets the service principal `principal` (e.g. "events.amazonaws.com") put data
 * into a resource encrypted with `keyRef` (publish to a topic, send to a queue, write objects): the
 * key must let the same service encrypt. One source of truth: the resource policy's principal.
 */
export function declareServicePrincipalKeyUse(by: IConstruct, keyRef: string | undefined, principal: string, sourceArns?: readonly string[]): boolean {
  const service = keyServiceOfPrincipal(principal);
  if (service === undefined) {
    throw new Error(
      `${by.node.path}: ${principal} writes to a resource encrypted with a customer-managed key, and libs/kms does not know that service: add it to KEY_SERVICE_NAMES`,
    );
  }
  return declareKeyUse(by, keyRef, { kind: "service", service, ...(sourceArns && sourceArns.length > 0 ? { sourceArns } : {}) });
}
