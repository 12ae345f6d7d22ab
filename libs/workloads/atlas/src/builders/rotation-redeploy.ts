import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { SfnStateMachine } from "@cdktf/provider-aws/lib/sfn-state-machine";
import { declareKeyUse, declareLogGroupKey } from "@infra/kms";
import { stateMachineRoleStatements } from "@infra/lambda";
import { EventRule } from "@infra/messaging";
import { Construct } from "constructs";

/** A service with the ECS rolling controller: `UpdateService --force-new-deployment` starts fresh tasks. */
export interface RollingTarget {
  /** ECS service name (the state machine's input). */
  readonly serviceName: string;
  /** ECS service ARN (what the role may update). */
  readonly serviceArn: string;
}

/** A CodeDeploy blue/green service: ECS refuses a forced deployment; a CodeDeploy deployment of the running task definition starts fresh tasks. */
export interface BlueGreenTarget {
  /** ECS service name, to read its running task definition. */
  readonly serviceName: string;
  /** ECS service ARN (what the role may describe). */
  readonly serviceArn: string;
  /** CodeDeploy application name. */
  readonly application: string;
  /** CodeDeploy deployment group name (what the role may deploy). */
  readonly deploymentGroup: string;
  /** Container and port the target groups route to (the AppSpec's LoadBalancerInfo). */
  readonly containerName: string;
  readonly containerPort: number;
}

export interface RotationRedeployProps {
  /** Names the rule, state machine, roles and log group, e.g. "acct-atlas-prod-db-rotation". */
  readonly name: string;
  /** Secrets whose successful rotation restarts the services (ECS reads `secrets` only at task start). */
  readonly secretArns: readonly string[];
  /** The services' cluster. */
  readonly clusterArn: string;
  /** Services with the ECS rolling controller. */
  readonly rolling: readonly RollingTarget[];
  /** Services with the CodeDeploy controller. @default [] */
  readonly blueGreen?: readonly BlueGreenTarget[];
  /** CMK of the state machine's execution data and its log group. */
  readonly kmsKeyArn: string;
  /** Days the state machine's log group keeps events. */
  readonly logRetentionDays: number;
  /** Tags of every resource. */
  readonly tags: Readonly<Record<string, string>>;
}

/** The AppSpec CodeDeploy needs to redeploy `taskDefinition` (an ASL States.Format template; `{` `}` escaped). */
function appSpecTemplate(): string {
  const literal =
    '{"version":1,"Resources":[{"TargetService":{"Type":"AWS::ECS::Service","Properties":{"TaskDefinition":"@","LoadBalancerInfo":{"ContainerName":"@","ContainerPort":@}}}}]}';
  return literal.replace(/[{}]/g, (c) => `\\${c}`).replace(/@/g, "{}");
}

/** The state machine: every rolling service force-deployed, every blue/green service redeployed through CodeDeploy. Pure. */
export function redeployDefinition(clusterArn: string, hasBlueGreen: boolean): Record<string, unknown> {
  const retry = [{ ErrorEquals: ["States.ALL"], IntervalSeconds: 10, MaxAttempts: 3, BackoffRate: 2 }];
  const rolling = {
    Type: "Map",
    ItemsPath: "$.rolling",
    ResultPath: null,
    ItemProcessor: {
      ProcessorConfig: { Mode: "INLINE" },
      StartAt: "ForceNewDeployment",
      States: {
        ForceNewDeployment: {
          Type: "Task",
          Resource: "arn:aws:states:::aws-sdk:ecs:updateService",
          Parameters: { Cluster: clusterArn, "Service.$": "$", ForceNewDeployment: true },
          Retry: retry,
          End: true,
        },
      },
    },
    ...(hasBlueGreen ? { Next: "BlueGreenServices" } : { End: true }),
  };
  const blueGreen = {
    Type: "Map",
    ItemsPath: "$.blueGreen",
    ResultPath: null,
    ItemProcessor: {
      ProcessorConfig: { Mode: "INLINE" },
      StartAt: "RunningTaskDefinition",
      States: {
        RunningTaskDefinition: {
          Type: "Task",
          Resource: "arn:aws:states:::aws-sdk:ecs:describeServices",
          Parameters: { Cluster: clusterArn, "Services.$": "States.Array($.service)" },
          ResultSelector: { "taskDefinition.$": "$.Services[0].TaskDefinition" },
          ResultPath: "$.running",
          Retry: retry,
          Next: "CodeDeployDeployment",
        },
        CodeDeployDeployment: {
          Type: "Task",
          Resource: "arn:aws:states:::aws-sdk:codedeploy:createDeployment",
          Parameters: {
            "ApplicationName.$": "$.application",
            "DeploymentGroupName.$": "$.deploymentGroup",
            Description: "Secret rotated: fresh tasks read the new value",
            Revision: {
              RevisionType: "AppSpecContent",
              AppSpecContent: { "Content.$": `States.Format('${appSpecTemplate()}', $.running.taskDefinition, $.container, $.port)` },
            },
          },
          Retry: retry,
          End: true,
        },
      },
    },
    End: true,
  };
  return {
    Comment: "A secret the services read at start rotated: start fresh tasks so each holds the current value",
    StartAt: "RollingServices",
    States: { RollingServices: rolling, ...(hasBlueGreen ? { BlueGreenServices: blueGreen } : {}) },
  };
}

