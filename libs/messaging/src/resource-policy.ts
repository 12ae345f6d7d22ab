import { Lazy } from "cdktf";

/** One statement of a resource policy (queue or topic), in IAM JSON form. */
export interface ResourcePolicyStatement {
  readonly Sid: string;
  readonly Effect: "Allow" | "Deny";
  readonly Principal: "*" | { readonly Service: string } | { readonly AWS: string };
  readonly Action: string | readonly string[];
  readonly Resource: string;
  readonly Condition?: Record<string, Record<string, string | boolean>>;
}

/**
 * A resource policy whose statements can still be added after construction (a topic subscribing
 * a queue adds its statement to the queue's policy). Rendered as JSON once, at synth.
 */
export class ResourcePolicyBuilder {
  private readonly statements: ResourcePolicyStatement[] = [];

  constructor(initial: readonly ResourcePolicyStatement[]) {
    this.statements.push(...initial);
  }

  add(statement: ResourcePolicyStatement): void {
    if (this.statements.some((s) => s.Sid === statement.Sid)) throw new Error(`policy statement "${statement.Sid}" already exists`);
    this.statements.push(statement);
  }

  /** A token resolving to the policy JSON (references inside stay Terraform references). */
  render(): string {
    return Lazy.stringValue({ produce: () => JSON.stringify({ Version: "2012-10-17", Statement: this.statements }) });
  }
}

