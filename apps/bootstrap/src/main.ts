/**
 * apps/bootstrap: the state bucket and lock table of every env's account, on local state
 * (chicken and egg: the S3 backend cannot store the state of its own bucket before it exists).
 * After the first apply, set BOOTSTRAP_BACKEND=s3 and run `terraform init -migrate-state` to move
 * this state into the bucket it created (README "Bootstrap").
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { root } from "@envs/root";
import { ConfigError, type EnvConfig, fillPattern, rootConfig, validateEnvSet } from "@infra/config";
import { App, LocalBackend, S3Backend, TerraformStack } from "cdktf";
import { resolve } from "node:path";
import { env as dev } from "@envs/dev";
import { env as prod } from "@envs/prod";
import { env as staging } from "@envs/staging";
import { env as uat } from "@envs/uat";
import { StateBackend } from "./state-backend";

export const BOOTSTRAP_ENVS: readonly EnvConfig[] = [dev, staging, uat, prod];

/** One stack per env account: `bootstrap-<env>`. */
export function buildBootstrap(app: App, backend: "local" | "s3"): TerraformStack[] {
  const parsed = rootConfig.parse(root);
  validateEnvSet(BOOTSTRAP_ENVS);
  return BOOTSTRAP_ENVS.map((env) => {
    const values = { project: parsed.project, env: env.name, accountId: env.accountId };
    const bucket = fillPattern(parsed.state.bucket, values);
    const lockTable = fillPattern(parsed.state.lockTable, values);
    const stack = new TerraformStack(app, `bootstrap-${env.name}`);
    if (backend === "local") {
      // Relative to the stack's directory (cdktf.out/stacks/<stack>): apps/bootstrap/state/<env>.tfstate,
      // outside cdktf.out so a re-synth never loses it (gitignored).
      new LocalBackend(stack, { path: `../../../state/${env.name}.tfstate` });
    } else {
      new S3Backend(stack, {
        bucket,
        key: `${env.name}/bootstrap/terraform.tfstate`,
        region: parsed.state.region,
        encrypt: true,
        dynamodbTable: lockTable,
      });
    }
    new AwsProvider(stack, "aws", {
      region: parsed.state.region,
      allowedAccountIds: [env.accountId],
      defaultTags: [{ tags: { ...parsed.tags, Project: parsed.project, Environment: env.name, CostAllocation: env.costAllocation, Deployment: "bootstrap" } }],
    });
    stack.addOverride("terraform.required_version", parsed.terraformVersion);
    new StateBackend(stack, "state", { accountId: env.accountId, region: parsed.state.region, bucketName: bucket, lockTableName: lockTable });
    return stack;
  });
}

if (require.main === module) {
  try {
    const app = new App({ outdir: process.env["CDKTF_OUTDIR"] ?? resolve(__dirname, "..", "cdktf.out") });
    buildBootstrap(app, process.env["BOOTSTRAP_BACKEND"] === "s3" ? "s3" : "local");
    app.synth();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