/**
 * EventBridge `RotationSucceeded` of the services' secrets → a state machine that starts fresh tasks
 * of every service reading them (docs/adr/0100-atlas-service-credentials.md). Its role may update
 * exactly these services and deploy exactly these deployment groups.
 */
export class RotationRedeploy extends Construct {
  readonly stateMachineArn: string;

  constructor(scope: Construct, id: string, props: RotationRedeployProps) {
    super(scope, id);
    const blueGreen = props.blueGreen ?? [];
    if (props.secretArns.length === 0) throw new Error(`RotationRedeploy ${props.name}: secretArns must not be empty`);
    if (props.rolling.length + blueGreen.length === 0) throw new Error(`RotationRedeploy ${props.name}: no service to redeploy`);
    const tags = { ...props.tags, Name: props.name };
    const region = new DataAwsRegion(this, "region");
    const account = new DataAwsCallerIdentity(this, "account");

    const logGroup = new CloudwatchLogGroup(this, "logs", {
      name: `/aws/vendedlogs/states/${props.name}`,
      retentionInDays: props.logRetentionDays,
      kmsKeyId: props.kmsKeyArn,
      tags,
    });
    declareLogGroupKey(logGroup, props.kmsKeyArn);

    const statements: DataAwsIamPolicyDocumentStatement[] = [];
    if (props.rolling.length > 0) {
      statements.push({ sid: "ForceNewDeployment", effect: "Allow", actions: ["ecs:UpdateService"], resources: props.rolling.map((s) => s.serviceArn) });
    }
    if (blueGreen.length > 0) {
      const codedeploy = (type: string, rest: string) => `arn:aws:codedeploy:${region.region}:${account.accountId}:${type}:${rest}`;
      statements.push(
        { sid: "RunningTaskDefinition", effect: "Allow", actions: ["ecs:DescribeServices"], resources: blueGreen.map((s) => s.serviceArn) },
        {
          sid: "CodeDeployDeployment",
          effect: "Allow",
          actions: ["codedeploy:CreateDeployment"],
          resources: blueGreen.map((s) => codedeploy("deploymentgroup", `${s.application}/${s.deploymentGroup}`)),
        },
        {
          sid: "CodeDeployRevision",
          effect: "Allow",
          actions: ["codedeploy:GetApplicationRevision", "codedeploy:RegisterApplicationRevision"],
          resources: blueGreen.map((s) => codedeploy("application", s.application)),
        },
        { sid: "CodeDeployConfig", effect: "Allow", actions: ["codedeploy:GetDeploymentConfig"], resources: [codedeploy("deploymentconfig", "*")] },
      );
    }
    statements.push(...stateMachineRoleStatements(props.kmsKeyArn));
    const assume = new DataAwsIamPolicyDocument(this, "sfn-assume", {
      statement: [{ effect: "Allow", actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["states.amazonaws.com"] }] }],
    });
    const role = new IamRole(this, "sfn-role", { name: `${props.name}-sfn`.slice(0, 64), assumeRolePolicy: assume.json, tags });
    const policy = new IamRolePolicy(this, "sfn-role-policy", {
      name: "redeploy-services",
      role: role.id,
      policy: new DataAwsIamPolicyDocument(this, "sfn-policy", { statement: statements }).json,
    });
    const machine = new SfnStateMachine(this, "state-machine", {
      name: props.name,
      type: "STANDARD",
      roleArn: role.arn,
      definition: JSON.stringify(redeployDefinition(props.clusterArn, blueGreen.length > 0)),
      // Execution data is service names and ARNs only (the event carries the secret ARN, never a value).
      loggingConfiguration: { level: "ALL", includeExecutionData: true, logDestination: `${logGroup.arn}:*` },
      tracingConfiguration: { enabled: true },
      encryptionConfiguration: { type: "CUSTOMER_MANAGED_KMS_KEY", kmsKeyId: props.kmsKeyArn, kmsDataKeyReusePeriodSeconds: 300 },
      tags,
      dependsOn: [policy],
    });
    // The log delivery service decrypts the execution events with the machine's key (as in @infra/lambda's sub-minute schedule).
    declareKeyUse(machine, props.kmsKeyArn, { kind: "service", service: "delivery.logs" });
    this.stateMachineArn = machine.arn;

    new EventRule(this, "rule", {
      name: props.name,
      description: "A secret the services read at start rotated: redeploy them",
      // Secrets Manager logs rotation outcomes as CloudTrail service events; the secret is in additionalEventData.
      eventPattern: {
        source: ["aws.secretsmanager"],
        "detail-type": ["AWS Service Event via CloudTrail"],
        detail: { eventSource: ["secretsmanager.amazonaws.com"], eventName: ["RotationSucceeded"], additionalEventData: { SecretId: [...props.secretArns] } },
      },
      targets: {
        redeploy: {
          type: "sfn",
          stateMachineArn: machine.arn,
          input: {
            rolling: props.rolling.map((s) => s.serviceName),
            blueGreen: blueGreen.map((s) => ({
              service: s.serviceName,
              application: s.application,
              deploymentGroup: s.deploymentGroup,
              container: s.containerName,
              port: s.containerPort,
            })),
          },
          maxRetryAttempts: 10,
          maxEventAgeSeconds: 3600,
        },
      },
      tags: props.tags,
    });
  }
}
