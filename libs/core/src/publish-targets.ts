import type { IConstruct } from "constructs";
import { referenceRegistry } from "./per-app-state";

/**
 * A resource that AWS services publish to and that knows how to let one in: its resource policy
 * and the key it is encrypted with (an alert topic). Registered by its ARN token, so a construct of
 * another library that only holds the ARN (a budget notifying a topic) can ask to publish.
 */
export interface PublishTarget {
  allowServicePublisher(servicePrincipal: string, by: IConstruct): void;
}

const targets = referenceRegistry<PublishTarget>();

/** Make a publish target findable by the strings its users hold (its ARN token). */
export function registerPublishTarget(target: PublishTarget & IConstruct, references: readonly string[]): void {
  targets.register(target, references);
}

/**
 * `by` makes the AWS service `servicePrincipal` publish to `targetRef` (e.g. AWS Budgets notifying
 * an alert topic): the target lets it in (policy and key). Returns false for a target this app does
 * not know (then its owner must allow the service).
 */
export function declarePublisher(by: IConstruct, targetRef: string | undefined, servicePrincipal: string): boolean {
  const target = targets.find(by, targetRef);
  if (!target) return false;
  target.allowServicePublisher(servicePrincipal, by);
  return true;
}
