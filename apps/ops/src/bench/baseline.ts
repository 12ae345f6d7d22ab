import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The stock `cdktf init --template=typescript` path: ts-node, and the AWS provider imported from its
 * package root. A dozen tiny stacks (a provider and one bucket each). Written under the workspace so
 * it resolves the same node_modules.
 */
export function writeBaselineProject(dir: string, stacks = 12): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "main.ts"),
    `import { Construct } from "constructs";
import { App, TerraformStack } from "cdktf";
import { provider, s3Bucket } from "@cdktf/provider-aws";

class TinyStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new provider.AwsProvider(this, "aws", { region: "us-east-1" });
    new s3Bucket.S3Bucket(this, "bucket", { bucket: id + "-bucket" });
  }
}

const app = new App();
for (let i = 0; i < ${stacks}; i++) new TinyStack(app, "tiny-" + i);
app.synth();
`,
  );
  writeFileSync(
    join(dir, "cdktf.json"),
    JSON.stringify(
      {
        language: "typescript",
        app: "npx ts-node main.ts",
        projectId: "bench-baseline",
        sendCrashReports: "false",
        terraformProviders: [],
        terraformModules: [],
        context: {},
      },
      null,
      2,
    ),
  );
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify(
      {
        compilerOptions: { target: "ES2018", module: "CommonJS", lib: ["es2018"], strict: true, esModuleInterop: true, skipLibCheck: true, types: [] },
        include: ["main.ts"],
      },
      null,
      2,
    ),
  );
}
