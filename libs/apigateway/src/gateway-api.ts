import { throwIfInvalid } from "@infra/config";
import { markLibrary } from "@infra/core";
import { Construct } from "constructs";
import type { CustomDomainTarget } from "./common";

/** What every API construct (REST, HTTP, WebSocket) exposes, known once its stage is built. */
export interface GatewayApiOutputs {
  /** `arn:aws:execute-api:<region>:<account>:<api id>`: the prefix of invoke permissions and IAM grants. */
  readonly executionArn: string;
  readonly stageName: string;
  /** The stage's ARN (a REST stage's is what WAF associates with). */
  readonly stageArn: string;
  /** The stage's URL: https:// for REST and HTTP, wss:// for WebSocket clients. */
  readonly invokeUrl: string;
  /** The authorizer's id; undefined without one. */
  readonly authorizerId?: string;
  /** The access log group. */
  readonly logGroupName: string;
  /** The regional custom domain's target, for alias or failover records kept elsewhere; undefined without customDomain. */
  readonly customDomainTarget?: CustomDomainTarget;
}

/** The outputs a stage gives: all but the API's own. */
export type StageOutputs = Omit<GatewayApiOutputs, "executionArn" | "authorizerId">;

/**
 * The base of the REST, HTTP and WebSocket APIs: the library mark, props refused before anything
 * is built (the errors name the API), the tags every resource of the API carries, and the outputs
 * all three expose.
 */
export abstract class GatewayApi extends Construct implements GatewayApiOutputs {
  /** The props' tags plus Name = the API's name. */
  protected readonly tags: Record<string, string>;
  private outputs?: GatewayApiOutputs;

  protected constructor(
    scope: Construct,
    id: string,
    kind: string,
    props: { readonly name: string; readonly tags?: Readonly<Record<string, string>> },
    errors: readonly string[],
  ) {
    super(scope, id);
    markLibrary(this, "apigateway");
    throwIfInvalid(`${kind} "${props.name}"`, errors);
    this.tags = { ...(props.tags ?? {}), Name: props.name };
  }

  /** Called once, at the end of the subclass's constructor. */
  protected expose(outputs: GatewayApiOutputs): void {
    this.outputs = outputs;
  }

  get executionArn(): string {
    return this.built().executionArn;
  }
  get stageName(): string {
    return this.built().stageName;
  }
  get stageArn(): string {
    return this.built().stageArn;
  }
  get invokeUrl(): string {
    return this.built().invokeUrl;
  }
  get authorizerId(): string | undefined {
    return this.built().authorizerId;
  }
  get logGroupName(): string {
    return this.built().logGroupName;
  }
  get customDomainTarget(): CustomDomainTarget | undefined {
    return this.built().customDomainTarget;
  }

  private built(): GatewayApiOutputs {
    if (!this.outputs) throw new Error(`${this.node.path}: read an output of the API after its constructor`);
    return this.outputs;
  }
}
